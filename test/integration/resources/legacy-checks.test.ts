/**
 * The legacy resources' guards: bad input refused at preview naming the property with no call to the
 * server, the `/state` check of the endpoint at create, and partial state after a failure once something
 * exists or changed on the server.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readProviderConfig } from "../../../src/resources/shared/provider-config";
import { expectPartial, rejectionMessage, up } from "./harness";
import { legacyProvider, startLegacyServer, type LegacyTestServer } from "./legacy-harness";

let srv: LegacyTestServer;
beforeAll(async () => {
  srv = await startLegacyServer();
});
afterAll(async () => srv?.close());

/** check's failures for `inputs`, asserting that check made no call at all. */
async function failuresOf(kind: string, inputs: Record<string, unknown>): Promise<Array<{ property: string; reason: string }>> {
  const before = srv.calls.length;
  const { failures } = await legacyProvider(kind, srv.url).p.check({}, inputs);
  expect(srv.calls.length).toBe(before);
  return failures ?? [];
}

describe("bad input is refused at preview, naming the property, with zero API calls", () => {
  it("LegacyCollection: name, dimension, index file size, metric, binary dimension, unknown keys", async () => {
    const f = await failuresOf("LegacyCollection", { collectionName: "books", dimension: 8, dimensio: 3 });
    expect(f.map((x) => x.property).sort()).toEqual(["dimensio"]);
    expect(f[0]!.reason).toMatch(/did you mean "dimension"/);
    const rules = await failuresOf("LegacyCollection", { collectionName: "9books", dimension: 40000, indexFileSize: 0, metricType: "COSINE" });
    expect(rules.map((x) => x.property).sort()).toEqual(["collectionName", "dimension", "indexFileSize", "metricType"]);
    expect(rules.find((x) => x.property === "indexFileSize")!.reason).toMatch(/index_file_size must be an integer within 1 ~ 4096/);
    const binary = await failuresOf("LegacyCollection", { collectionName: "bits", dimension: 12, metricType: "HAMMING" });
    expect(binary).toEqual([{ property: "dimension", reason: expect.stringMatching(/multiple of 8/) }]);
    expect(await failuresOf("LegacyCollection", { collectionName: "ok", dimension: "8" })).toEqual([{ property: "dimension", reason: expect.any(String) }]);
    expect(await failuresOf("LegacyCollection", { collectionName: "ok", dimension: 8, endpoint: "ftp://x" })).toEqual([{ property: "endpoint", reason: expect.stringMatching(/http\(s\) URL/) }]);
  });

  it("LegacyIndex: index type, parameters per type (missing, out of range, not taken by the type)", async () => {
    expect((await failuresOf("LegacyIndex", { collectionName: "c", indexType: "IVF_SQ8" }))[0]!.property).toBe("indexType");
    expect(await failuresOf("LegacyIndex", { collectionName: "c", indexType: "IVFSQ8" })).toEqual([{ property: "params.nlist", reason: expect.stringMatching(/required for IVFSQ8/) }]);
    expect(await failuresOf("LegacyIndex", { collectionName: "c", indexType: "IVFSQ8", params: { nlist: -1 } })).toEqual([{ property: "params.nlist", reason: expect.stringMatching(/1 ~ 65536/) }]);
    expect(await failuresOf("LegacyIndex", { collectionName: "c", indexType: "IVFSQ8", params: { nlist: 16, nlsit: 4 } })).toEqual([{ property: "params.nlsit", reason: expect.stringMatching(/did you mean "nlist"/) }]);
    expect(await failuresOf("LegacyIndex", { collectionName: "c", indexType: "HNSW", params: { M: 2, efConstruction: 100 } })).toEqual([{ property: "params.M", reason: expect.stringMatching(/4 ~ 64/) }]);
    expect(await failuresOf("LegacyIndex", { collectionName: "c", indexType: "IVFPQ", params: { nlist: 16, m: 5 } })).toEqual([{ property: "params.m", reason: expect.stringMatching(/one of 1, 2, 3/) }]);
    expect(await failuresOf("LegacyIndex", { collectionName: "c", indexType: "FLAT", params: { nlist: 16 } })).toEqual([{ property: "params.nlist", reason: expect.stringMatching(/FLAT takes no parameters/) }]);
    expect(await failuresOf("LegacyIndex", { collectionName: "c", indexType: "RNSG", params: { search_length: 45, out_degree: 50, candidate_pool_size: 300, knng: 100 } })).toEqual([]);
  });

  it("LegacyPartition and LegacyServerConfig", async () => {
    expect(await failuresOf("LegacyPartition", { collectionName: "c", partitionTag: "$x" })).toEqual([{ property: "partitionTag", reason: expect.stringMatching(/not starting with a dollar sign/) }]);
    expect(await failuresOf("LegacyPartition", { collectionName: "c", partitionTag: "_default" })).toEqual([{ property: "partitionTag", reason: expect.stringMatching(/default partition/) }]);
    const cfg = await failuresOf("LegacyServerConfig", { cpuCacheCapacity: 0, gpuSearchResources: ["cpu"], cacheInsertdata: true });
    expect(cfg.map((x) => x.property).sort()).toEqual(["cacheInsertdata", "cpuCacheCapacity", "gpuSearchResources[0]"]);
  });

  it("an index that does not fit its collection is refused at create, before anything is built", async () => {
    await up(legacyProvider("LegacyCollection", srv.url).p, { collectionName: "bits", dimension: 16, metricType: "HAMMING" });
    await up(legacyProvider("LegacyCollection", srv.url).p, { collectionName: "d12", dimension: 12 });
    const { p } = legacyProvider("LegacyIndex", srv.url);
    expect(await rejectionMessage(p.create({ collectionName: "bits", indexType: "HNSW", params: { M: 16, efConstruction: 64 } }))).toMatch(/cannot index a HAMMING collection \(use FLAT or IVFFLAT\)/);
    expect(await rejectionMessage(p.create({ collectionName: "d12", indexType: "IVFPQ", params: { nlist: 16, m: 8 } }))).toMatch(/params.m \(8\) must divide the collection dimension \(12\)/);
    expect(await rejectionMessage(p.create({ collectionName: "missing", indexType: "FLAT" }))).toMatch(/collection "missing" does not exist/);
    expect((await srv.raw("GET", "/collections/bits/indexes")).body.index_type).toBe("FLAT");
  });
});

