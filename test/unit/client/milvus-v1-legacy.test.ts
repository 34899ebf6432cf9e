/** Milvus REST v1 (milvus-rest-api.md §9) and the legacy 0.x API (seed 002): requests and parsed responses. */
import { describe, expect, it } from "vitest";
import { collect, LegacyMilvusClient, MilvusV1Client, NotFoundError, InvalidArgumentError } from "../../../src/client";
import { MockServer } from "./mock-server";

const EP = "http://127.0.0.1:19530";

function v1() {
  const m = new MockServer(EP);
  return { m, c: new MilvusV1Client({ endpoint: EP, token: "root:Milvus", ...m.clientOptions() }) };
}

describe("MilvusV1Client", () => {
  it("collections.list is GET /v1/vector/collections with dbName in the query", async () => {
    const { m, c } = v1();
    m.on("GET", "/v1/vector/collections?dbName=default", { body: { code: 200, data: ["c1", "c2"] } });
    expect(await c.collections.list({ dbName: "default" })).toEqual(["c1", "c2"]);
    expect(m.last()).toMatchObject({ method: "GET", body: undefined });
    expect(m.last().headers.authorization).toBe("Bearer root:Milvus");
  });

  it("collections.create posts the v1 body", async () => {
    const { m, c } = v1();
    m.on("POST", "/v1/vector/collections/create", { body: { code: 200, data: {} } });
    await c.collections.create({ collectionName: "book", dimension: 8, metricType: "L2" });
    expect(m.last().body).toEqual({ collectionName: "book", dimension: 8, metricType: "L2" });
  });

  it("collections.describe is a GET with the name in the query and parses the v1 shape", async () => {
    const { m, c } = v1();
    m.on("GET", "/v1/vector/collections/describe?collectionName=book", {
      body: { code: 200, data: { collectionName: "book", description: "", enableDynamicField: true, shardsNum: 1, load: "LoadStateLoaded", indexes: [{ fieldName: "vector", indexName: "vector_idx", metricType: "L2" }], fields: [{ name: "id", type: "Int64", primaryKey: true, autoId: true, description: "" }, { name: "vector", type: "FloatVector(8)", primaryKey: false, autoId: false, description: "" }] } },
    });
    const d = await c.collections.describe({ collectionName: "book" });
    expect(d.fields.map((f) => f.type)).toEqual(["Int64", "FloatVector(8)"]);
    expect(d.indexes[0]?.indexName).toBe("vector_idx");
  });

  it("collections.drop posts the name; a missing collection (100) is NotFoundError", async () => {
    const { m, c } = v1();
    m.on("POST", "/v1/vector/collections/drop", { body: { code: 200, data: {} } });
    m.on("POST", "/v1/vector/collections/drop", { body: { code: 100, message: "collection not found, database: default, collection: book" } });
    await c.collections.drop({ collectionName: "book" });
    expect(m.last().body).toEqual({ collectionName: "book" });
    await expect(c.collections.drop({ collectionName: "book" })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a missing required field (1802) is InvalidArgumentError", async () => {
    const { m, c } = v1();
    m.on("POST", "/v1/vector/collections/create", { body: { code: 1802, message: "missing required parameters, required parameters: [collectionName, dimension]" } });
    await expect(c.collections.create({ collectionName: "", dimension: 0 })).rejects.toBeInstanceOf(InvalidArgumentError);
  });
});

const LEGACY = "http://127.0.0.1:19121";
function legacy() {
  const m = new MockServer(LEGACY);
  return { m, c: new LegacyMilvusClient({ endpoint: LEGACY, ...m.clientOptions() }) };
}
const seedCollection = { collection_name: "test_collection", dimension: 1, index_file_size: 10, metric_type: "L2", count: 0, index: "FLAT", index_params: { nlist: 4096 } };

describe("LegacyMilvusClient (0.x)", () => {
  it("state", async () => {
    const { m, c } = legacy();
    m.on("GET", "/state", { body: { message: "Success", code: 0 } });
    await expect(c.state()).resolves.toBeUndefined();
    expect(m.last().headers.accept).toBe("application/json");
  });

  it("get and set /config/advanced", async () => {
    const { m, c } = legacy();
    const cfg = { cpu_cache_capacity: 4, cache_insert_data: false, use_blas_threshold: 1100, gpu_search_threshold: 1000 };
    m.on("GET", "/config/advanced", { body: cfg });
    m.on("PUT", "/config/advanced", { body: { message: "OK", code: 0 } });
    expect(await c.getAdvancedConfig()).toEqual(cfg);
    await c.setAdvancedConfig(cfg);
    expect(m.last()).toMatchObject({ method: "PUT", body: cfg });
  });

  it("lists collections across offset pages", async () => {
    const { m, c } = legacy();
    m.on("GET", "/collections?offset=0&page_size=1", { body: { collections: [seedCollection], count: 2 } });
    m.on("GET", "/collections?offset=1&page_size=1", { body: { collections: [{ ...seedCollection, collection_name: "second" }], count: 2 } });
    expect((await collect(c.listCollections({ pageSize: 1 }))).map((x) => x.collection_name)).toEqual(["test_collection", "second"]);
    expect(m.calls).toHaveLength(2);
  });

  it("creates, describes and drops a collection", async () => {
    const { m, c } = legacy();
    m.on("POST", "/collections", { status: 201, body: { message: "OK", code: 0 } });
    m.on("GET", "/collections/test_collection", { body: seedCollection });
    m.on("DELETE", "/collections/test_collection", { status: 204, body: "" });
    await c.createCollection({ collection_name: "test_collection", dimension: 1, index_file_size: 10, metric_type: "L2" });
    expect(m.last().body).toEqual({ collection_name: "test_collection", dimension: 1, index_file_size: 10, metric_type: "L2" });
    expect(await c.describeCollection("test_collection")).toEqual(seedCollection);
    await c.dropCollection("test_collection");
    expect(m.last().method).toBe("DELETE");
  });

  it("a missing table (code 4, HTTP 404) is NotFoundError via the 0.x code table", async () => {
    const { m, c } = legacy();
    m.on("GET", "/collections/nope", { status: 404, body: { code: 4, message: "Collection nope does not exist" } });
    await expect(c.describeCollection("nope")).rejects.toMatchObject({ kind: "not_found", code: 4, httpStatus: 404 });
  });

  it("indexes: get, create, drop", async () => {
    const { m, c } = legacy();
    m.on("GET", "/collections/test_collection/indexes", { body: { index_type: "FLAT", params: { nlist: 4096 } } });
    m.on("POST", "/collections/test_collection/indexes", { status: 201, body: { message: "OK", code: 0 } });
    m.on("DELETE", "/collections/test_collection/indexes", { status: 204, body: "" });
    expect(await c.getIndex("test_collection")).toEqual({ index_type: "FLAT", params: { nlist: 4096 } });
    await c.createIndex("test_collection", { index_type: "IVFFLAT", params: { nlist: 4096 } });
    expect(m.last().body).toEqual({ index_type: "IVFFLAT", params: { nlist: 4096 } });
    await c.dropIndex("test_collection");
  });

  it("partitions: list pages, create, drop with the tag in a DELETE body", async () => {
    const { m, c } = legacy();
    m.on("GET", "/collections/test_collection/partitions?offset=0&page_size=3", { body: { partitions: [{ partition_tag: "_default" }, { partition_tag: "test_tag" }, { partition_tag: "test_2" }], count: 4 } });
    m.on("GET", "/collections/test_collection/partitions?offset=3&page_size=3", { body: { partitions: [{ partition_tag: "p4" }], count: 4 } });
    m.on("POST", "/collections/test_collection/partitions", { status: 201, body: { message: "OK", code: 0 } });
    m.on("DELETE", "/collections/test_collection/partitions", { status: 204, body: "" });
    expect(await collect(c.listPartitions("test_collection", { pageSize: 3 }))).toEqual(["_default", "test_tag", "test_2", "p4"]);
    await c.createPartition("test_collection", "test");
    expect(m.last().body).toEqual({ partition_tag: "test" });
    await c.dropPartition("test_collection", "tags_01");
    expect(m.last()).toMatchObject({ method: "DELETE", body: { partition_tag: "tags_01" } });
  });

  it("encodes names in paths", async () => {
    const { m, c } = legacy();
    m.on("GET", "/collections/a%2Fb", { body: { ...seedCollection, collection_name: "a/b" } });
    expect((await c.describeCollection("a/b")).collection_name).toBe("a/b");
  });
});
