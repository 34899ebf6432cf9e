/** LegacyMilvusClient (seed 002) calls a legacy resource layer needs: server checks, GPU config, stats, data. */
import { describe, expect, it } from "vitest";
import { collect, LegacyMilvusClient, ResponseValidationError, UnsupportedEndpointError } from "../../../src/client";
import { MockServer } from "./mock-server";

const LEGACY = "http://127.0.0.1:19121";
function legacy() {
  const m = new MockServer(LEGACY);
  return { m, c: new LegacyMilvusClient({ endpoint: LEGACY, ...m.clientOptions() }) };
}

describe("LegacyMilvusClient server checks", () => {
  it("state accepts the 0.x answer and refuses another server's JSON", async () => {
    const { m, c } = legacy();
    m.on("GET", "/state", { body: { message: "Success", code: 0 } });
    m.on("GET", "/state", { body: {} });
    m.on("GET", "/state", { body: { status: "ok" } });
    await expect(c.state()).resolves.toBeUndefined();
    await expect(c.state()).rejects.toBeInstanceOf(ResponseValidationError);
    await expect(c.state()).rejects.toBeInstanceOf(ResponseValidationError);
  });

  it("version and devices", async () => {
    const { m, c } = legacy();
    m.on("GET", "/system/version", { body: { code: 0, message: "OK", reply: "0.8.0" } });
    m.on("GET", "/devices", { body: { cpu: { memory: 31 }, gpus: { GPU0: { memory: 5 } } } });
    expect(await c.version()).toBe("0.8.0");
    expect(await c.devices()).toEqual({ cpu: { memory: 31 }, gpus: { GPU0: { memory: 5 } } });
  });
});

describe("LegacyMilvusClient GPU config", () => {
  it("gets and puts /config/gpu_resources as the seed shows", async () => {
    const { m, c } = legacy();
    const gpu = { enable: true, cache_capacity: 1, search_resources: ["GPU0"], build_index_resources: ["GPU0"] };
    m.on("GET", "/config/gpu_resources", { body: gpu });
    m.on("PUT", "/config/gpu_resources", { body: { message: "OK", code: 0 } });
    expect(await c.getGpuConfig()).toEqual(gpu);
    await c.setGpuConfig(gpu);
    expect(m.last()).toMatchObject({ method: "PUT", body: gpu });
  });

  it("reads a disabled GPU config without its other fields, and a CPU build's unknown path is UnsupportedEndpointError", async () => {
    const { m, c } = legacy();
    m.on("GET", "/config/gpu_resources", { body: { enable: false, cache_capacity: null, search_resources: null, build_index_resources: null } });
    m.on("GET", "/config/gpu_resources", { status: 404, body: { code: 32, message: "Unknown path: /config/gpu_resources" } });
    expect(await c.getGpuConfig()).toEqual({ enable: false, cache_capacity: undefined, search_resources: undefined, build_index_resources: undefined });
    await expect(c.getGpuConfig()).rejects.toBeInstanceOf(UnsupportedEndpointError);
  });
});

describe("LegacyMilvusClient stats and data", () => {
  it("collectionStats reads ?info=stat", async () => {
    const { m, c } = legacy();
    const stat = {
      partitions: [{ row_count: 10000, segments: [{ data_size: 5284922, index_name: "IVFFLAT", name: "1589468453228582000", row_count: 10000 }], tag: "_default" }],
      row_count: 10000,
    };
    m.on("GET", "/collections/test_collection?info=stat", { body: stat });
    expect(await c.collectionStats("test_collection")).toEqual(stat);
  });

  it("hasPartition pages through the tags", async () => {
    const { m, c } = legacy();
    m.on("GET", "/collections/c/partitions?offset=0&page_size=100", { body: { partitions: [{ partition_tag: "_default" }, { partition_tag: "p" }], count: 2 } }, 2);
    expect(await c.hasPartition("c", "p")).toBe(true);
    expect(await c.hasPartition("c", "q")).toBe(false);
  });

  it("inserts vectors and flushes", async () => {
    const { m, c } = legacy();
    m.on("POST", "/collections/test_collection/vectors", { status: 201, body: { ids: ["1578989029645098000", "1578989029645098001"] } });
    m.on("PUT", "/system/task", { body: { code: 0, message: "success" } });
    expect(await c.insertVectors("test_collection", { vectors: [[0.1], [0.2]], partition_tag: "p" })).toEqual(["1578989029645098000", "1578989029645098001"]);
    expect(m.last().body).toEqual({ vectors: [[0.1], [0.2]], partition_tag: "p" });
    await c.flush(["test_collection"]);
    expect(m.last()).toMatchObject({ method: "PUT", body: { flush: { collection_names: ["test_collection"] } } });
  });
});

