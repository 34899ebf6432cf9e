/**
 * Every Milvus v2 data-plane endpoint: POST path, headers, JSON body, parsed response. Bodies follow
 * milvus-rest-api.md §4–§8.
 */
import { describe, expect, it } from "vitest";
import { MilvusClient, NotFoundError, AlreadyExistsError } from "../../../src/client";
import { MockServer } from "./mock-server";

const EP = "https://in01-6183d6bac30f801.aws-us-west-2.vectordb.zillizcloud.com:443";
const ok = { code: 0, data: {} };

interface Case {
  name: string;
  action: string;
  body: unknown;
  reply: unknown;
  run: (mv: MilvusClient) => Promise<unknown>;
  expected: unknown;
}

const describeQuick = '{"code":0,"data":{"aliases":[],"autoId":false,"collectionID":451234567890123456,"collectionName":"quick1","consistencyLevel":"Bounded","description":"","enableDynamicField":true,"fields":[{"autoId":false,"clusteringKey":false,"description":"","id":100,"name":"id","nullable":false,"partitionKey":false,"primaryKey":true,"type":"Int64"},{"autoId":false,"clusteringKey":false,"description":"","id":101,"name":"vector","nullable":false,"params":[{"key":"dim","value":"8"}],"partitionKey":false,"primaryKey":false,"type":"FloatVector"}],"functions":[],"indexes":[{"fieldName":"vector","indexName":"vector","metricType":"COSINE"}],"load":"LoadStateLoaded","partitionsNum":1,"properties":[],"shardsNum":1},"message":""}';

