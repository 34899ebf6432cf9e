/**
 * A collection can only be loaded once every vector field has an index, and the indexes depend on the
 * collection: in the `up` that creates them, `loaded: true` would fail (`index not found` on load). Such
 * collections are declared without `loaded` (unset means "not managed": no change is planned, nothing is
 * released) and a second `up` loads them once their indexes exist.
 */
import { collectionKey, indexKey } from "./entry-keys";
import type { EnvSpec } from "./spec-types";

/**
 * The keys of the collections whose `loaded: true` must wait for another `up`: those with an index of the
 * spec that is not built yet. `builtIndexes` are the index keys the stack already has (the `indexes` output
 * of the last `up`; empty for a new stack).
 */
export function deferredLoads(spec: EnvSpec, builtIndexes: readonly string[]): string[] {
  const built = new Set(builtIndexes);
  return spec.collections
    .filter((c) => c.loaded === true)
    .map(collectionKey)
    .filter((key) => spec.indexes.some((x) => x.collection === key && !built.has(indexKey(x))));
}
