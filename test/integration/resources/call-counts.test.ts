/**
 * The exact API calls a Collection and its CollectionIndex cost per lifecycle step, read from the emulator's
 * call log, so a redundant describe cannot creep back in unnoticed (issue 9: up from empty ≤ 5 calls per
 * collection + index pair is the target; docs/benchmarks.md explains each call that remains).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../support/emulator";
import { forgetEndpoints } from "../../../src/resources/shared/data-plane-target";
import { clusterOn, providerFor, refreshNoDiff, up } from "./harness";

let emu: TestEmulator;
let endpoint = "";
let token = "";

beforeAll(async () => {
  emu = await startTestEmulator();
  ({ endpoint, token } = await clusterOn(emu, "counts-host"));
});
afterAll(async () => emu?.close());

/** Runs `fn` and returns the data-plane calls it made, as `{ "collections/describe": 1, … }`. */
async function callsOf(fn: () => Promise<unknown>): Promise<Record<string, number>> {
  await emu.control.clearCalls();
  await fn();
  const out: Record<string, number> = {};
  for (const c of (await emu.control.calls()).calls) {
    const key = c.target === "control" ? `control ${c.method} ${c.path}` : c.path.replace(/^\/v2\/vectordb\//, "");
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

const collectionInputs = (over: Record<string, unknown> = {}) => ({
  endpoint, token, collectionName: "counted",
  schema: { fields: [{ name: "id", dataType: "Int64", isPrimary: true }, { name: "vec", dataType: "FloatVector", dim: 8 }] },
  ...over,
});
const indexInputs = (over: Record<string, unknown> = {}) => ({ endpoint, token, collectionName: "counted", fieldName: "vec", indexType: "HNSW", metricType: "L2", params: { M: 8, efConstruction: 32 }, ...over });

describe("API calls per lifecycle step (Collection + CollectionIndex)", () => {
  const coll = { id: "", outs: {} as Record<string, unknown>, inputs: {} as Record<string, unknown> };
  const index = { id: "", outs: {} as Record<string, unknown>, inputs: {} as Record<string, unknown> };

  it("create: 3 calls for the collection (has, create, describe) and 2 for its index (create, describe): the index reuses the collection's last describe", async () => {
    const c = providerFor("Collection", emu).p;
    const i = providerFor("CollectionIndex", emu).p;
    expect(await callsOf(async () => Object.assign(coll, await up(c, collectionInputs())))).toEqual({ "collections/has": 1, "collections/create": 1, "collections/describe": 1 });
    expect(await callsOf(async () => Object.assign(index, await up(i, indexInputs())))).toEqual({ "indexes/create": 1, "indexes/describe": 1 });
    expect(index.outs.indexState).toBe("Finished");
  });

  it("create with loaded: true defers the load to the index, which loads it (2 and 3 more calls than the bare pair)", async () => {
    const c = providerFor("Collection", emu).p;
    const i = providerFor("CollectionIndex", emu).p;
    const name = "counted_loaded";
    const created = await callsOf(() => up(c, collectionInputs({ collectionName: name, loaded: true })));
    // describe to find the unindexed vector field, alter_properties to record the deferred load.
    expect(created).toEqual({ "collections/has": 1, "collections/create": 1, "collections/describe": 2, "collections/alter_properties": 1 });
    const indexed = await callsOf(() => up(i, indexInputs({ collectionName: name })));
    // The remembered describe carries the deferred-load mark the collection create set.
    expect(indexed).toEqual({ "indexes/create": 1, "indexes/describe": 1, "collections/load": 1, "collections/drop_properties": 1, "collections/get_load_state": 1 });
  });

  it("no-op: check and diff make no call", async () => {
    const c = providerFor("Collection", emu).p;
    const i = providerFor("CollectionIndex", emu).p;
    const calls = await callsOf(async () => {
      await c.check(coll.inputs, coll.inputs);
      expect((await c.diff(coll.id, coll.outs, coll.inputs)).changes).toBe(false);
      await i.check(index.inputs, index.inputs);
      expect((await i.diff(index.id, index.outs, index.inputs)).changes).toBe(false);
    });
    expect(calls).toEqual({});
  });

  it("refresh: exactly 1 read call per resource", async () => {
    const c = providerFor("Collection", emu).p;
    const i = providerFor("CollectionIndex", emu).p;
    expect(await callsOf(() => refreshNoDiff(c, coll.id, coll.outs, coll.inputs))).toEqual({ "collections/describe": 1 });
    expect(await callsOf(() => refreshNoDiff(i, index.id, index.outs, index.inputs))).toEqual({ "indexes/describe": 1 });
  });

  it("in-place change of the description: alter_properties + 1 describe", async () => {
    const c = providerFor("Collection", emu).p;
    const news = collectionInputs({ description: "counted rows" });
    expect((await c.diff(coll.id, coll.outs, news)).replaces).toEqual([]);
    const calls = await callsOf(async () => {
      coll.outs = (await c.update(coll.id, coll.outs, news)).outs as Record<string, unknown>;
    });
    coll.inputs = news;
    expect(calls).toEqual({ "collections/alter_properties": 1, "collections/describe": 1 });
  });

  it("replace of the index (delete, then create): 3 + 3 calls (no remembered describe: the collection was not created just now)", async () => {
    const i = providerFor("CollectionIndex", emu).p;
    const news = indexInputs({ params: { M: 16, efConstruction: 32 } });
    expect((await i.diff(index.id, index.outs, news)).replaces).toEqual(["params"]);
    expect(await callsOf(() => i.delete(index.id, index.outs))).toEqual({ "collections/get_load_state": 1, "indexes/drop": 1, "indexes/describe": 1 });
    expect(await callsOf(async () => Object.assign(index, await up(i, news)))).toEqual({ "collections/describe": 1, "indexes/create": 1, "indexes/describe": 1 });
  });

  it("destroy: 3 calls for the index (load state, drop, gone?) and 3 for the empty collection (row count, drop, gone?)", async () => {
    const c = providerFor("Collection", emu).p;
    const i = providerFor("CollectionIndex", emu).p;
    expect(await callsOf(() => i.delete(index.id, index.outs))).toEqual({ "collections/get_load_state": 1, "indexes/drop": 1, "indexes/describe": 1 });
    expect(await callsOf(() => c.delete(coll.id, coll.outs))).toEqual({ "collections/get_stats": 1, "collections/drop": 1, "collections/has": 1 });
  });
});

describe("the data-plane endpoint comes from the Cluster's own describe in the same provider process", () => {
  it("a Collection and its index created right after their Cluster ask the control plane nothing", async () => {
    const cl = providerFor("Cluster", emu).p;
    const c = providerFor("Collection", emu).p;
    const i = providerFor("CollectionIndex", emu).p;
    const cluster = await up(cl, { clusterName: "counts-shared", plan: "Enterprise", regionId: "gcp-us-west1", cuSize: 1 });
    const onCluster = { clusterId: cluster.id, token: undefined, endpoint: undefined };
    const calls = await callsOf(async () => {
      await up(c, collectionInputs({ ...onCluster, collectionName: "shared_endpoint" }));
      await up(i, indexInputs({ ...onCluster, collectionName: "shared_endpoint" }));
    });
    expect(calls).toEqual({ "collections/has": 1, "collections/create": 1, "collections/describe": 1, "indexes/create": 1, "indexes/describe": 1 });
  });
});

describe("a refresh in a new provider process reads a data-plane object wired by clusterId in exactly 1 call", () => {
  it("the state keeps the data-plane URL the create used, so the read needs no cluster describe", async () => {
    const { clusterId } = await clusterOn(emu, "counts-stored");
    const c = providerFor("Collection", emu).p;
    const inputs = collectionInputs({ clusterId, endpoint: undefined, token: undefined, collectionName: "stored_endpoint" });
    const created = await up(c, inputs);
    expect(created.outs.dataPlaneEndpoint).toMatch(/^http/);
    // A new process: nothing known but the state.
    forgetEndpoints();
    expect(await callsOf(() => refreshNoDiff(c, created.id, created.outs, created.inputs))).toEqual({ "collections/describe": 1 });
  });

  it("a state stored without it (an older release) is read as before and does not gain it", async () => {
    const { clusterId } = await clusterOn(emu, "counts-old-state");
    const c = providerFor("Collection", emu).p;
    const created = await up(c, collectionInputs({ clusterId, endpoint: undefined, token: undefined, collectionName: "old_state" }));
    const { dataPlaneEndpoint: _dropped, ...older } = created.outs;
    forgetEndpoints();
    let read: Record<string, unknown> = {};
    const calls = await callsOf(async () => {
      read = (await refreshNoDiff(c, created.id, older, created.inputs)).props as Record<string, unknown>;
    });
    expect(calls).toEqual({ [`control GET /v2/clusters/${clusterId}`]: 1, "collections/describe": 1 });
    expect(read).not.toHaveProperty("dataPlaneEndpoint");
  });
});
