/**
 * v2 `collections/compact` and `collections/get_compaction_state`. The emulator has no segments, so a
 * manual compaction has nothing to merge: it gets an ID and reports `Completed` with no plans at once.
 */
import { collection, type Routes } from "./context";
import { Int64 } from "./json-text";
import { nextId } from "./state";

export const compactionRoutes: Routes = {
  "collections/compact": {
    spec: { struct: "CompactReq", fields: { dbName: "string", "collectionName!": "string", isClustering: "bool" } },
    run(body, ctx) {
      const coll = collection(ctx, body.collectionName as string);
      const id = nextId(ctx.state);
      ctx.state.compactions = { ...(ctx.state.compactions ?? {}), [id]: coll.id };
      return { data: { compactionID: new Int64(id) } };
    },
  },
  "collections/get_compaction_state": {
    spec: { struct: "GetCompactionStateReq", fields: { "jobID!": "int64" } },
    run(body, ctx) {
      // The server answers for any ID; one it never issued has no plans and the undefined state. The body's
      // int64 arrives as a JS number (rounded beyond 2^53), so IDs are compared as numbers.
      const known = Object.keys(ctx.state.compactions ?? {}).some((id) => Number(id) === body.jobID);
      return {
        data: {
          state: known ? "Completed" : "UndefiedState",
          executingPlanNo: new Int64("0"),
          timeoutPlanNo: new Int64("0"),
          completedPlanNo: new Int64("0"),
          failedPlanNo: new Int64("0"),
        },
      };
    },
  },
};
