/** Alias through the runtime against a zilliz-local cluster's data plane: the blue/green retarget in place. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../support/emulator";
import { dataPlaneCalls, expectRejected, plainCollection, planeOn, type Plane, refreshWithCalls, partialWhenFailing } from "./data-plane-fixture";
import { providerFor, rejectionMessage, up } from "./harness";

let emu: TestEmulator;
let plane: Plane;

beforeAll(async () => {
  emu = await startTestEmulator();
  plane = await planeOn(emu, "alias-host");
  for (const name of ["docs_v1", "docs_v2", "other"]) await plainCollection(plane, name);
});
afterAll(async () => emu?.close());

const target = async (aliasName: string) => (await plane.mc().aliases.describe({ aliasName })).collectionName;

describe("Alias lifecycle", () => {
  let id = "";
  let outs: Record<string, unknown> = {};
  let inputs: Record<string, unknown> = {};

  it("creates the alias", async () => {
    const { p } = providerFor("Alias", emu);
    inputs = { endpoint: plane.endpoint, token: plane.token, aliasName: "docs", collectionName: "docs_v1" };
    ({ id, outs } = await up(p, inputs));
    expect(id).toBe("default/docs");
    expect(await target("docs")).toBe("docs_v1");
  });

  it("refresh is one describe call and leaves no diff", async () => {
    const { p } = providerFor("Alias", emu);
    const { calls, r } = await refreshWithCalls(emu, plane, p, id, outs, inputs);
    expect(calls).toEqual(["POST /v2/vectordb/aliases/describe"]);
    expect(r.props).toEqual(outs);
  });

  it("retargets in place with exactly one aliases/alter call (never a replace)", async () => {
    const { p } = providerFor("Alias", emu);
    const next = { ...inputs, collectionName: "docs_v2" };
    expect(await p.diff!(id, outs, next)).toMatchObject({ changes: true, replaces: [] });
    const calls = await dataPlaneCalls(emu, plane, async () => (outs = (await p.update!(id, outs, next)).outs as Record<string, unknown>));
    expect(calls).toEqual(["POST /v2/vectordb/aliases/alter"]);
    expect(await target("docs")).toBe("docs_v2");
    inputs = next;
    expect((await p.diff!(id, outs, inputs)).changes).toBe(false);
    expect(await p.diff!(id, outs, { ...inputs, aliasName: "docs2" })).toMatchObject({ replaces: ["aliasName"] });
  });

  it("drops it; a read then sees it gone and a second delete is a no-op", async () => {
    const { p } = providerFor("Alias", emu);
    await p.delete!(id, outs);
    expect(await plane.mc().aliases.list()).not.toContain("docs");
    expect(await p.read!(id, outs)).toEqual({});
    await p.delete!(id, outs);
  });
});

describe("Alias checks, adoption and partial state", () => {
  const base = () => ({ endpoint: plane.endpoint, token: plane.token });

  it("rejects bad input at check naming the property, with no call", async () => {
    const { p } = providerFor("Alias", emu);
    await expectRejected(emu, plane, () => p.check({}, { ...base(), aliasName: "same", collectionName: "same" }), ["aliasName"]);
    await expectRejected(emu, plane, () => p.check({}, { ...base(), aliasName: "has space", collectionName: "docs_v1" }), ["aliasName"]);
    await expectRejected(emu, plane, () => p.check({}, { ...base(), aliasName: "a" }), ["collectionName"]);
  });

  it("refuses an existing alias without adopt; adopting it retargets in place", async () => {
    await plane.mc().aliases.create({ aliasName: "live", collectionName: "other" });
    const { p } = providerFor("Alias", emu);
    const inputs = { ...base(), aliasName: "live", collectionName: "docs_v1" };
    expect(await rejectionMessage(p.create(inputs))).toMatch(/alias "live" already exists \(it points to "other"\); set adopt: true/);
    const { id } = await up(p, { ...inputs, adopt: true });
    expect(id).toBe("default/live");
    expect(await target("live")).toBe("docs_v1");
    // `Alias.get` reads by id with only the target.
    expect((await p.read!("default/live", base())).props).toMatchObject({ aliasName: "live", collectionName: "docs_v1" });
  });

  it("an alias removed outside is dropped from the stack at refresh", async () => {
    const { p } = providerFor("Alias", emu);
    const { id, outs } = await up(p, { ...base(), aliasName: "gone", collectionName: "other" });
    await plane.mc().aliases.drop({ aliasName: "gone" });
    expect(await p.read!(id, outs)).toEqual({});
  });

  it("an adoption whose retarget fails leaves partial state; the next update retargets", async () => {
    await plane.mc().aliases.create({ aliasName: "swap", collectionName: "other" });
    const { p } = providerFor("Alias", emu);
    const inputs = { ...base(), aliasName: "swap", collectionName: "docs_v1", adopt: true };
    const err = await partialWhenFailing(emu, plane, "/v2/vectordb/aliases/alter", () => p.create(inputs));
    expect(err.id).toBe("default/swap");
    expect(err.properties).toMatchObject({ collectionName: "other", pendingWork: { step: "retarget" } });
    expect(await p.diff!(err.id, err.properties, inputs)).toMatchObject({ changes: true, replaces: [] });
    await p.update!(err.id, err.properties, inputs);
    expect(await target("swap")).toBe("docs_v1");
  });

  it("a creation into a missing collection fails with the server's not-found and keeps nothing", async () => {
    const { p } = providerFor("Alias", emu);
    const message = await rejectionMessage(p.create({ ...base(), aliasName: "orphan", collectionName: "nope" }));
    expect(message).toMatch(/collection not found/);
    expect(await plane.mc().aliases.list()).not.toContain("orphan");
  });
});
