/** Database through the runtime against a zilliz-local cluster's data plane. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../support/emulator";
import { dataPlaneCalls, expectRejected, plainCollection, planeOn, type Plane, refreshWithCalls, partialWhenFailing } from "./data-plane-fixture";
import { providerFor, rejectionMessage, up } from "./harness";

let emu: TestEmulator;
let plane: Plane;

beforeAll(async () => {
  emu = await startTestEmulator();
  plane = await planeOn(emu, "db-host");
});
afterAll(async () => emu?.close());

const props = async (dbName: string) => Object.fromEntries((await plane.mc().databases.describe({ dbName })).properties.map((kv) => [kv.key, kv.value]));

describe("Database lifecycle", () => {
  let id = "";
  let outs: Record<string, unknown> = {};
  let inputs: Record<string, unknown> = {};

  it("creates with properties (values sent as strings)", async () => {
    const { p } = providerFor("Database", emu);
    inputs = { endpoint: plane.endpoint, token: plane.token, dbName: "analytics", properties: { "database.max.collections": 5, "mmap.enabled": true } };
    ({ id, outs } = await up(p, inputs));
    expect(id).toBe("analytics");
    expect(outs).toMatchObject({ dbName: "analytics", properties: { "database.max.collections": 5, "mmap.enabled": true } });
    expect(outs.dbId).toMatch(/^\d+$/);
    expect(await props("analytics")).toEqual({ "database.max.collections": "5", "mmap.enabled": "true" });
  });

  it("refresh is one describe call and leaves no diff", async () => {
    const { p } = providerFor("Database", emu);
    const { calls, r } = await refreshWithCalls(emu, plane, p, id, outs, inputs);
    expect(calls).toEqual(["POST /v2/vectordb/databases/describe"]);
    expect(r.props).toEqual(outs);
  });

  it("changes properties in place: alter for the new value, drop_properties for the removed key", async () => {
    const { p } = providerFor("Database", emu);
    const next = { ...inputs, properties: { "database.max.collections": 10 } };
    expect(await p.diff!(id, outs, next)).toMatchObject({ changes: true, replaces: [] });
    const calls = await dataPlaneCalls(emu, plane, async () => (outs = (await p.update!(id, outs, next)).outs as Record<string, unknown>));
    expect(calls).toEqual(["POST /v2/vectordb/databases/describe", "POST /v2/vectordb/databases/alter", "POST /v2/vectordb/databases/drop_properties", "POST /v2/vectordb/databases/describe"]);
    expect(await props("analytics")).toEqual({ "database.max.collections": "10" });
    inputs = next;
    expect((await p.diff!(id, outs, inputs)).changes).toBe(false);
    expect(await p.diff!(id, outs, { ...inputs, dbName: "other" })).toMatchObject({ replaces: ["dbName"] });
  });

  it("a property set outside shows as drift on refresh", async () => {
    await plane.mc().databases.alter({ dbName: "analytics", properties: { "database.force.deny.writing": "true" } });
    const { p } = providerFor("Database", emu);
    const r = await p.read!(id, outs);
    // The drifted map is stored as the server has it (values as strings).
    expect((r.props as Record<string, unknown>).properties).toEqual({ "database.max.collections": "10", "database.force.deny.writing": "true" });
    expect((await p.diff!(id, r.props as Record<string, unknown>, inputs)).changes).toBe(true);
    outs = (await p.update!(id, r.props as Record<string, unknown>, inputs)).outs as Record<string, unknown>;
    expect(await props("analytics")).toEqual({ "database.max.collections": "10" });
  });

  it("refuses to drop a database that holds collections unless allowDataLoss", async () => {
    await plainCollection(plane, "events", "analytics");
    await plane.mc("analytics").aliases.create({ aliasName: "latest", collectionName: "events", dbName: "analytics" });
    const { p } = providerFor("Database", emu);
    expect(await rejectionMessage(p.delete!(id, outs))).toMatch(/refusing to drop database "analytics": it holds the collections "events".*allowDataLoss/);
    expect(await plane.mc().databases.list()).toContain("analytics");
    await p.delete!(id, { ...outs, allowDataLoss: true });
    expect(await plane.mc().databases.list()).not.toContain("analytics");
  });

  it("a read after delete drops it (confirmed not-found); a second delete is a no-op", async () => {
    const { p } = providerFor("Database", emu);
    expect(await p.read!(id, outs)).toEqual({});
    await p.delete!(id, outs);
  });
});

describe("Database checks, adoption and partial state", () => {
  it("rejects bad input at check naming the property, with no call", async () => {
    const { p } = providerFor("Database", emu);
    const base = { endpoint: plane.endpoint, token: plane.token };
    await expectRejected(emu, plane, () => p.check({}, { ...base, dbName: "1bad" }), ["dbName"]);
    await expectRejected(emu, plane, () => p.check({}, { ...base, dbName: "ok", properties: { k: { nested: 1 } } }), ["properties.k"]);
    await expectRejected(emu, plane, () => p.check({}, { dbName: "ok" }), ["clusterId"]);
    const [reason] = await expectRejected(emu, plane, () => p.check({}, { ...base, dbName: "default" }), ["dbName"]);
    expect(reason).toMatch(/adopt: true/);
  });

  it("refuses an existing database without adopt; adopts it (properties set in place) with adopt: true", async () => {
    await plane.mc().databases.create({ dbName: "shared", properties: { "mmap.enabled": "false", "database.max.collections": "3" } });
    const { p } = providerFor("Database", emu);
    const base = { endpoint: plane.endpoint, token: plane.token, dbName: "shared", properties: { "mmap.enabled": true } };
    expect(await rejectionMessage(p.create(base))).toMatch(/already exists; set adopt: true/);
    const { id, outs } = await up(p, { ...base, adopt: true });
    expect(id).toBe("shared");
    expect(outs.properties).toEqual({ "mmap.enabled": true });
    expect(await props("shared")).toEqual({ "mmap.enabled": "true" });
    // `Database.get` reads by id with only the target.
    const got = await p.read!("shared", { endpoint: plane.endpoint, token: plane.token });
    expect(got.props).toMatchObject({ dbName: "shared", properties: { "mmap.enabled": "true" } });
  });

  it("adopting `default` manages its properties and never drops it", async () => {
    const { p } = providerFor("Database", emu);
    const { id, outs } = await up(p, { endpoint: plane.endpoint, token: plane.token, dbName: "default", adopt: true, properties: { "database.force.deny.ddl": false } });
    await p.delete!(id, outs);
    expect(await plane.mc().databases.list()).toContain("default");
    await plane.mc().databases.dropProperties({ dbName: "default", propertyKeys: ["database.force.deny.ddl"] });
  });

  it("a failure once the database is taken over leaves partial state with the id; the next update finishes", async () => {
    await plane.mc().databases.create({ dbName: "halfway" });
    const { p } = providerFor("Database", emu);
    const inputs = { endpoint: plane.endpoint, token: plane.token, dbName: "halfway", adopt: true, properties: { "mmap.enabled": true } };
    const err = await partialWhenFailing(emu, plane, "/v2/vectordb/databases/alter", () => p.create(inputs));
    expect(err.id).toBe("halfway");
    expect(err.properties).toMatchObject({ dbName: "halfway", pendingWork: { operation: "create", step: "apply properties" } });
    expect((await p.diff!(err.id, err.properties, inputs)).changes).toBe(true);
    await p.update!(err.id, err.properties, inputs);
    expect(await props("halfway")).toEqual({ "mmap.enabled": "true" });
  });
});