const cases: Case[] = [
  // databases
  { name: "databases.create", action: "databases/create", body: { dbName: "db1", properties: { "database.replica.number": "1" } }, reply: ok, run: (mv) => mv.databases.create({ dbName: "db1", properties: { "database.replica.number": 1 } }), expected: undefined },
  { name: "databases.describe", action: "databases/describe", body: { dbName: "db1" }, reply: '{"code":0,"data":{"dbID":449012345678901234,"dbName":"db1","properties":[{"key":"database.replica.number","value":"1"}]}}', run: (mv) => mv.databases.describe({ dbName: "db1" }), expected: { dbID: "449012345678901234", dbName: "db1", properties: [{ key: "database.replica.number", value: "1" }] } },
  { name: "databases.list", action: "databases/list", body: {}, reply: { code: 0, data: ["default", "db1"] }, run: (mv) => mv.databases.list(), expected: ["default", "db1"] },
  { name: "databases.drop", action: "databases/drop", body: { dbName: "db1" }, reply: ok, run: (mv) => mv.databases.drop({ dbName: "db1" }), expected: undefined },
  { name: "databases.alter", action: "databases/alter", body: { dbName: "db1", properties: { "mmap.enabled": "true" } }, reply: ok, run: (mv) => mv.databases.alter({ dbName: "db1", properties: { "mmap.enabled": true } }), expected: undefined },
  // collections
  { name: "collections.create (quick)", action: "collections/create", body: { collectionName: "quick1", dimension: 8 }, reply: ok, run: (mv) => mv.collections.create({ collectionName: "quick1", dimension: 8 }), expected: undefined },
  {
    name: "collections.create (custom schema, type params as strings)",
    action: "collections/create",
    body: {
      collectionName: "docs",
      schema: {
        autoID: false,
        enableDynamicField: false,
        fields: [
          { fieldName: "id", dataType: "Int64", isPrimary: true },
          { fieldName: "title", dataType: "VarChar", elementTypeParams: { max_length: "256", enable_analyzer: "true" } },
          { fieldName: "tags", dataType: "Array", elementDataType: "Int64", elementTypeParams: { max_capacity: "16" } },
          { fieldName: "v", dataType: "FloatVector", elementTypeParams: { dim: "128" } },
          { fieldName: "n", dataType: "Int64", nullable: true, defaultValue: 42 },
        ],
      },
      indexParams: [{ fieldName: "v", indexName: "v_idx", metricType: "L2", indexType: "HNSW", params: { M: 16, efConstruction: 200 } }],
      params: { shardsNum: "2", consistencyLevel: "Strong", ttlSeconds: "1000000" },
    },
    reply: ok,
    run: (mv) =>
      mv.collections.create({
        collectionName: "docs",
        schema: {
          autoID: false,
          enableDynamicField: false,
          fields: [
            { fieldName: "id", dataType: "Int64", isPrimary: true },
            { fieldName: "title", dataType: "VarChar", elementTypeParams: { max_length: 256, enable_analyzer: true } },
            { fieldName: "tags", dataType: "Array", elementDataType: "Int64", elementTypeParams: { max_capacity: 16 } },
            { fieldName: "v", dataType: "FloatVector", elementTypeParams: { dim: 128 } },
            { fieldName: "n", dataType: "Int64", nullable: true, defaultValue: 42 },
          ],
        },
        indexParams: [{ fieldName: "v", indexName: "v_idx", metricType: "L2", indexType: "HNSW", params: { M: 16, efConstruction: 200 } }],
        params: { shardsNum: 2, consistencyLevel: "Strong", ttlSeconds: "1000000" },
      }),
    expected: undefined,
  },
  { name: "collections.describe", action: "collections/describe", body: { collectionName: "quick1" }, reply: describeQuick, run: async (mv) => { const d = await mv.collections.describe({ collectionName: "quick1" }); return [d.collectionID, d.fields.map((f) => f.name), d.indexes?.[0]?.metricType, d.load]; }, expected: ["451234567890123456", ["id", "vector"], "COSINE", "LoadStateLoaded"] },
  { name: "collections.list", action: "collections/list", body: { dbName: "db1" }, reply: { code: 0, data: ["quick1", "docs"] }, run: (mv) => mv.collections.list({ dbName: "db1" }), expected: ["quick1", "docs"] },
  { name: "collections.has", action: "collections/has", body: { collectionName: "nope" }, reply: { code: 0, data: { has: false } }, run: (mv) => mv.collections.has({ collectionName: "nope" }), expected: false },
  { name: "collections.drop", action: "collections/drop", body: { collectionName: "quick1" }, reply: ok, run: (mv) => mv.collections.drop({ collectionName: "quick1" }), expected: undefined },
  { name: "collections.rename", action: "collections/rename", body: { collectionName: "a", newCollectionName: "b" }, reply: ok, run: (mv) => mv.collections.rename({ collectionName: "a", newCollectionName: "b" }), expected: undefined },
  { name: "collections.load", action: "collections/load", body: { collectionName: "a" }, reply: ok, run: (mv) => mv.collections.load({ collectionName: "a" }), expected: undefined },
  { name: "collections.release", action: "collections/release", body: { collectionName: "a" }, reply: ok, run: (mv) => mv.collections.release({ collectionName: "a" }), expected: undefined },
  { name: "collections.getLoadState", action: "collections/get_load_state", body: { collectionName: "a" }, reply: { code: 0, data: { loadProgress: 45, loadState: "LoadStateLoading" }, message: "" }, run: (mv) => mv.collections.getLoadState({ collectionName: "a" }), expected: { loadProgress: 45, loadState: "LoadStateLoading" } },
  { name: "collections.getStats", action: "collections/get_stats", body: { collectionName: "a" }, reply: { code: 0, data: { rowCount: 123 } }, run: (mv) => mv.collections.getStats({ collectionName: "a" }), expected: { rowCount: 123 } },
  { name: "collections.alterProperties", action: "collections/alter_properties", body: { collectionName: "a", properties: { "collection.ttl.seconds": "60", "mmap.enabled": "true" } }, reply: ok, run: (mv) => mv.collections.alterProperties({ collectionName: "a", properties: { "collection.ttl.seconds": 60, "mmap.enabled": true } }), expected: undefined },
  { name: "collections.dropProperties", action: "collections/drop_properties", body: { collectionName: "a", propertyKeys: ["mmap.enabled"] }, reply: ok, run: (mv) => mv.collections.dropProperties({ collectionName: "a", propertyKeys: ["mmap.enabled"] }), expected: undefined },
  { name: "collections.addField", action: "collections/fields/add", body: { collectionName: "a", schema: { fieldName: "note", dataType: "VarChar", nullable: true, elementTypeParams: { max_length: "64" } } }, reply: ok, run: (mv) => mv.collections.addField({ collectionName: "a", schema: { fieldName: "note", dataType: "VarChar", nullable: true, elementTypeParams: { max_length: 64 } } }), expected: undefined },
  // indexes
  { name: "indexes.create", action: "indexes/create", body: { collectionName: "a", indexParams: [{ fieldName: "v", indexName: "v_idx", metricType: "IP", indexType: "IVF_FLAT", params: { nlist: 1024 } }] }, reply: ok, run: (mv) => mv.indexes.create({ collectionName: "a", indexParams: [{ fieldName: "v", indexName: "v_idx", metricType: "IP", indexType: "IVF_FLAT", params: { nlist: 1024 } }] }), expected: undefined },
  { name: "indexes.describe", action: "indexes/describe", body: { collectionName: "a", indexName: "v_idx" }, reply: { code: 0, data: [{ indexName: "v_idx", fieldName: "v", indexType: "HNSW", metricType: "L2", indexState: "Finished", failReason: "", totalRows: 0, indexedRows: 0, pendingRows: 0, indexParams: [{ key: "index_type", value: "HNSW" }, { key: "metric_type", value: "L2" }, { key: "params", value: '{"M":16,"efConstruction":200}' }] }] }, run: async (mv) => (await mv.indexes.describe({ collectionName: "a", indexName: "v_idx" }))[0]?.indexState, expected: "Finished" },
  { name: "indexes.list", action: "indexes/list", body: { collectionName: "a" }, reply: { code: 0, data: [] }, run: (mv) => mv.indexes.list({ collectionName: "a" }), expected: [] },
  { name: "indexes.drop", action: "indexes/drop", body: { collectionName: "a", indexName: "v_idx" }, reply: ok, run: (mv) => mv.indexes.drop({ collectionName: "a", indexName: "v_idx" }), expected: undefined },
  { name: "indexes.alterProperties", action: "indexes/alter_properties", body: { collectionName: "a", indexName: "v_idx", properties: { "mmap.enabled": "false" } }, reply: ok, run: (mv) => mv.indexes.alterProperties({ collectionName: "a", indexName: "v_idx", properties: { "mmap.enabled": false } }), expected: undefined },
  // partitions
  { name: "partitions.create", action: "partitions/create", body: { collectionName: "a", partitionName: "p1" }, reply: ok, run: (mv) => mv.partitions.create({ collectionName: "a", partitionName: "p1" }), expected: undefined },
  { name: "partitions.list", action: "partitions/list", body: { collectionName: "a" }, reply: { code: 0, data: ["_default", "p1"] }, run: (mv) => mv.partitions.list({ collectionName: "a" }), expected: ["_default", "p1"] },
  { name: "partitions.has", action: "partitions/has", body: { collectionName: "a", partitionName: "p1" }, reply: { code: 0, data: { has: true } }, run: (mv) => mv.partitions.has({ collectionName: "a", partitionName: "p1" }), expected: true },
  { name: "partitions.drop", action: "partitions/drop", body: { collectionName: "a", partitionName: "p1" }, reply: ok, run: (mv) => mv.partitions.drop({ collectionName: "a", partitionName: "p1" }), expected: undefined },
  // aliases
  { name: "aliases.create", action: "aliases/create", body: { aliasName: "al", collectionName: "a" }, reply: ok, run: (mv) => mv.aliases.create({ aliasName: "al", collectionName: "a" }), expected: undefined },
  { name: "aliases.describe", action: "aliases/describe", body: { aliasName: "al" }, reply: { code: 0, data: { aliasName: "al", collectionName: "a", dbName: "default" } }, run: (mv) => mv.aliases.describe({ aliasName: "al" }), expected: { aliasName: "al", collectionName: "a", dbName: "default" } },
  { name: "aliases.list", action: "aliases/list", body: {}, reply: { code: 0, data: ["al"] }, run: (mv) => mv.aliases.list(), expected: ["al"] },
  { name: "aliases.drop", action: "aliases/drop", body: { aliasName: "al" }, reply: ok, run: (mv) => mv.aliases.drop({ aliasName: "al" }), expected: undefined },
  { name: "aliases.alter", action: "aliases/alter", body: { aliasName: "al", collectionName: "b" }, reply: ok, run: (mv) => mv.aliases.alter({ aliasName: "al", collectionName: "b" }), expected: undefined },
  // users
  { name: "users.create", action: "users/create", body: { userName: "u1", password: "P@ssw0rd!" }, reply: ok, run: (mv) => mv.users.create({ userName: "u1", password: "P@ssw0rd!" }), expected: undefined },
  { name: "users.describe", action: "users/describe", body: { userName: "u1" }, reply: { code: 0, data: ["admin"] }, run: (mv) => mv.users.describe({ userName: "u1" }), expected: ["admin"] },
  { name: "users.list", action: "users/list", body: {}, reply: { code: 0, data: ["root", "u1"] }, run: (mv) => mv.users.list(), expected: ["root", "u1"] },
  { name: "users.drop", action: "users/drop", body: { userName: "u1" }, reply: ok, run: (mv) => mv.users.drop({ userName: "u1" }), expected: undefined },
  { name: "users.updatePassword", action: "users/update_password", body: { userName: "u1", password: "old-pass", newPassword: "new-pass" }, reply: ok, run: (mv) => mv.users.updatePassword({ userName: "u1", password: "old-pass", newPassword: "new-pass" }), expected: undefined },
  { name: "users.grantRole", action: "users/grant_role", body: { userName: "u1", roleName: "r1" }, reply: ok, run: (mv) => mv.users.grantRole({ userName: "u1", roleName: "r1" }), expected: undefined },
  { name: "users.revokeRole", action: "users/revoke_role", body: { userName: "u1", roleName: "r1" }, reply: ok, run: (mv) => mv.users.revokeRole({ userName: "u1", roleName: "r1" }), expected: undefined },
  // roles
  { name: "roles.create", action: "roles/create", body: { roleName: "r1" }, reply: ok, run: (mv) => mv.roles.create({ roleName: "r1" }), expected: undefined },
  { name: "roles.describe", action: "roles/describe", body: { roleName: "r1" }, reply: { code: 0, data: [{ objectType: "Collection", objectName: "*", privilege: "Search", dbName: "default", grantor: "root" }] }, run: (mv) => mv.roles.describe({ roleName: "r1" }), expected: [{ objectType: "Collection", objectName: "*", privilege: "Search", dbName: "default", grantor: "root" }] },
  { name: "roles.list", action: "roles/list", body: {}, reply: { code: 0, data: ["admin", "public", "r1"] }, run: (mv) => mv.roles.list(), expected: ["admin", "public", "r1"] },
  { name: "roles.drop", action: "roles/drop", body: { roleName: "r1" }, reply: ok, run: (mv) => mv.roles.drop({ roleName: "r1" }), expected: undefined },
  { name: "roles.grantPrivilege", action: "roles/grant_privilege", body: { roleName: "r1", objectType: "Collection", objectName: "*", privilege: "Search" }, reply: ok, run: (mv) => mv.roles.grantPrivilege({ roleName: "r1", objectType: "Collection", objectName: "*", privilege: "Search" }), expected: undefined },
  { name: "roles.revokePrivilege", action: "roles/revoke_privilege", body: { roleName: "r1", objectType: "Collection", objectName: "*", privilege: "Search", dbName: "db1" }, reply: ok, run: (mv) => mv.roles.revokePrivilege({ roleName: "r1", objectType: "Collection", objectName: "*", privilege: "Search", dbName: "db1" }), expected: undefined },
  // import jobs
  { name: "importJobs.create", action: "jobs/import/create", body: { collectionName: "a", files: [["a.json"], ["b.parquet"]], options: { timeout: "300s" } }, reply: { code: 0, data: { jobId: "451234567890123456" } }, run: (mv) => mv.importJobs.create({ collectionName: "a", files: [["a.json"], ["b.parquet"]], options: { timeout: "300s" } }), expected: { jobId: "451234567890123456" } },
  { name: "importJobs.getProgress (describe)", action: "jobs/import/describe", body: { jobId: "451234567890123456" }, reply: { code: 0, data: { jobId: "451234567890123456", collectionName: "a", state: "Importing", progress: 45, importedRows: 0, totalRows: 0, completeTime: "", fileSize: 120, details: [{ fileName: "[a.json]", fileSize: 120, progress: 45, completeTime: "", state: "InProgress", importedRows: 0, totalRows: 0 }] } }, run: async (mv) => { const p = await mv.importJobs.getProgress({ jobId: "451234567890123456" }); return [p.state, p.progress, p.details?.[0]?.state]; }, expected: ["Importing", 45, "InProgress"] },
  { name: "importJobs.getProgress (get_progress)", action: "jobs/import/get_progress", body: { jobId: "1" }, reply: { code: 0, data: { jobId: "1", collectionName: "a", state: "Completed", progress: 100 } }, run: async (mv) => (await mv.importJobs.getProgress({ jobId: "1" }, { path: "get_progress" })).state, expected: "Completed" },
  { name: "importJobs.list", action: "jobs/import/list", body: { collectionName: "a" }, reply: { code: 0, data: { records: [{ jobId: "451234567890123456", collectionName: "a", state: "Importing", progress: 45 }] } }, run: (mv) => mv.importJobs.list({ collectionName: "a" }), expected: [{ jobId: "451234567890123456", collectionName: "a", state: "Importing", progress: 45 }] },
];

