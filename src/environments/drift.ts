/**
 * Drift from a refresh preview's events. The engine decides which resources drifted: the outputs event of
 * each refreshed resource carries `update` (its read differs from the stack's inputs), `delete` (gone) or
 * `same`. Computed outputs that move on their own (a load state) count as `same`. Dynamic resources carry
 * no diff in the events, so the changed properties are computed here from the old and new inputs.
 */
import type { EngineEvent, StepEventMetadata } from "@pulumi/pulumi/automation";
import { stableEqual } from "../resources/shared/stable-equal";
import type { DriftedResource } from "./env-result";
import { isInternalKey, kindOf, nameOf } from "./event-names";

/** The top-level keys whose values differ between two property bags (a reordered map is no change). */
export function differingKeys(olds: Record<string, unknown>, news: Record<string, unknown>): string[] {
  const keys = [...new Set([...Object.keys(olds), ...Object.keys(news)])].filter((k) => !isInternalKey(k)).sort();
  return keys.filter((k) => !stableEqual(olds[k], news[k]));
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