describe("LegacyMilvusClient segments, reads and search", () => {
  it("listSegments and segmentVectors page with offset/page_size", async () => {
    const { m, c } = legacy();
    const seg = { data_size: 5284922, index_name: "IVFFLAT", name: "1589468453228582000", partition_tag: "_default", row_count: 3 };
    m.on("GET", "/collections/c/segments?offset=0&page_size=1", { body: { code: 0, message: "OK", count: 2, segments: [seg] } });
    m.on("GET", "/collections/c/segments?offset=1&page_size=1", { body: { code: 0, message: "OK", count: 2, segments: [{ ...seg, name: "2" }] } });
    expect((await collect(c.listSegments("c", { pageSize: 1 }))).map((x) => x.name)).toEqual(["1589468453228582000", "2"]);
    m.on("GET", "/collections/c/segments/1589468453228582000/vectors?offset=0&page_size=2", {
      body: { code: 0, message: "OK", count: 3, vectors: [{ vector: [0.1], id: "1583727470435045000" }, { vector: [0.2], id: "1583727470435045001" }] },
    });
    m.on("GET", "/collections/c/segments/1589468453228582000/vectors?offset=2&page_size=2", { body: { code: 0, message: "OK", count: 3, vectors: [{ vector: [0.3], id: "1583727470435045002" }] } });
    const rows = await collect(c.segmentVectors("c", "1589468453228582000", { pageSize: 2 }));
    expect(rows.map((r) => r.vector[0])).toEqual([0.1, 0.2, 0.3]);
  });

  it("getVectors sends the IDs comma-separated", async () => {
    const { m, c } = legacy();
    m.on("GET", "/collections/c/vectors?ids=1578989029645098000%2C1578989029645098001", {
      body: { vectors: [{ id: "1578989029645098000", vector: [0.1] }, { id: "1578989029645098001", vector: [0.2] }] },
    });
    expect(await c.getVectors("c", ["1578989029645098000", "1578989029645098001"])).toEqual([
      { id: "1578989029645098000", vector: [0.1] },
      { id: "1578989029645098001", vector: [0.2] },
    ]);
  });

  it("search wraps the body, parses distances and reads `results` or `result`", async () => {
    const { m, c } = legacy();
    const lists = [[{ id: "1578989029645098000", distance: "0.000000" }, { id: "1578989029645098001", distance: "0.010000" }]];
    m.on("PUT", "/collections/c/vectors", { body: { num: 1, results: lists } });
    m.on("PUT", "/collections/c/vectors", { body: { num: 1, result: [[{ id: "5", distance: "inf" }]] } });
    const hits = await c.search("c", { topk: 2, vectors: [[0.1]], params: { nprobe: 16 } });
    expect(m.last().body).toEqual({ search: { topk: 2, vectors: [[0.1]], params: { nprobe: 16 } } });
    expect(hits).toEqual([[{ id: "1578989029645098000", distance: 0 }, { id: "1578989029645098001", distance: 0.01 }]]);
    expect(await c.search("c", { topk: 1, vectors: [[0.1]], params: {} })).toEqual([[{ id: "5", distance: Infinity }]]);
  });

  it("deleteVectors sends the seed's delete body", async () => {
    const { m, c } = legacy();
    m.on("PUT", "/collections/c/vectors", { body: { code: 0, message: "success" } });
    await c.deleteVectors("c", ["1578989029645098000"]);
    expect(m.last().body).toEqual({ delete: { ids: ["1578989029645098000"] } });
  });
});
