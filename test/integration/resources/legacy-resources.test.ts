/**
 * LegacyCollection, LegacyIndex, LegacyPartition and LegacyServerConfig through the runtime against the
 * emulator's legacy 0.x API: lifecycle, refresh without diff, adoption, not-found on refresh, and data
 * safety, asking the server over raw REST after each step.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshNoDiff, rejectionMessage, UNKNOWN, up } from "./harness";
import { legacyProvider, startLegacyServer, type LegacyTestServer } from "./legacy-harness";

let srv: LegacyTestServer;
beforeAll(async () => {
  srv = await startLegacyServer();
});
afterAll(async () => srv?.close());

describe("a legacy stack: collection, IVFSQ8 index, two partitions, server config", () => {
  const coll = () => ({ endpoint: srv.url, collectionName: "old_books", dimension: 8, indexFileSize: 512, metricType: "L2" });
  const state: Record<string, { id: string; outs: Record<string, unknown>; inputs: Record<string, unknown> }> = {};

  it("creates the collection (id: its name) and refresh finds no diff", async () => {
    const { p } = legacyProvider("LegacyCollection", undefined);
    state.coll = await up(p, coll());
    expect(state.coll.id).toBe("old_books");
    expect(state.coll.outs).toMatchObject({ collectionName: "old_books", dimension: 8, indexFileSize: 512, metricType: "L2", stateVersion: 2 });
    expect((await srv.raw("GET", "/collections/old_books")).body).toMatchObject({ collection_name: "old_books", dimension: 8, index_file_size: 512, metric_type: "L2" });
    await refreshNoDiff(p, state.coll.id, state.coll.outs, state.coll.inputs);
  });

  it("builds an IVFSQ8 index with nlist; a params change is a replacement, old index first", async () => {
    const { p } = legacyProvider("LegacyIndex", undefined);
    state.index = await up(p, { endpoint: srv.url, collectionName: "old_books", indexType: "IVFSQ8", params: { nlist: 1024 } });
    expect(state.index.id).toBe("old_books");
    expect((await srv.raw("GET", "/collections/old_books/indexes")).body).toEqual({ index_type: "IVFSQ8", params: { nlist: 1024 } });
    await refreshNoDiff(p, state.index.id, state.index.outs, state.index.inputs);
    const changed = { ...state.index.inputs, params: { nlist: 2048 } };
    expect(await p.diff!(state.index.id, state.index.outs, changed)).toMatchObject({ changes: true, replaces: ["params"], deleteBeforeReplace: true });
    // The engine's replacement: delete the old one, then create the new one.
    await p.delete!(state.index.id, state.index.outs);
    expect((await srv.raw("GET", "/collections/old_books/indexes")).body.index_type).toBe("FLAT");
    state.index = await up(p, changed);
    expect((await srv.raw("GET", "/collections/old_books/indexes")).body).toEqual({ index_type: "IVFSQ8", params: { nlist: 2048 } });
  });

  it("creates two partitions (id: collection/tag); refresh finds no diff", async () => {
    const { p } = legacyProvider("LegacyPartition", srv.url);
    // No endpoint on the resource: the stack config's zilliz:legacyEndpoint is used.
    state.p2019 = await up(p, { collectionName: "old_books", partitionTag: "2019" });
    state.p2020 = await up(p, { collectionName: "old_books", partitionTag: "2020", allowDataLoss: true });
    expect([state.p2019.id, state.p2020.id]).toEqual(["old_books/2019", "old_books/2020"]);
    const tags = (await srv.raw("GET", "/collections/old_books/partitions")).body.partitions.map((x: { partition_tag: string }) => x.partition_tag);
    expect(tags.sort()).toEqual(["2019", "2020", "_default"]);
    await refreshNoDiff(p, state.p2019.id, state.p2019.outs, state.p2019.inputs);
    // The engine asks with collectionName unknown when the collection is dropped first for its replacement:
    // the partition goes with it. The index answers the same.
    expect(await p.diff!(state.p2019.id, state.p2019.outs, { ...state.p2019.inputs, collectionName: UNKNOWN })).toMatchObject({ replaces: ["collectionName"] });
    const ix = legacyProvider("LegacyIndex", undefined).p;
    expect(await ix.diff!(state.index!.id, state.index!.outs, { ...state.index!.inputs, collectionName: UNKNOWN })).toMatchObject({ replaces: ["collectionName"] });
  });

  it("applies server settings with PUT, changes the cache size in place, and reads drift back", async () => {
    const { p } = legacyProvider("LegacyServerConfig", undefined);
    const inputs = { endpoint: srv.url, cpuCacheCapacity: 8, cacheInsertData: true, gpuEnable: true, gpuCacheCapacity: 2, gpuSearchResources: ["gpu0"] };
    state.config = await up(p, inputs);
    expect(state.config.id).toBe(srv.url);
    expect((await srv.raw("GET", "/config/advanced")).body).toMatchObject({ cpu_cache_capacity: 8, cache_insert_data: true, use_blas_threshold: 1100 });
    expect((await srv.raw("GET", "/config/gpu_resources")).body).toMatchObject({ enable: true, cache_capacity: 2, search_resources: ["GPU0"] });
    // `gpu0` and the server's `GPU0` are one value; unmanaged settings (useBlasThreshold) never show.
    await refreshNoDiff(p, state.config.id, state.config.outs, state.config.inputs);
    const bigger = { ...inputs, cpuCacheCapacity: 16 };
    expect(await p.diff!(state.config.id, state.config.outs, bigger)).toMatchObject({ changes: true, replaces: [], deleteBeforeReplace: false });
    state.config.outs = (await p.update!(state.config.id, state.config.outs, bigger)).outs as Record<string, unknown>;
    state.config.inputs = bigger;
    expect((await srv.raw("GET", "/config/advanced")).body.cpu_cache_capacity).toBe(16);
    // Drift made outside the stack is read back, and the next diff plans an in-place update.
    await srv.raw("PUT", "/config/advanced", { cpu_cache_capacity: 4 });
    const r = await p.read!(state.config.id, state.config.outs);
    expect(r.props).toMatchObject({ cpuCacheCapacity: 4 });
    expect(await p.diff!(state.config.id, r.props as Record<string, unknown>, bigger)).toMatchObject({ changes: true, replaces: [] });
    state.config.outs = (await p.update!(state.config.id, r.props as Record<string, unknown>, bigger)).outs as Record<string, unknown>;
    expect((await srv.raw("GET", "/config/advanced")).body.cpu_cache_capacity).toBe(16);
  });

  it("refuses to drop a partition or collection holding vectors without allowDataLoss", async () => {
    const inserted = await srv.raw("POST", "/collections/old_books/vectors", { partition_tag: "2019", vectors: [[1, 2, 3, 4, 5, 6, 7, 8]] });
    expect(inserted.status).toBe(201);
    const part = legacyProvider("LegacyPartition", srv.url);
    expect(await rejectionMessage(part.p.delete!(state.p2019!.id, state.p2019!.outs))).toMatch(/refusing to drop legacy partition "2019" of "old_books": it holds 1 vectors/);
    const collection = legacyProvider("LegacyCollection", undefined);
    expect(await rejectionMessage(collection.p.delete!(state.coll!.id, state.coll!.outs))).toMatch(/refusing to drop legacy collection "old_books": it holds 1 vectors.*allowDataLoss/);
    // An empty partition goes without the flag; the stack config's flag lets the other go.
    await part.p.delete!(state.p2020!.id, state.p2020!.outs);
    await legacyProvider("LegacyPartition", srv.url, { allowDataLoss: true }).p.delete!(state.p2019!.id, state.p2019!.outs);
    const tags = (await srv.raw("GET", "/collections/old_books/partitions")).body.partitions.map((x: { partition_tag: string }) => x.partition_tag);
    expect(tags).toEqual(["_default"]);
  });

  it("destroys: index, config (the server keeps its settings), then the collection with allowDataLoss", async () => {
    await legacyProvider("LegacyIndex", undefined).p.delete!(state.index!.id, state.index!.outs);
    const cfg = legacyProvider("LegacyServerConfig", undefined);
    const before = srv.calls.length;
    await cfg.p.delete!(state.config!.id, state.config!.outs);
    expect(srv.calls.length).toBe(before);
    expect(cfg.logs.join("\n")).toMatch(/keeps its current settings/);
    expect((await srv.raw("GET", "/config/advanced")).body.cpu_cache_capacity).toBe(16);
    const { p } = legacyProvider("LegacyCollection", undefined);
    const flagged = { ...state.coll!.outs, allowDataLoss: true };
    await p.delete!(state.coll!.id, flagged);
    expect((await srv.raw("GET", "/collections")).body.collections ?? []).toEqual([]);
    // A second delete and a read see it gone.
    await p.delete!(state.coll!.id, flagged);
    expect(await p.read!(state.coll!.id, flagged)).toEqual({});
  });
});

describe("adoption and get", () => {
  beforeAll(async () => {
    expect((await srv.raw("POST", "/collections", { collection_name: "made_by_hand", dimension: 16, index_file_size: 1024, metric_type: "IP" })).status).toBe(201);
    expect((await srv.raw("POST", "/collections/made_by_hand/indexes", { index_type: "HNSW", params: { M: 16, efConstruction: 100 } })).status).toBe(201);
    expect((await srv.raw("POST", "/collections/made_by_hand/partitions", { partition_tag: "q1" })).status).toBe(201);
  });

  it("refuses an existing collection without adopt, adopts a matching one, refuses a mismatching one", async () => {
    const { p } = legacyProvider("LegacyCollection", srv.url);
    const base = { collectionName: "made_by_hand", dimension: 16, metricType: "IP" };
    expect(await rejectionMessage(p.create(base))).toMatch(/"made_by_hand" already exists .*adopt: true/);
    const message = await rejectionMessage(p.create({ ...base, adopt: true, dimension: 32, metricType: "L2" }));
    expect(message).toMatch(/cannot adopt legacy collection "made_by_hand"/);
    expect(message).toMatch(/dimension: existing 16, wanted 32/);
    expect(message).toMatch(/metricType: existing "IP", wanted "L2"/);
    const adopted = await up(p, { ...base, adopt: true });
    expect(adopted.id).toBe("made_by_hand");
    await refreshNoDiff(p, adopted.id, adopted.outs, adopted.inputs);
  });

  it("adopts the index and the partition; refuses an index that differs", async () => {
    const ix = legacyProvider("LegacyIndex", srv.url);
    const hnsw = { collectionName: "made_by_hand", indexType: "HNSW", params: { M: 16, efConstruction: 100 } };
    expect(await rejectionMessage(ix.p.create(hnsw))).toMatch(/already has an HNSW index; set adopt: true/);
    expect(await rejectionMessage(ix.p.create({ ...hnsw, adopt: true, params: { M: 32, efConstruction: 100 } }))).toMatch(/params: existing \{"M":16,"efConstruction":100\}, wanted \{"M":32,"efConstruction":100\}/);
    const adopted = await up(ix.p, { ...hnsw, adopt: true });
    await refreshNoDiff(ix.p, adopted.id, adopted.outs, adopted.inputs);
    const part = legacyProvider("LegacyPartition", srv.url);
    expect(await rejectionMessage(part.p.create({ collectionName: "made_by_hand", partitionTag: "q1" }))).toMatch(/already has a partition "q1"; set adopt: true/);
    expect((await up(part.p, { collectionName: "made_by_hand", partitionTag: "q1", adopt: true })).id).toBe("made_by_hand/q1");
  });

  it("get: reads each kind by id alone (the endpoint from the stack config, or the id for the server config)", async () => {
    const coll = await legacyProvider("LegacyCollection", srv.url).p.read!("made_by_hand", {});
    // indexFileSize 1024 is the default: stored unset, like a program that leaves it out.
    expect(coll.props).toMatchObject({ collectionName: "made_by_hand", dimension: 16, metricType: "IP" });
    const ix = await legacyProvider("LegacyIndex", srv.url).p.read!("made_by_hand", {});
    expect(ix.props).toMatchObject({ collectionName: "made_by_hand", indexType: "HNSW", params: { M: 16, efConstruction: 100 } });
    const part = await legacyProvider("LegacyPartition", srv.url).p.read!("made_by_hand/q1", {});
    expect(part.props).toMatchObject({ collectionName: "made_by_hand", partitionTag: "q1" });
    const cfg = await legacyProvider("LegacyServerConfig", undefined).p.read!(srv.url, {});
    expect(cfg.id).toBe(srv.url);
  });
});

describe("refresh drops only on a confirmed not-found", () => {
  it("a collection, index or partition removed outside the stack is dropped from the stack", async () => {
    const coll = await up(legacyProvider("LegacyCollection", srv.url).p, { collectionName: "short_lived", dimension: 4 });
    const ix = await up(legacyProvider("LegacyIndex", srv.url).p, { collectionName: "short_lived", indexType: "IVFFLAT", params: { nlist: 64 } });
    const part = await up(legacyProvider("LegacyPartition", srv.url).p, { collectionName: "short_lived", partitionTag: "p" });
    // A dropped index shows as FLAT: the declared IVFFLAT index is gone.
    await srv.raw("DELETE", "/collections/short_lived/indexes");
    expect(await legacyProvider("LegacyIndex", srv.url).p.read!(ix.id, ix.outs)).toEqual({});
    await srv.raw("DELETE", "/collections/short_lived/partitions", { partition_tag: "p" });
    expect(await legacyProvider("LegacyPartition", srv.url).p.read!(part.id, part.outs)).toEqual({});
    await srv.raw("DELETE", "/collections/short_lived");
    expect(await legacyProvider("LegacyCollection", srv.url).p.read!(coll.id, coll.outs)).toEqual({});
  });

  it("an unreachable server or a server error is thrown, never read as gone", async () => {
    const { p } = legacyProvider("LegacyCollection", "http://127.0.0.1:9");
    await expect(p.read!("old_books", { collectionName: "old_books" })).rejects.toThrow();
    srv.failNext("GET", "/collections/made_by_hand", 3, "permission denied");
    await expect(legacyProvider("LegacyCollection", srv.url).p.read!("made_by_hand", { collectionName: "made_by_hand" })).rejects.toThrow(/permission denied/);
  });
});