describe("the endpoint must be a Milvus 0.x web server", () => {
  let other: Server;
  let otherUrl = "";
  let version = "2.3.5";
  beforeAll(async () => {
    // Answers /state as a 0.x server does (or not) and reports `version`.
    other = createServer((req, res) => {
      res.setHeader("content-type", "application/json");
      if (req.url === "/state" && version !== "none") return res.end(JSON.stringify({ code: 0, message: "Success" }));
      if (req.url === "/system/version") return res.end(JSON.stringify({ code: 0, message: "OK", reply: version }));
      res.end(JSON.stringify({ status: "ok" }));
    });
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  });
  afterAll(() => void other?.close());

  it("refuses a server reporting another version, one whose /state is not the 0.x answer, and a missing endpoint", async () => {
    const { p } = legacyProvider("LegacyCollection", otherUrl);
    expect(await rejectionMessage(p.create({ collectionName: "x", dimension: 8 }))).toMatch(/is not a Milvus 0.x web server: it reports version 2.3.5/);
    version = "none";
    expect(await rejectionMessage(p.create({ collectionName: "x", dimension: 8 }))).toMatch(/is not a Milvus 0.x web server: GET \/state or \/system\/version did not answer as a 0.x server does/);
    // Where the endpoint comes from: the stack config first, then MILVUS_LEGACY_ENDPOINT.
    const source = (values: Record<string, string>) => ({ get: (k: string) => values[k] });
    expect(readProviderConfig(source({ "zilliz:legacyEndpoint": "http://a:19121" }), { MILVUS_LEGACY_ENDPOINT: "http://b:19121" }).legacyEndpoint).toBe("http://a:19121");
    expect(readProviderConfig(source({}), { MILVUS_LEGACY_ENDPOINT: "http://b:19121" }).legacyEndpoint).toBe("http://b:19121");
    expect(readProviderConfig(source({}), {}).legacyEndpoint).toBeUndefined();
    const none = legacyProvider("LegacyPartition", undefined);
    expect(await rejectionMessage(none.p.create({ collectionName: "x", partitionTag: "p" }))).toMatch(/no Milvus 0.x endpoint: set `endpoint`.*zilliz:legacyEndpoint.*MILVUS_LEGACY_ENDPOINT/);
  });
});

describe("partial state once the server holds something", () => {
  it("LegacyCollection: a failed describe after the create keeps the id", async () => {
    srv.failNext("GET", "/collections/half_made", 3, "permission denied", 1);
    const err = await expectPartial(legacyProvider("LegacyCollection", srv.url).p.create({ collectionName: "half_made", dimension: 8 }));
    expect(err.id).toBe("half_made");
    expect(err.properties).toMatchObject({ collectionName: "half_made", dimension: 8, pendingWork: { operation: "create", step: "describe" } });
    expect(typeof err.properties.__provider).toBe("string");
    expect((await srv.raw("GET", "/collections/half_made")).status).toBe(200);
  });

  it("LegacyServerConfig: advanced settings applied, GPU PUT refused: partial state, and the next update finishes", async () => {
    const { p } = legacyProvider("LegacyServerConfig", srv.url);
    const inputs = { cpuCacheCapacity: 6, gpuCacheCapacity: 3 };
    srv.failNext("PUT", "/config/gpu_resources", 3, "permission denied");
    const err = await expectPartial(p.create(inputs));
    expect(err.id).toBe(srv.url);
    expect(err.properties).toMatchObject({ cpuCacheCapacity: 6, gpuCacheCapacity: 1, pendingWork: { operation: "create", step: "apply /config/gpu_resources" } });
    expect(await p.diff!(err.id, err.properties, inputs)).toMatchObject({ changes: true, replaces: [] });
    const done = (await p.update!(err.id, err.properties, inputs)).outs as Record<string, unknown>;
    expect(done.pendingWork).toBeUndefined();
    expect((await srv.raw("GET", "/config/gpu_resources")).body.cache_capacity).toBe(3);
    expect(await p.diff!(err.id, done, inputs)).toMatchObject({ changes: false });
  });

  it("LegacyServerConfig on a CPU build: GPU settings fail with a clear error", async () => {
    srv.failNext("GET", "/config/gpu_resources", 32, "Unknown path");
    const message = await rejectionMessage(legacyProvider("LegacyServerConfig", srv.url).p.create({ gpuEnable: false }));
    expect(message).toMatch(/has no GPU settings \(a CPU build/);
  });
});