describe("Milvus v2 data-plane endpoints", () => {
  for (const c of cases) {
    it(c.name, async () => {
      const m = new MockServer(EP);
      const mv = new MilvusClient({ endpoint: EP, token: "db_admin:secret", ...m.clientOptions() });
      m.on("POST", `/v2/vectordb/${c.action}`, { body: c.reply });
      expect(await c.run(mv)).toEqual(c.expected);
      const req = m.last();
      expect(req.method).toBe("POST");
      expect(req.path).toBe(`/v2/vectordb/${c.action}`);
      expect(req.headers.authorization).toBe("Bearer db_admin:secret");
      expect(req.headers["content-type"]).toBe("application/json");
      expect(req.body).toEqual(c.body);
    });
  }

  it("keeps a path prefix of a self-hosted endpoint and sends DB-Name", async () => {
    const m = new MockServer("http://proxy.local");
    const mv = new MilvusClient({ endpoint: "http://proxy.local/milvus", dbName: "db1", ...m.clientOptions() });
    m.on("POST", "/milvus/v2/vectordb/collections/list", { body: { code: 0, data: [] } });
    expect(await mv.collections.list()).toEqual([]);
    expect(m.last().headers["db-name"]).toBe("db1");
    expect(m.last().headers.authorization).toBeUndefined();
  });

  it("accepts v2's 2.4.0-era code 200 as success", async () => {
    const m = new MockServer(EP);
    const mv = new MilvusClient({ endpoint: EP, ...m.clientOptions() });
    m.on("POST", "/v2/vectordb/collections/list", { body: { code: 200, data: ["a"] } });
    expect(await mv.collections.list()).toEqual(["a"]);
  });

  it("classifies Milvus codes: 100 collection, 700 index, 800 database, 1600 alias not found; 1602 exists; 1800 unauthenticated on 401", async () => {
    const m = new MockServer(EP);
    const mv = new MilvusClient({ endpoint: EP, ...m.clientOptions() });
    m.on("POST", "/v2/vectordb/collections/describe", { body: { code: 100, message: "can't find collection[database=default][collection=x]" } });
    m.on("POST", "/v2/vectordb/indexes/describe", { body: { code: 700, message: "index not found[indexName=i]" } });
    m.on("POST", "/v2/vectordb/databases/describe", { body: { code: 800, message: "database not found[database=x]" } });
    m.on("POST", "/v2/vectordb/aliases/describe", { body: { code: 1600, message: "alias not found[database=default][alias=a]" } });
    m.on("POST", "/v2/vectordb/aliases/create", { body: { code: 1602, message: "a is alias to another collection: c1: alias already exist[database=default][alias=a]" } });
    m.on("POST", "/v2/vectordb/users/list", { status: 401, body: { code: 1800, message: "user hasn't authenticated" } });
    await expect(mv.collections.describe({ collectionName: "x" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(mv.indexes.describe({ collectionName: "x", indexName: "i" })).rejects.toMatchObject({ kind: "not_found", code: 700 });
    await expect(mv.databases.describe({ dbName: "x" })).rejects.toMatchObject({ kind: "not_found", code: 800 });
    await expect(mv.aliases.describe({ aliasName: "a" })).rejects.toMatchObject({ kind: "not_found", code: 1600 });
    await expect(mv.aliases.create({ aliasName: "a", collectionName: "c" })).rejects.toBeInstanceOf(AlreadyExistsError);
    await expect(mv.users.list()).rejects.toMatchObject({ kind: "unauthenticated", httpStatus: 401 });
  });

  it("an unknown import job (2100 on this endpoint) is NotFound, and the db goes in DB-Name", async () => {
    const m = new MockServer(EP);
    const mv = new MilvusClient({ endpoint: EP, ...m.clientOptions() });
    m.on("POST", "/v2/vectordb/jobs/import/describe", { body: { code: 2100, message: "import job does not exist, jobID=7: importing data failed" } });
    await expect(mv.importJobs.getProgress({ jobId: "7", dbName: "db1" })).rejects.toMatchObject({ kind: "not_found", code: 2100 });
    expect(m.last().headers["db-name"]).toBe("db1");
    expect(m.last().body).toEqual({ jobId: "7" });
  });

  it("a user-create error never carries the password", async () => {
    const m = new MockServer(EP);
    const mv = new MilvusClient({ endpoint: EP, token: "root:Milvus", ...m.clientOptions() });
    m.on("POST", "/v2/vectordb/users/create", { body: { code: 1100, message: "user already exists: u1: invalid parameter" } });
    const err = (await mv.users.create({ userName: "u1", password: "TopSecret-42" }).catch((e: unknown) => e)) as Error;
    expect(err).toMatchObject({ kind: "invalid_argument", code: 1100 });
    expect(JSON.stringify({ ...err, m: err.message, s: err.stack })).not.toMatch(/TopSecret-42|root:Milvus/);
  });
});
