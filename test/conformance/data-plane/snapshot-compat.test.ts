/**
 * A state file written before partitions were loaded one by one (no `loadedPartitions`, no `compactions`)
 * still restores, and means what it meant then: a loaded collection has every partition loaded.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { createDataPlane } from "../../../src/emulator/data-plane";
import { listen, send } from "../replay";

const saved = JSON.parse(readFileSync(path.resolve(__dirname, "../../fixtures/data-plane/snapshots/before-partition-load.json"), "utf8")) as unknown;
let server: Server | undefined;
afterEach(() => server?.close());

describe("snapshots from before per-partition load", () => {
  it("restore with every partition loaded, then load and compact as new state does", async () => {
    const plane = createDataPlane({ authenticate: () => true, transitionMode: () => ({ kind: "immediate" }) } as Parameters<typeof createDataPlane>[0]);
    plane.restore(saved);
    const started = await listen(plane.handle);
    server = started.server;
    const post = async (p: string, body: unknown) => (await send(started.url, "POST", `/v2/vectordb/${p}`, JSON.stringify(body))).json;

    expect(await post("entities/query", { collectionName: "books", filter: 'color in ["red", "blue"]', outputFields: ["color"] })).toEqual({
      code: 0, cost: 0, data: [{ color: "red", id: 1 }, { color: "blue", id: 2 }],
    });
    expect(await post("partitions/drop", { collectionName: "books", partitionName: "p1" })).toMatchObject({ code: 1100 });
    expect(await post("partitions/release", { collectionName: "books", partitionNames: ["p1"] })).toEqual({ code: 0, data: {} });
    expect(await post("entities/query", { collectionName: "books", outputFields: ["count(*)"] })).toEqual({ code: 0, cost: 0, data: [{ "count(*)": 1 }] });
    expect(await post("partitions/drop", { collectionName: "books", partitionName: "p1" })).toEqual({ code: 0, data: {} });

    const compacted = (await post("collections/compact", { collectionName: "books" })) as { data: { compactionID: number } };
    expect(compacted.data.compactionID).toBeGreaterThan(2 ** 53);
    expect(await post("collections/get_compaction_state", { jobID: compacted.data.compactionID })).toEqual({
      code: 0, data: { compactionID: compacted.data.compactionID, completedPlanNumber: 0, executingPlanNumber: 0, state: "Completed", timeoutPlanNumber: 0 },
    });
    // The new keys are written from now on, and a second restore of the new snapshot keeps them.
    const next = plane.snapshot() as { compactions?: Record<string, string> };
    expect(Object.values(next.compactions ?? {})).toEqual(["470000000000000001"]);
  });
});
