/** Partition through the runtime against a zilliz-local cluster's data plane. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../support/emulator";
import { expectRejected, plainCollection, planeOn, type Plane, refreshWithCalls } from "./data-plane-fixture";
import { expectPartial, providerFor, rejectionMessage, up } from "./harness";

let emu: TestEmulator;
let plane: Plane;

beforeAll(async () => {
  emu = await startTestEmulator();
  plane = await planeOn(emu, "part-host");
  for (const name of ["items", "indexed"]) await plainCollection(plane, name);
  await plane.mc().indexes.create({ collectionName: "indexed", indexParams: [{ fieldName: "vec", indexName: "vec", indexType: "FLAT", metricType: "L2" }] });
});
afterAll(async () => emu?.close());

const partitions = async (collectionName: string) => plane.mc().partitions.list({ collectionName });

describe("Partition lifecycle", () => {
  let id = "";
  let outs: Record<string, unknown> = {};
  let inputs: Record<string, unknown> = {};

  it("creates the partition", async () => {
    const { p } = providerFor("Partition", emu);
    inputs = { endpoint: plane.endpoint, token: plane.token, collectionName: "items", partitionName: "y2024" };
    ({ id, outs } = await up(p, inputs));
    expect(id).toBe("default/items/y2024");
    expect(outs).toMatchObject({ collectionName: "items", partitionName: "y2024" });
    // The load state the server has is not stored while `loaded` is unset ("whatever the server has").
    expect(outs.loaded).toBeUndefined();
    expect(await partitions("items")).toEqual(["_default", "y2024"]);
  });

  it("refresh is one partitions/has call and leaves no diff", async () => {
    const { p } = providerFor("Partition", emu);
    const { calls, r } = await refreshWithCalls(emu, plane, p, id, outs, inputs);
    expect(calls).toEqual(["POST /v2/vectordb/partitions/has"]);
    expect(r.props).toEqual(outs);
  });

  it("a new name replaces it; a new collection name is followed in place (checked at update)", async () => {
    const { p } = providerFor("Partition", emu);
    expect(await p.diff!(id, outs, { ...inputs, partitionName: "y2025" })).toMatchObject({ replaces: ["partitionName"] });
    expect(await p.diff!(id, outs, { ...inputs, collectionName: "renamed" })).toMatchObject({ changes: true, replaces: [] });
    await plane.mc().collections.rename({ collectionName: "items", newCollectionName: "renamed" });
    const next = { ...inputs, collectionName: "renamed" };
    outs = (await p.update!(id, outs, next)).outs as Record<string, unknown>;
    expect(outs).toMatchObject({ collectionName: "renamed", partitionName: "y2024" });
    inputs = next;
    const message = await rejectionMessage(p.update!(id, outs, { ...inputs, collectionName: "indexed" }));
    expect(message).toMatch(/collection "indexed" has no partition "y2024".*replaceOnChanges/);
  });

  it("refuses to drop a partition that holds entities unless allowDataLoss", async () => {
    await plane.mc().collections.rename({ collectionName: "renamed", newCollectionName: "items" });
    inputs = { ...inputs, collectionName: "items" };
    outs = { ...outs, collectionName: "items" };
    await fetch(`${plane.endpoint}/v2/vectordb/entities/insert`, {
      method: "POST",
      headers: { authorization: `Bearer ${plane.token}`, "content-type": "application/json" },
      body: JSON.stringify({ collectionName: "items", partitionName: "y2024", data: [{ vec: [0.1, 0.2, 0.3, 0.4] }] }),
    });
    expect(Number((await plane.mc().partitions.getStats({ collectionName: "items", partitionName: "y2024" })).rowCount)).toBe(1);
    const { p } = providerFor("Partition", emu);
    expect(await rejectionMessage(p.delete!(id, outs))).toMatch(/refusing to drop partition "y2024" of "items": it holds 1 entities.*allowDataLoss/);
    await p.delete!(id, { ...outs, allowDataLoss: true });
    expect(await partitions("items")).toEqual(["_default"]);
  });

  it("a read after delete drops it (confirmed not-found); a second delete is a no-op", async () => {
    const { p } = providerFor("Partition", emu);
    expect(await p.read!(id, outs)).toEqual({});
    await p.delete!(id, outs);
  });

  it("a dropped collection takes its partition with it: refresh drops it, delete is a no-op", async () => {
    const { p } = providerFor("Partition", emu);
    await plainCollection(plane, "temp");
    const made = await up(p, { endpoint: plane.endpoint, token: plane.token, collectionName: "temp", partitionName: "p" });
    await plane.mc().collections.drop({ collectionName: "temp" });
    expect(await p.read!(made.id, made.outs)).toEqual({});
    await p.delete!(made.id, made.outs);
  });
});

describe("Partition loading, checks, adoption and partial state", () => {
  const base = () => ({ endpoint: plane.endpoint, token: plane.token });

  it("loads at create with loaded: true, reports drift when released outside, and loads again in place", async () => {
    const { p } = providerFor("Partition", emu);
    const inputs = { ...base(), collectionName: "indexed", partitionName: "hot", loaded: true };
    const { id, outs } = await up(p, inputs);
    expect(outs.loaded).toBe(true);
    expect((await plane.mc().collections.getLoadState({ collectionName: "indexed", partitionNames: ["hot"] })).loadState).toBe("LoadStateLoaded");
    await plane.mc().collections.release({ collectionName: "indexed" });
    const r = await p.read!(id, outs);
    expect(r.props).toMatchObject({ loaded: false });
    expect(await p.diff!(id, r.props as Record<string, unknown>, inputs)).toMatchObject({ changes: true, replaces: [] });
    const after = (await p.update!(id, r.props as Record<string, unknown>, inputs)).outs as Record<string, unknown>;
    expect(after.loaded).toBe(true);
    expect((await plane.mc().collections.getLoadState({ collectionName: "indexed", partitionNames: ["hot"] })).loadState).toBe("LoadStateLoaded");
    await plane.mc().collections.release({ collectionName: "indexed" });
    await p.delete!(id, { ...after, loaded: false });
  });

  it("rejects bad input at check naming the property, with no call", async () => {
    const { p } = providerFor("Partition", emu);
    await expectRejected(emu, plane, () => p.check({}, { ...base(), collectionName: "items", partitionName: "_default" }), ["partitionName"]);
    await expectRejected(emu, plane, () => p.check({}, { ...base(), collectionName: "items", partitionName: "bad-name" }), ["partitionName"]);
    await expectRejected(emu, plane, () => p.check({}, { ...base(), collectionName: "items", partitionName: "ok", loaded: "yes" }), ["loaded"]);
  });

  it("refuses an existing partition without adopt and adopts it with adopt: true", async () => {
    await plane.mc().partitions.create({ collectionName: "items", partitionName: "old" });
    const { p } = providerFor("Partition", emu);
    const inputs = { ...base(), collectionName: "items", partitionName: "old" };
    expect(await rejectionMessage(p.create(inputs))).toMatch(/already has a partition "old"; set adopt: true/);
    const { id } = await up(p, { ...inputs, adopt: true });
    expect(id).toBe("default/items/old");
    // `Partition.get` reads by id with only the target.
    expect((await p.read!("default/items/old", base())).props).toMatchObject({ collectionName: "items", partitionName: "old" });
  });

  it("a load that fails after the create leaves partial state with the id", async () => {
    const { p } = providerFor("Partition", emu);
    // "items" has no index: Milvus cannot load it.
    const err = await expectPartial(p.create({ ...base(), collectionName: "items", partitionName: "cold", loaded: true }));
    expect(err.id).toBe("default/items/cold");
    expect(err.properties).toMatchObject({ partitionName: "cold", loaded: false, pendingWork: { operation: "create", step: "load" } });
    expect(await partitions("items")).toContain("cold");
  });

});
