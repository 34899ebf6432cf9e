/**
 * Stack outputs for people and pipelines: secret outputs (the `tokens`) print as `[secret]` unless asked
 * for. The Automation API returns secrets in plain text with a flag, so the masking happens here.
 */
import type { EnvOutput } from "./env-result";

/** What a masked secret prints as. */
export const MASK = "[secret]";

/** Output name → value, secrets masked unless `showSecrets`. */
export function visibleOutputs(outputs: Record<string, EnvOutput>, showSecrets: boolean): Record<string, unknown> {
  return Object.fromEntries(Object.entries(outputs).map(([k, o]) => [k, o.secret && !showSecrets ? MASK : o.value]));
}

/** The outputs of one environment as indented JSON under a heading line. */
export function formatOutputs(env: string, outputs: Record<string, EnvOutput>, showSecrets: boolean): string {
  return `# ${env}\n${JSON.stringify(visibleOutputs(outputs, showSecrets), null, 2)}\n`;
}
