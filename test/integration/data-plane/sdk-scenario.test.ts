/**
 * The official `@zilliz/milvus2-sdk-node` HttpClient (a client we did not write) drives the v2 data plane of
 * the Milvus stand-in through a full scenario. Every response must carry code 0.
 */
import path from "node:path";
import { HttpClient } from "@zilliz/milvus2-sdk-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMilvusStandIn } from "../../../src/emulator/data-plane";

const importFile = path.resolve(__dirname, "../../fixtures/import/rows-object.json");
let standIn: Awaited<ReturnType<typeof startMilvusStandIn>>;
let client: HttpClient;

/** Asserts a v2 success envelope and returns its data. */
function ok<T>(res: { code: number; data?: T; message?: string }): T {
  expect(res, JSON.stringify(res)).toMatchObject({ code: 0 });
  return res.data as T;
}

beforeAll(async () => {
  standIn = await startMilvusStandIn();
  client = new HttpClient({ baseURL: `${standIn.url}/v2`, token: "root:Milvus" });
});
afterAll(async () => standIn?.close());

describe("official SDK HttpClient against the data plane", () => {
  it("rejects a wrong token with HTTP 401", async () => {
    const bad = new HttpClient({ baseURL: `${standIn.url}/v2`, token: "root:nope" });
    await expect(bad.listCollections()).rejects.toThrow(/401/);
  });

  it("runs databases, collections, indexes, partitions, aliases, users, roles and imports", async () => {
    // databases
    ok(await client.createDatabase({ dbName: "sdkdb", properties: { "database.max.collections": 5 } }));
    expect(ok(await client.listDatabases())).toEqual(["default", "sdkdb"]);
    const db = ok(await client.describeDatabase({ dbName: "sdkdb" })) as unknown as { dbName: string; properties: unknown[] };
    expect(db.dbName).toBe("sdkdb");
    ok(await client.alterDatabaseProperties({ dbName: "sdkdb", properties: { "database.force.deny.writing": false } }));
    ok(await client.dropDatabaseProperties({ dbName: "sdkdb", propertyKeys: ["database.max.collections"] }));

    // collections: quick and custom
    ok(await client.createCollection({ collectionName: "quick", dimension: 8, metricType: "L2" }));
    ok(
      await client.createCollection({
        collectionName: "books",
        schema: {
          autoId: false,
          enableDynamicField: true,
          fields: [
            { fieldName: "id", dataType: "Int64", isPrimary: true },
            { fieldName: "title", dataType: "VarChar", elementTypeParams: { max_length: 64 } },
            { fieldName: "v", dataType: "FloatVector", elementTypeParams: { dim: 4 } },
          ],
        },
      } as unknown as Parameters<HttpClient["createCollection"]>[0]),
    );
    expect(ok(await client.hasCollection({ collectionName: "books", dbName: "default" }))).toEqual({ has: true });
    expect(new Set(ok(await client.listCollections()))).toEqual(new Set(["quick", "books"]));
    const quick = ok(await client.describeCollection({ collectionName: "quick" })) as unknown as { fields: { name: string; type: string }[]; load: string };
    expect(quick.fields.map((f) => `${f.name}:${f.type}`)).toEqual(["id:Int64", "vector:FloatVector"]);
    expect(quick.load).toBe("LoadStateLoaded");

    // indexes, load
    ok(await client.createIndex({ collectionName: "books", indexParams: [{ fieldName: "v", indexName: "v_idx", metricType: "COSINE", indexType: "HNSW", params: { M: 8, efConstruction: 64 } }] } as unknown as Parameters<HttpClient["createIndex"]>[0]));
    expect(ok(await client.listIndexes({ collectionName: "books" }))).toEqual(["v_idx"]);
    const [index] = ok(await client.describeIndex({ collectionName: "books", indexName: "v_idx" })) as unknown as { indexState: string; indexType: string }[];
    expect(index).toMatchObject({ indexState: "Finished", indexType: "HNSW" });
    ok(await client.alterIndexProperties({ collectionName: "books", indexName: "v_idx", properties: { "mmap.enabled": true } }));
    ok(await client.dropIndexProperties({ collectionName: "books", indexName: "v_idx", propertyKeys: ["mmap.enabled"] }));
    ok(await client.loadCollection({ collectionName: "books" }));
    expect(ok(await client.getCollectionLoadState({ collectionName: "books" }))).toMatchObject({ loadState: "LoadStateLoaded" });
    ok(await client.releaseCollection({ collectionName: "books" }));
    ok(await client.alterCollectionProperties({ collectionName: "books", properties: { "collection.ttl.seconds": 60 } }));
    ok(await client.dropCollectionProperties({ collectionName: "books", propertyKeys: ["collection.ttl.seconds"] }));
    ok(await client.addCollectionField({ collectionName: "books", schema: { fieldName: "note", dataType: "VarChar", nullable: true, elementTypeParams: { max_length: 32 } } } as unknown as Parameters<HttpClient["addCollectionField"]>[0]));
    ok(await client.alterCollectionFieldProperties({ collectionName: "books", fieldName: "title", fieldParams: { max_length: 128 } } as unknown as Parameters<HttpClient["alterCollectionFieldProperties"]>[0]));
    const altered = ok(await client.describeCollection({ collectionName: "books" })) as unknown as { fields: { name: string; params?: { key: string; value: string }[]; nullable: boolean }[] };
    expect(altered.fields.find((f) => f.name === "title")?.params).toEqual([{ key: "max_length", value: "128" }]);
    expect(altered.fields.find((f) => f.name === "note")?.nullable).toBe(true);
    ok(await client.flushCollection({ collectionName: "books" }));

    // partitions
    ok(await client.createPartition({ collectionName: "books", partitionName: "p1" }));
    expect(ok(await client.hasPartition({ collectionName: "books", partitionName: "p1" }))).toEqual({ has: true });
    expect(ok(await client.listPartitions({ collectionName: "books" }))).toEqual(["_default", "p1"]);
    ok(await client.loadPartitions({ collectionName: "books", partitionNames: ["p1"] }));
    ok(await client.releasePartitions({ collectionName: "books", partitionNames: ["_default", "p1"] }));
    expect(ok(await client.getPartitionStatistics({ collectionName: "books", partitionName: "p1" }))).toEqual({ rowCount: 0 });
    ok(await client.dropPartition({ collectionName: "books", partitionName: "p1" }));

    // aliases
    ok(await client.createAlias({ collectionName: "books", aliasName: "library" }));
    expect(ok(await client.describeAlias({ aliasName: "library" }))).toMatchObject({ aliasName: "library", collectionName: "books" });
    expect(ok(await client.listAliases({}))).toEqual(["library"]);
    ok(await client.alterAlias({ collectionName: "quick", aliasName: "library" }));
    ok(await client.dropAlias({ aliasName: "library" }));

    // users and roles
    ok(await client.createUser({ userName: "alice", password: "secret123" }));
    ok(await client.updateUserPassword({ userName: "alice", password: "secret123", newPassword: "secret456" }));
    ok(await client.createRole({ roleName: "reader" }));
    ok(await client.grantPrivilegeToRole({ roleName: "reader", objectType: "Collection", objectName: "books", privilege: "Query" }));
    expect(ok(await client.describeRole({ roleName: "reader" }))).toEqual([
      { dbName: "default", grantor: "root", objectName: "books", objectType: "Collection", privilege: "Query" },
    ]);
    ok(await client.grantRoleToUser({ userName: "alice", roleName: "reader" }));
    expect(ok(await client.describeUser({ userName: "alice" }))).toEqual(["reader"]);
    expect(ok(await client.listUsers())).toEqual(["root", "alice"]);
    expect(ok(await client.listRoles())).toEqual(["admin", "public", "reader"]);
    ok(await client.revokeRoleFromUser({ userName: "alice", roleName: "reader" }));
    ok(await client.revokePrivilegeFromRole({ roleName: "reader", objectType: "Collection", objectName: "books", privilege: "Query" }));
    ok(await client.dropRole({ roleName: "reader" }));
    ok(await client.dropUser({ userName: "alice" }));

    // import job
    const { jobId } = ok(await client.createImportJobs({ collectionName: "books", files: [[`file://${importFile}`]] }));
    expect(jobId).toMatch(/^\d+$/);
    const progress = ok(await client.getImportJobProgress({ jobId })) as unknown as { state: string; importedRows: number };
    expect(progress).toMatchObject({ state: "Completed", importedRows: 3 });
    const jobs = ok(await client.listImportJobs({ collectionName: "books" })) as unknown as { records: { jobId: string }[] };
    expect(jobs.records.map((r) => r.jobId)).toEqual([jobId]);
    expect(ok(await client.getCollectionStatistics({ collectionName: "books" }))).toEqual({ rowCount: 3 });

    // rename, drop
    ok(await client.renameCollection({ collectionName: "quick", newCollectionName: "quick2" }));
    ok(await client.dropCollection({ collectionName: "quick2" }));
    ok(await client.dropCollection({ collectionName: "books" }));
    ok(await client.dropDatabase({ dbName: "sdkdb" }));
    expect(ok(await client.listCollections())).toEqual([]);
  });

  it("serves an application: rich schema, partitions, filtered and partition-scoped search and query, count(*)", async () => {
    type Row = Record<string, unknown>;
    const rows = (res: { code: number; data?: unknown }) => ok(res as { code: number; data?: Row[] }) as Row[];
    ok(
      await client.createCollection({
        collectionName: "shop",
        schema: {
          enableDynamicField: true,
          fields: [
            { fieldName: "sku", dataType: "Int64", isPrimary: true },
            { fieldName: "name", dataType: "VarChar", elementTypeParams: { max_length: 64 } },
            { fieldName: "price", dataType: "Double" },
            { fieldName: "stock", dataType: "Int32", defaultValue: 0 },
            { fieldName: "specs", dataType: "JSON" },
            { fieldName: "tags", dataType: "Array", elementDataType: "VarChar", elementTypeParams: { max_capacity: 8, max_length: 16 } },
            { fieldName: "discount", dataType: "Float", nullable: true },
            { fieldName: "embedding", dataType: "FloatVector", elementTypeParams: { dim: 2 } },
          ],
        },
        indexParams: [{ fieldName: "embedding", metricType: "L2", indexType: "AUTOINDEX" }],
      } as unknown as Parameters<HttpClient["createCollection"]>[0]),
    );
    ok(await client.createPartition({ collectionName: "shop", partitionName: "outlet" }));
    ok(await client.insert({ collectionName: "shop", data: [
      { sku: 1, name: "red kettle", price: 30, stock: 5, specs: { watts: 1800, color: "red" }, tags: ["kitchen", "red"], discount: 0.1, embedding: [0, 0], brand: "acme" },
      { sku: 2, name: "blue kettle", price: 35, specs: { watts: 2200, color: "blue" }, tags: ["kitchen"], embedding: [1, 0], brand: "zen" },
      { sku: 3, name: "desk lamp", price: 20, stock: 2, specs: { watts: 40 }, tags: ["office"], embedding: [0, 3] },
    ] }));
    ok(await client.insert({ collectionName: "shop", partitionName: "outlet", data: [
      { sku: 4, name: "old kettle", price: 10, stock: 1, specs: { watts: 1200 }, tags: ["kitchen", "used"], discount: 0.5, embedding: [0.5, 0], brand: "acme" },
    ] } as Parameters<HttpClient["insert"]>[0]));

    // Filters over scalar, JSON, array, nullable and dynamic fields.
    const names = async (filter: string, extra: Row = {}) =>
      rows(await client.query({ collectionName: "shop", filter, outputFields: ["name"], ...extra })).map((r) => r.name);
    expect(await names('name like "%kettle" and price < 32')).toEqual(["red kettle", "old kettle"]);
    expect(await names('specs["watts"] >= 1800')).toEqual(["red kettle", "blue kettle"]);
    expect(await names('array_contains(tags, "kitchen") and not array_contains(tags, "used")')).toEqual(["red kettle", "blue kettle"]);
    expect(await names("discount is null")).toEqual(["blue kettle", "desk lamp"]);
    expect(await names('brand == "acme"')).toEqual(["red kettle", "old kettle"]);
    expect(await names("stock == 0")).toEqual(["blue kettle"]);
    expect(await names("10 < price <= 30 or sku in [2]")).toEqual(["red kettle", "blue kettle", "desk lamp"]);
    expect(await names("", { partitionNames: ["outlet"] })).toEqual(["old kettle"]);

    // count(*) with and without filter and partitions (int64 values come as strings: the client sends
    // Accept-Type-Allow-Int64: false).
    const count = async (filter: string, partitionNames?: string[]) =>
      rows(await client.query({ collectionName: "shop", filter, outputFields: ["count(*)"], partitionNames }))[0]?.["count(*)"];
    expect(await count("")).toBe("4");
    expect(await count('array_contains(tags, "kitchen")')).toBe("3");
    expect(await count("", ["_default"])).toBe("3");

    // Search: exact L2 distances, filter, partitions, grouping, range.
    const search = await client.search({ collectionName: "shop", data: [[0, 0]], limit: 3, outputFields: ["name"], filter: 'specs["watts"] > 100' });
    expect(rows(search)).toEqual([
      { sku: "1", name: "red kettle", distance: 0 },
      { sku: "4", name: "old kettle", distance: 0.25 },
      { sku: "2", name: "blue kettle", distance: 1 },
    ]);
    const outlet = await client.search({ collectionName: "shop", data: [[0, 0]], partitionNames: ["outlet"], outputFields: ["name"] } as Parameters<HttpClient["search"]>[0]);
    expect(rows(outlet).map((r) => r.name)).toEqual(["old kettle"]);
    const grouped = await client.search({ collectionName: "shop", data: [[0, 0]], groupingField: "brand", limit: 5, outputFields: ["brand"] });
    expect(rows(grouped).map((r) => r.sku)).toEqual(["1", "2", "3"]);
    const ranged = await client.search({ collectionName: "shop", data: [[0, 0]], outputFields: [], searchParams: { params: { radius: 2, range_filter: 0.2 } } });
    expect(rows(ranged).map((r) => r.sku)).toEqual(["4", "2"]);

    // Per-partition load: release the outlet, drop it, and reads stop seeing it.
    ok(await client.releasePartitions({ collectionName: "shop", partitionNames: ["outlet"] }));
    const unloaded = await client.query({ collectionName: "shop", filter: "", outputFields: ["sku"], partitionNames: ["outlet"] });
    expect(unloaded).toMatchObject({ code: 201 });
    ok(await client.dropPartition({ collectionName: "shop", partitionName: "outlet" }));
    expect(await count("")).toBe("3");

    // Through an alias, and as another user logging in with its own password.
    ok(await client.createAlias({ collectionName: "shop", aliasName: "store" }));
    expect(rows(await client.query({ collectionName: "store", filter: "price > 25", outputFields: ["count(*)"] }))).toEqual([{ "count(*)": "2" }]);
    ok(await client.createUser({ userName: "clerk", password: "clerk-pass1" }));
    // Grants are enforced: the clerk may search, and nothing else.
    ok(await client.createRole({ roleName: "searcher" }));
    ok(await client.grantPrivilegeToRole({ roleName: "searcher", objectType: "Collection", objectName: "*", privilege: "Search" }));
    ok(await client.grantRoleToUser({ userName: "clerk", roleName: "searcher" }));
    const clerk = new HttpClient({ baseURL: `${standIn.url}/v2`, token: "clerk:clerk-pass1" });
    expect(rows(await clerk.search({ collectionName: "store", data: [[1, 0]], limit: 1, outputFields: ["name"] }))).toEqual([{ sku: "2", name: "blue kettle", distance: 0 }]);
    const intruder = new HttpClient({ baseURL: `${standIn.url}/v2`, token: "clerk:wrong" });
    await expect(intruder.query({ collectionName: "store", filter: "", outputFields: ["sku"] })).rejects.toThrow(/401/);
    await expect(clerk.dropAlias({ aliasName: "store" })).rejects.toThrow(/403/);
    ok(await client.dropAlias({ aliasName: "store" }));
    ok(await client.dropUser({ userName: "clerk" }));
    ok(await client.revokePrivilegeFromRole({ roleName: "searcher", objectType: "Collection", objectName: "*", privilege: "Search" }));
    ok(await client.dropRole({ roleName: "searcher" }));

    // Deletes by filter, compaction, and a query on a released collection.
    ok(await client.delete({ collectionName: "shop", filter: 'specs["color"] == "blue"' }));
    expect(await count("")).toBe("2");
    const { compactionID } = ok(await client.compactCollection({ collectionName: "shop" }));
    expect(compactionID).toBeGreaterThan(0);
    const state = ok(await client.getCompactionState({ jobID: compactionID } as unknown as Parameters<HttpClient["getCompactionState"]>[0])) as unknown as { state: string };
    expect(state.state).toBe("Completed");
    ok(await client.releaseCollection({ collectionName: "shop" }));
    const released = await client.query({ collectionName: "shop", filter: "sku > 0", outputFields: ["sku"] });
    expect(released).toMatchObject({ code: 101 });
    expect(released.message).toMatch(/^failed to query: collection not loaded\[collection=\d+\]$/);
    ok(await client.dropCollection({ collectionName: "shop" }));
  });
});

