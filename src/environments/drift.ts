/**
 * Drift from a refresh preview's events. The engine decides which resources drifted: the outputs event of
 * each refreshed resource carries `update` (its read differs from the stack's inputs), `delete` (gone) or
 * `same`. Computed outputs that move on their own (a load state) count as `same`. Dynamic resources carry
 * no diff in the events, so the changed properties are computed here from the old and new inputs.
 */
import type { EngineEvent, StepEventMetadata } from "@pulumi/pulumi/automation";
import type { DriftedResource } from "./env-result";

const PACKAGE_TYPE = "pulumi-nodejs:dynamic/zilliz:";
const kindOf = (type: string) => (type.startsWith(PACKAGE_TYPE) ? type.slice(PACKAGE_TYPE.length) : type);
const nameOf = (urn: string) => urn.slice(urn.lastIndexOf("::") + 2);

/** Property names that are bookkeeping, not the resource: the provider's code text and engine-internal keys. */
const internal = (key: string) => key.startsWith("__");

/** Canonical JSON (object keys sorted) so a reordered map does not count as a change. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v !== null && typeof v === "object") {
    return `{${Object.keys(v as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v) ?? "undefined";
}

/** The top-level keys whose values differ between two property bags. */
export function differingKeys(olds: Record<string, unknown>, news: Record<string, unknown>): string[] {
  const keys = [...new Set([...Object.keys(olds), ...Object.keys(news)])].filter((k) => !internal(k)).sort();
  return keys.filter((k) => canonical(olds[k]) !== canonical(news[k]));
}

/** How a refresh step changed a resource, or undefined when it did not. */
function driftOf(m: StepEventMetadata): DriftedResource | undefined {
  if (m.type.startsWith("pulumi:")) return undefined;
  const base = { kind: kindOf(m.type), name: nameOf(m.urn), urn: m.urn };
  // Gone: the provider's read found nothing, so the refreshed state has no resource.
  if (m.op === "delete" || (m.old && !m.new)) return { ...base, change: "delete", properties: [] };
  if (m.op !== "update") return undefined;
  // The inputs first (what the spec says, read back from reality); outputs only when those agree.
  const inputs = differingKeys(m.old?.inputs ?? {}, m.new?.inputs ?? {});
  return { ...base, change: "update", properties: inputs.length > 0 ? inputs : differingKeys(m.old?.outputs ?? {}, m.new?.outputs ?? {}) };
}

/** The drifted resources of a refresh preview (`stack.previewRefresh({ onEvent })`), in event order, each once. */
export function driftedResources(events: readonly EngineEvent[]): DriftedResource[] {
  const byUrn = new Map<string, DriftedResource>();
  for (const e of events) {
    const m = e.resOutputsEvent?.metadata;
    const d = m ? driftOf(m) : undefined;
    if (d) byUrn.set(d.urn, d);
  }
  return [...byUrn.values()];
}
