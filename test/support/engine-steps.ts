/**
 * What the engine plans or does for each resource, collected from the Automation API's event stream, so
 * that tests can say "the Cluster updates and nothing else" rather than only reading the summary counts.
 */
import type { EngineEvent, PreviewOptions, PreviewResult, Stack, UpOptions, UpResult } from "@pulumi/pulumi/automation";

/** One resource's step: its op (`same`, `update`, `replace`, `create-replacement`, …) and changed keys. */
export interface Step {
  name: string;
  type: string;
  op: string;
  diffs: string[];
  keys: string[];
}

function collector(): { steps: Step[]; onEvent: (e: EngineEvent) => void } {
  const steps: Step[] = [];
  const onEvent = (e: EngineEvent) => {
    const m = e.resourcePreEvent?.metadata;
    if (!m || m.type === "pulumi:pulumi:Stack" || m.type.startsWith("pulumi:providers:")) return;
    steps.push({ name: m.urn.split("::").pop()!, type: m.type.split(":").pop()!, op: m.op, diffs: m.diffs ?? [], keys: m.keys ?? [] });
  };
  return { steps, onEvent };
}

/** Steps other than `same` (and `read`), as `Kind name: op` strings, sorted: easy to compare exactly. */
export function changedSteps(steps: readonly Step[]): string[] {
  return steps.filter((s) => s.op !== "same" && s.op !== "read").map((s) => `${s.type} ${s.name}: ${s.op}`).sort();
}

/** A preview with the per-resource steps. */
export async function previewSteps(stack: Stack, options: PreviewOptions = {}): Promise<{ result: PreviewResult; steps: Step[] }> {
  const c = collector();
  const result = await stack.preview({ ...options, onEvent: c.onEvent });
  return { result, steps: c.steps };
}

/** An up with the per-resource steps. */
export async function upSteps(stack: Stack, options: UpOptions = {}): Promise<{ result: UpResult; steps: Step[] }> {
  const c = collector();
  const result = await stack.up({ ...options, onEvent: c.onEvent });
  return { result, steps: c.steps };
}

/** Resolves with the error an engine call rejected with, or fails the test when it succeeded. */
export async function failureOf(run: Promise<unknown>, what: string): Promise<Error> {
  const outcome = await run.then(
    () => undefined,
    (e: unknown) => (e instanceof Error ? e : new Error(String(e))),
  );
  if (!outcome) throw new Error(`${what} succeeded but must fail`);
  return outcome;
}