describe("official SDK HttpClient importing Parquet and CSV from an S3-compatible server", () => {
  // Loaded here rather than at the top of the file so that this block stays self-contained.
  let moto: Awaited<ReturnType<typeof import("../../support/moto").startMoto>>;
  let s3StandIn: Awaited<ReturnType<typeof startMilvusStandIn>>;
  let s3Client: HttpClient;

  beforeAll(async () => {
    const { startMoto } = await import("../../support/moto");
    const { readFileSync } = await import("node:fs");
    const formats = path.resolve(__dirname, "../../fixtures/import/formats");
    moto = await startMoto();
    // Milvus reads bare keys from its own bucket; s3:// URLs name any bucket on the same server.
    moto.put("milvus", { "incoming/books.parquet": readFileSync(path.join(formats, "books.parquet")) });
    moto.put("shared", { "books.csv": readFileSync(path.join(formats, "books.csv")) });
    s3StandIn = await startMilvusStandIn({
      objectStore: { endpoint: moto.endpoint, bucket: "milvus", accessKey: moto.reader.accessKey, secretKey: moto.reader.secretKey },
    });
    s3Client = new HttpClient({ baseURL: `${s3StandIn.url}/v2`, token: "root:Milvus" });
  });
  afterAll(async () => {
    await s3StandIn?.close();
    await moto?.stop();
  });

  it("creates import jobs for a Parquet key and a CSV object URL, waits for them and reads the rows back", async () => {
    ok(
      await s3Client.createCollection({
        collectionName: "library",
        schema: {
          autoId: false,
          enableDynamicField: false,
          fields: [
            { fieldName: "id", dataType: "Int64", isPrimary: true },
            { fieldName: "title", dataType: "VarChar", elementTypeParams: { max_length: 64 } },
            { fieldName: "v", dataType: "FloatVector", elementTypeParams: { dim: 4 } },
          ],
        },
        indexParams: [{ fieldName: "v", indexName: "v_idx", metricType: "L2", indexType: "AUTOINDEX" }],
      } as unknown as Parameters<HttpClient["createCollection"]>[0]),
    );
    const { jobId } = ok(await s3Client.createImportJobs({ collectionName: "library", files: [["incoming/books.parquet"], ["s3://shared/books.csv"]] }));
    let progress = { state: "", importedRows: 0, reason: "" };
    for (let i = 0; i < 300 && progress.state !== "Completed" && progress.state !== "Failed"; i++) {
      progress = ok(await s3Client.getImportJobProgress({ jobId })) as unknown as typeof progress;
      if (progress.state !== "Completed") await new Promise((r) => setTimeout(r, 10));
    }
    expect(progress, progress.reason).toMatchObject({ state: "Completed", importedRows: 5 });
    ok(await s3Client.loadCollection({ collectionName: "library" }));
    const rows = ok(await s3Client.query({ collectionName: "library", filter: "id > 0", outputFields: ["id", "title", "v"], limit: 10 })) as { id: string; title: string; v: number[] }[];
    // The SDK asks for int64 values as strings (Accept-Type-Allow-Int64: false).
    expect(rows.sort((a, b) => Number(a.id) - Number(b.id))).toEqual([
      { id: "11", title: "Middlemarch", v: [0.1, 0.2, 0.3, 0.4] },
      { id: "12", title: "Beloved", v: [0.5, 0.6, 0.7, 0.8] },
      { id: "13", title: "Solaris", v: [0.9, 1, 1.1, 1.2] },
      { id: "51", title: "Pale Fire", v: [0.1, 0.2, 0.3, 0.4] },
      { id: "52", title: "The Trial, a novel", v: [0.5, 0.6, 0.7, 0.8] },
    ]);
    const missing = ok(await s3Client.createImportJobs({ collectionName: "library", files: [["incoming/nothing.csv"]] }));
    let failed = { state: "", reason: "" };
    for (let i = 0; i < 300 && failed.state !== "Failed"; i++) {
      failed = ok(await s3Client.getImportJobProgress({ jobId: missing.jobId })) as unknown as typeof failed;
      if (failed.state !== "Failed") await new Promise((r) => setTimeout(r, 10));
    }
    expect(failed).toMatchObject({ state: "Failed", reason: "failed to get file size of incoming/nothing.csv: NoSuchKey: The specified key does not exist." });
  });
});
