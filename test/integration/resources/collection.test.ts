/** Collection through the runtime against a zilliz-local cluster's data plane. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MilvusClient } from "../../../src/client";
import { startTestEmulator, type TestEmulator } from "../../support/emulator";
import { clusterOn, insertRows, providerFor, refreshNoDiff, rejectionMessage, UNKNOWN, up } from "./harness";

let emu: TestEmulator;
let endpoint = "";
let token = "";
beforeAll(async () => {
  emu = await startTestEmulator();
  ({ endpoint, token } = await clusterOn(emu, "coll-host"));
});
afterAll(async () => emu?.close());

const fields = [
  { name: "id", dataType: "Int64", isPrimary: true, autoId: true },
  { name: "title", dataType: "VarChar", maxLength: 128 },
  { name: "vec", dataType: "FloatVector", dim: 4 },
];
const coll = (name: string, over: Record<string, unknown> = {}) => ({ endpoint, token, collectionName: name, schema: { fields }, properties: { "collection.ttl.seconds": 3600 }, ...over });
const mc = () => new MilvusClient({ endpoint, token });

describe("Collection lifecycle", () => {
  let id = "";
  let outs: Record<string, unknown> = {};
  let inputs: Record<string, unknown> = {};

  it("check skips preview's unknown endpoint (a cluster not created yet)", async () => {
    inputs = coll("docs");
    const { p } = providerFor("Collection", emu);
    expect((await p.check({}, { ...inputs, endpoint: UNKNOWN, token: UNKNOWN })).failures).toEqual([]);
  });

  it("creates with schema and properties", async () => {
    const { p } = providerFor("Collection", emu);
    ({ id, outs } = await up(p, inputs));
    expect(id).toBe("default/docs");
    const d = await mc().collections.describe({ collectionName: "docs" });
    expect(d.fields.map((f) => f.name)).toEqual(["id", "title", "vec"]);
    expect(d.properties).toContainEqual({ key: "collection.ttl.seconds", value: "3600" });
    expect(outs.collectionId).toMatch(/^\d+$/);
  });

  it("refresh leaves no diff and the same outputs", async () => {
    const { p } = providerFor("Collection", emu);
    const r = await refreshNoDiff(p, id, outs, inputs);
    expect(r.props).toEqual(outs);
  });

  it("updates properties, description, and adds a nullable field in place", async () => {
    const { p } = providerFor("Collection", emu);
    const news = { ...inputs, description: "docs", properties: { "collection.ttl.seconds": 60 }, schema: { fields: [...fields, { name: "note", dataType: "VarChar", maxLength: 64, nullable: true }] } };
    const d = await p.diff!(id, outs, news);
    expect(d).toMatchObject({ changes: true, replaces: [] });
    outs = (await p.update!(id, outs, news)).outs as Record<string, unknown>;
    const described = await mc().collections.describe({ collectionName: "docs" });
    expect(described.fields.map((f) => f.name)).toEqual(["id", "title", "vec", "note"]);
    expect(described.properties).toContainEqual({ key: "collection.ttl.seconds", value: "60" });
    inputs = news;
    await refreshNoDiff(p, id, outs, inputs);
  });

  it("renames in place", async () => {
    const { p } = providerFor("Collection", emu);
    const news = { ...inputs, collectionName: "docs_v2" };
    outs = (await p.update!(id, outs, news)).outs as Record<string, unknown>;
    expect(await mc().collections.has({ collectionName: "docs_v2" })).toBe(true);
    expect(await mc().collections.has({ collectionName: "docs" })).toBe(false);
    inputs = news;
    await refreshNoDiff(p, id, outs, inputs);
  });

  it("says replace (old one first) for a dim change", async () => {
    const { p } = providerFor("Collection", emu);
    const news = { ...inputs, schema: { fields: [fields[0], fields[1], { ...fields[2], dim: 8 }] } };
    expect(await p.diff!(id, outs, news)).toMatchObject({ changes: true, replaces: ["schema"], deleteBeforeReplace: true });
  });

  it("deletes an empty collection; a second delete and a read see it gone", async () => {
    const { p } = providerFor("Collection", emu);
    await p.delete!(id, outs);
    expect(await mc().collections.has({ collectionName: "docs_v2" })).toBe(false);
    expect(await p.read!(id, outs)).toEqual({});
    await p.delete!(id, outs);
  });
});

describe("Collection data safety and adoption", () => {
  it("refuses to drop a collection holding entities unless allowed", async () => {
    const { p } = providerFor("Collection", emu);
    const { id, outs } = await up(p, coll("full"));
    await insertRows(endpoint, token, "full", [{ title: "a", vec: [0.1, 0.2, 0.3, 0.4] }, { title: "b", vec: [0.5, 0.6, 0.7, 0.8] }]);
    const message = await rejectionMessage(p.delete!(id, outs));
    expect(message).toMatch(/refusing to drop collection "full": it holds 2 entities/);
    expect(message).toMatch(/allowDataLoss/);
    expect(await mc().collections.has({ collectionName: "full" })).toBe(true);
    // Opting in through the state (an earlier up set allowDataLoss) lets it go.
    const allowed = (await p.update!(id, outs, { ...coll("full"), allowDataLoss: true })).outs as Record<string, unknown>;
    await p.delete!(id, allowed);
    expect(await mc().collections.has({ collectionName: "full" })).toBe(false);
  });

  it("the stack config zilliz:allowDataLoss opts in for one run", async () => {
    const { p } = providerFor("Collection", emu);
    const { id, outs } = await up(p, coll("full2"));
    await insertRows(endpoint, token, "full2", [{ title: "a", vec: [0.1, 0.2, 0.3, 0.4] }]);
    const { p: allowing } = providerFor("Collection", emu, { allowDataLoss: true });
    await allowing.delete!(id, outs);
    expect(await mc().collections.has({ collectionName: "full2" })).toBe(false);
  });

  it("adopts a matching collection, refuses a mismatching one, and takes over only an empty twin without adopt", async () => {
    const { p, logs } = providerFor("Collection", emu);
    const first = await up(p, coll("shared"));
    // Same name, same spec, no entities: what an interrupted create leaves; taken over without adopt.
    expect((await up(p, coll("shared"))).id).toBe(first.id);
    expect(logs.join("\n")).toMatch(/no entities \(an interrupted run created it\); taking it over/);
    await insertRows(endpoint, token, "shared", [{ title: "a", vec: [0.1, 0.2, 0.3, 0.4] }]);
    const adopted = await up(p, coll("shared", { adopt: true }));
    expect(adopted.id).toBe(first.id);
    const message = await rejectionMessage(p.create(coll("shared", { adopt: true, schema: { fields: [fields[0], fields[1], { ...fields[2], dim: 8 }] } })));
    expect(message).toMatch(/cannot adopt collection "shared"/);
    expect(message).toMatch(/schema\.fields/);
    expect(await rejectionMessage(p.create(coll("shared")))).toMatch(/already exists.*adopt: true/);
    const { p: allowing } = providerFor("Collection", emu, { allowDataLoss: true });
    await allowing.delete!(first.id, first.outs);
  });

  it("get-style read by id with only endpoint and token rebuilds the inputs", async () => {
    const { p } = providerFor("Collection", emu);
    const made = await up(p, coll("gettable"));
    const r = await p.read!("default/gettable", { endpoint, token });
    expect(r.id).toBe("default/gettable");
    const inputs = r.inputs as Record<string, unknown>;
    expect((inputs.schema as { fields: unknown[] }).fields).toHaveLength(3);
    expect((await p.diff!(r.id!, r.props as Record<string, unknown>, { ...coll("gettable"), properties: undefined })).replaces).toEqual([]);
    await p.delete!(made.id, made.outs);
  });
});

describe("Collection partial state", () => {
  it("a load wait that times out after create leaves partial state with the id", async () => {
    const client = mc();
    await client.collections.create({ collectionName: "slow", schema: { fields: [{ fieldName: "id", dataType: "Int64", isPrimary: true }, { fieldName: "vec", dataType: "FloatVector", elementTypeParams: { dim: "4" } }] } });
    await client.indexes.create({ collectionName: "slow", indexParams: [{ fieldName: "vec", indexType: "FLAT", metricType: "L2" }] });
    const { p } = providerFor("Collection", emu);
    await emu.control.setTransition("load", "manual");
    try {
      const inputs = { endpoint, token, collectionName: "slow", adopt: true, loaded: true, waitTimeoutSeconds: 1, schema: { fields: [{ name: "id", dataType: "Int64", isPrimary: true }, { name: "vec", dataType: "FloatVector", dim: 4 }] } };
      const checked = await p.check({}, inputs);
      expect(checked.failures).toEqual([]);
      const err = await p.create(checked.inputs!).then(() => undefined, (e: unknown) => e as { id: string; properties: Record<string, unknown>; reasons: string[] });
      expect(err).toMatchObject({ id: "default/slow", properties: { collectionName: "slow" } });
      expect(err!.reasons[0]).toMatch(/load/);
    } finally {
      await emu.control.setTransition("load", "immediate");
    }
  });
});

describe("Collection over REST v1", () => {
  const v1 = (over: Record<string, unknown> = {}) => ({
    endpoint, token, apiVersion: "v1", collectionName: "legacy",
    schema: { fields: [{ name: "id", dataType: "Int64", isPrimary: true, autoId: true }, { name: "vec", dataType: "FloatVector", dim: 4 }] }, ...over,
  });

  it("check refuses what v1 cannot create", async () => {
    const { p } = providerFor("Collection", emu);
    const r = await p.check({}, coll("x", { apiVersion: "v1" }));
    expect(r.failures!.map((f) => f.property)).toEqual(expect.arrayContaining(["schema.fields", "properties"]));
  });

  it("creates, refreshes without diff, replaces on rename, and drops only with an opt-in", async () => {
    const { p } = providerFor("Collection", emu);
    const { id, outs } = await up(p, v1());
    expect(id).toBe("default/legacy");
    await refreshNoDiff(p, id, outs, v1());
    expect(await p.diff!(id, outs, v1({ collectionName: "legacy2" }))).toMatchObject({ replaces: ["collectionName"] });
    expect(await rejectionMessage(p.delete!(id, outs))).toMatch(/cannot count/);
    const { p: allowing } = providerFor("Collection", emu, { allowDataLoss: true });
    await allowing.delete!(id, outs);
    expect(await p.read!(id, outs)).toEqual({});
  });
});
