/** CollectionIndex through the runtime against a zilliz-local cluster's data plane. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MilvusClient } from "../../../src/client";
import { startTestEmulator, type TestEmulator } from "../../support/emulator";
import { clusterOn, expectPartial, insertRows, providerFor, refreshNoDiff, rejectionMessage, up } from "./harness";

let emu: TestEmulator;
let endpoint = "";
let token = "";
const mc = () => new MilvusClient({ endpoint, token });

beforeAll(async () => {
  emu = await startTestEmulator();
  ({ endpoint, token } = await clusterOn(emu, "idx-host"));
  const { p } = providerFor("Collection", emu);
  for (const name of ["items", "bits"]) {
    const vec = name === "bits" ? { name: "vec", dataType: "BinaryVector", dim: 16 } : { name: "vec", dataType: "FloatVector", dim: 4 };
    await up(p, { endpoint, token, collectionName: name, schema: { fields: [{ name: "id", dataType: "Int64", isPrimary: true, autoId: true }, { name: "tag", dataType: "VarChar", maxLength: 16 }, vec] } });
  }
  await insertRows(endpoint, token, "items", [{ tag: "a", vec: [0.1, 0.2, 0.3, 0.4] }]);
});
afterAll(async () => emu?.close());

const hnsw = (over: Record<string, unknown> = {}) => ({ endpoint, token, collectionName: "items", fieldName: "vec", indexType: "HNSW", metricType: "L2", params: { M: 16, efConstruction: 64 }, ...over });

describe("CollectionIndex lifecycle", () => {
  let id = "";
  let outs: Record<string, unknown> = {};
  let inputs: Record<string, unknown> = {};

  it("creates and waits for the build", async () => {
    inputs = hnsw();
    const { p } = providerFor("CollectionIndex", emu);
    ({ id, outs } = await up(p, inputs));
    expect(id).toBe("default/items/vec");
    expect(outs).toMatchObject({ indexState: "Finished", stateVersion: 2 });
  });

  it("refresh leaves no diff (params echoed as strings, default name)", async () => {
    const { p } = providerFor("CollectionIndex", emu);
    // New rows must not change the refreshed outputs either (`refresh --expect-no-changes` compares them).
    await insertRows(endpoint, token, "items", [{ tag: "b", vec: [0.5, 0.6, 0.7, 0.8] }]);
    const r = await refreshNoDiff(p, id, outs, inputs);
    expect(r.props).toEqual(outs);
  });

  it("changes local settings in place; any index change replaces, old one first", async () => {
    const { p } = providerFor("CollectionIndex", emu);
    const local = { ...inputs, waitForBuild: false };
    expect(await p.diff!(id, outs, local)).toMatchObject({ changes: true, replaces: [] });
    outs = (await p.update!(id, outs, local)).outs as Record<string, unknown>;
    expect(outs.indexState).toBe("Finished");
    expect(await p.diff!(id, outs, { ...local, params: { M: 32, efConstruction: 64 } })).toMatchObject({ replaces: ["params"], deleteBeforeReplace: true });
  });

  it("replacing on a loaded collection: release, drop, and reload once the new index is built", async () => {
    const { p } = providerFor("CollectionIndex", emu);
    await mc().collections.load({ collectionName: "items" });
    await p.delete!(id, outs);
    expect((await mc().indexes.list({ collectionName: "items" })).length).toBe(0);
    expect((await mc().collections.getLoadState({ collectionName: "items" })).loadState).toBe("LoadStateNotLoad");
    const again = await up(p, hnsw({ params: { M: 32, efConstruction: 64 } }));
    expect((await mc().collections.getLoadState({ collectionName: "items" })).loadState).not.toBe("LoadStateNotLoad");
    id = again.id;
    outs = again.outs;
  });

  it("deletes; a second delete and a read see it gone", async () => {
    const { p } = providerFor("CollectionIndex", emu);
    await p.delete!(id, outs);
    expect(await p.read!(id, outs)).toEqual({});
    await p.delete!(id, outs);
  });
});

describe("CollectionIndex checks, adoption and partial state", () => {
  it("refuses HNSW on a binary vector at create (the field type is read from the server)", async () => {
    const { p } = providerFor("CollectionIndex", emu);
    const message = await rejectionMessage(p.create({ endpoint, token, collectionName: "bits", fieldName: "vec", indexType: "HNSW", metricType: "HAMMING" }));
    expect(message).toMatch(/binary vector/);
    expect(await mc().indexes.list({ collectionName: "bits" })).toEqual([]);
  });

  it("adopts a matching index, takes over an identical one without adopt, and refuses a mismatching one", async () => {
    await mc().indexes.create({ collectionName: "items", indexParams: [{ fieldName: "tag", indexName: "tag_idx", indexType: "INVERTED" }] });
    const { p, logs } = providerFor("CollectionIndex", emu);
    const base = { endpoint, token, collectionName: "items", fieldName: "tag", indexName: "tag_idx", indexType: "INVERTED" };
    expect(await rejectionMessage(p.create({ ...base, indexType: "BITMAP" }))).toMatch(/already exists on "items" with other settings \(indexType: existing "INVERTED", wanted "BITMAP"\).*adopt: true/);
    expect((await up(p, base)).id).toBe("default/items/tag_idx");
    expect(logs.join("\n")).toMatch(/exactly as requested; taking it over/);
    const adopted = await up(p, { ...base, adopt: true });
    expect(adopted.id).toBe("default/items/tag_idx");
    const message = await rejectionMessage(p.create({ ...base, adopt: true, indexType: "BITMAP" }));
    expect(message).toMatch(/cannot adopt index "tag_idx"/);
    expect(message).toMatch(/indexType: existing "INVERTED", wanted "BITMAP"/);
  });

  it("a build wait that times out leaves partial state with the id", async () => {
    const { p } = providerFor("CollectionIndex", emu);
    await emu.control.setTransition("index", "manual");
    try {
      const err = await expectPartial(p.create({ ...hnsw({ indexName: "slow_idx" }), waitTimeoutSeconds: 1 }));
      expect(err.id).toBe("default/items/slow_idx");
      expect(err.reasons[0]).toMatch(/finish building/);
    } finally {
      await emu.control.setTransition("index", "immediate");
    }
  });
});

