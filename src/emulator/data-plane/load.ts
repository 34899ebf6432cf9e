/** Collection loading: the checks `load` makes and the Loading → Loaded clock. */
import type { PlaneContext } from "./context";
import { Code, DataPlaneError, invalidParameter } from "./errors";
import type { CollectionState } from "./state";
import { VECTOR_TYPES } from "./collection-schema";
import { startTransition, transitionProgress } from "./transitions";

/** Starts loading (a no-op when already loading or loaded); 700 without any index, 1100 for an unindexed vector field. */
export function loadCollection(ctx: PlaneContext, coll: CollectionState): void {
  if (coll.indexes.length === 0) throw new DataPlaneError(Code.indexNotFound, `index not found[collection=${coll.name}]`);
  const unindexed = coll.fields.filter((f) => VECTOR_TYPES.includes(f.dataType) && !coll.indexes.some((i) => i.fieldName === f.name));
  if (unindexed.length > 0) {
    throw invalidParameter(`there is no vector index on field: [${unindexed.map((f) => f.name).join(" ")}], please create index firstly`);
  }
  if (!coll.load) coll.load = startTransition(ctx.mode("load"));
}

/** `LoadStateNotLoad`, `LoadStateLoading` or `LoadStateLoaded`, with the progress 0..100. */
export function loadState(coll: CollectionState): { state: string; progress: number } {
  if (!coll.load) return { state: "LoadStateNotLoad", progress: 0 };
  const progress = transitionProgress(coll.load);
  return { state: progress >= 100 ? "LoadStateLoaded" : "LoadStateLoading", progress };
}
