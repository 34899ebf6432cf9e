/** Collection and partition loading: the checks `load` makes, the Loading → Loaded clock, and who is loaded. */
import type { PlaneContext } from "./context";
import { Code, DataPlaneError, invalidParameter } from "./errors";
import type { CollectionState } from "./state";
import { VECTOR_TYPES } from "./collection-schema";
import { startTransition, transitionProgress } from "./transitions";

function checkLoadable(coll: CollectionState): void {
  if (coll.indexes.length === 0) throw new DataPlaneError(Code.indexNotFound, `index not found[collection=${coll.name}]`);
  const unindexed = coll.fields.filter((f) => VECTOR_TYPES.includes(f.dataType) && !coll.indexes.some((i) => i.fieldName === f.name));
  if (unindexed.length > 0) {
    throw invalidParameter(`there is no vector index on field: [${unindexed.map((f) => f.name).join(" ")}], please create index firstly`);
  }
}

/** Starts loading every partition (a no-op when already loading or loaded); 700 without any index, 1100 for an unindexed vector field. */
export function loadCollection(ctx: PlaneContext, coll: CollectionState): void {
  checkLoadable(coll);
  if (!coll.load) coll.load = startTransition(ctx.mode("load"));
  delete coll.loadedPartitions;
}

/** Loads some partitions on top of whatever is loaded already (same checks as a collection load). */
export function loadPartitions(ctx: PlaneContext, coll: CollectionState, names: string[]): void {
  checkLoadable(coll);
  if (coll.load && coll.loadedPartitions === undefined) return;
  if (!coll.load) coll.load = startTransition(ctx.mode("load"));
  coll.loadedPartitions = [...new Set([...(coll.loadedPartitions ?? []), ...names])];
}

/** Releases some partitions; releasing the last loaded one releases the collection. */
export function releasePartitions(coll: CollectionState, names: string[]): void {
  if (!coll.load) return;
  const remaining = (coll.loadedPartitions ?? coll.partitions).filter((p) => !names.includes(p));
  if (remaining.length === 0) releaseCollection(coll);
  else coll.loadedPartitions = remaining;
}

/** Releases everything. */
export function releaseCollection(coll: CollectionState): void {
  delete coll.load;
  delete coll.loadedPartitions;
}

/** Whether `partition` is loaded (or loading). */
export function isPartitionLoaded(coll: CollectionState, partition: string): boolean {
  return coll.load !== undefined && (coll.loadedPartitions === undefined || coll.loadedPartitions.includes(partition));
}

/** `LoadStateNotLoad`, `LoadStateLoading` or `LoadStateLoaded`, with the progress 0..100. */
export function loadState(coll: CollectionState, partitions: string[] = []): { state: string; progress: number } {
  if (!coll.load || partitions.some((p) => !isPartitionLoaded(coll, p))) return { state: "LoadStateNotLoad", progress: 0 };
  const progress = transitionProgress(coll.load);
  return { state: progress >= 100 ? "LoadStateLoaded" : "LoadStateLoading", progress };
}

/**
 * What a read (query, get, search) may look at: the partitions named, or every loaded partition.
 * 101 when nothing is loaded, 200 for an unknown partition, 201 for a named partition that is not loaded.
 * `verb` is the server's wrapping (`failed to query`, `failed to search`).
 */
export function readablePartitions(coll: CollectionState, requested: string[] | undefined, verb: "query" | "search"): string[] {
  if (!coll.load) throw new DataPlaneError(Code.collectionNotLoaded, `failed to ${verb}: collection not loaded[collection=${coll.id}]`);
  const names = requested && requested.length > 0 ? requested : undefined;
  if (names !== undefined && coll.partitionKeyCount > 0) {
    throw invalidParameter("not support manually specifying the partition names if partition key mode is used");
  }
  if (names === undefined) return coll.partitions.filter((p) => isPartitionLoaded(coll, p));
  for (const p of names) {
    if (!coll.partitions.includes(p)) throw new DataPlaneError(Code.partitionNotFound, `partition not found[partition=${p}]`);
  }
  const unloaded = names.filter((p) => !isPartitionLoaded(coll, p));
  if (unloaded.length > 0) throw new DataPlaneError(Code.partitionNotLoaded, `failed to ${verb}: partition not loaded[partition=${unloaded.join(",")}]`);
  return names;
}
