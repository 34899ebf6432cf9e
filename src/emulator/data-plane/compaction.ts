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
    // `jobID` is not required by the server: a missing one is 0, an ID it never issued.
    spec: { struct: "GetCompactionStateReq", fields: { jobID: "int64" } },
    run(body, ctx) {
      // The body's int64 arrives as a JS number (rounded beyond 2^53), so issued IDs are compared as numbers
      // and echoed with their exact digits.
      const requested = (body.jobID as number | undefined) ?? 0;
      const issued = Object.keys(ctx.state.compactions ?? {}).find((id) => Number(id) === requested);
      return {
        data: {
          compactionID: new Int64(issued ?? String(requested)),
          state: issued ? "Completed" : "UndefiedState",
          executingPlanNumber: new Int64("0"),
          timeoutPlanNumber: new Int64("0"),
          completedPlanNumber: new Int64("0"),
        },
      };
    },
  },
};
