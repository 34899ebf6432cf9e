/**
 * The diff of each resource kind, as the runtime computes it (`planOf`: the plan derived from the spec,
 * then the resource's own rules): in place or replace, server defaults equal to unset inputs, unknown
 * values in a preview, the Cluster's replacement guard, and the ImportJob's "only new files re-import".
 */
import { describe, expect, it } from "vitest";
import { RESOURCES } from "../../../src/resources/registry";
import { planOf } from "../../../src/resources/runtime";
import type { ProviderConfig } from "../../../src/resources/shared/provider-config";
import type { ResourceDefinition } from "../../../src/resources/shared/resource-definition";
import type { Props } from "../../../src/resources/shared/spec";
import { UNKNOWN } from "../../../src/resources/shared/unknowns";

type Kind = "Cluster" | "ImportJob" | "Collection" | "CollectionIndex" | "Project" | "ApiKey" | "Volume";

/**
 * One diff: the stored state, the new inputs, and either the plan (`updates` in spec order, `replaces` in
 * any order, `dbr` = deleteBeforeReplace when given) or the error the plan is refused with.
 */
type Row = {
  name: string;
  olds: Props;
  news: Props;
  config?: ProviderConfig;
  changes?: boolean;
  replaces?: string[];
  updates?: string[];
  /** Instead of `updates`, when only some of them are fixed (the rest depend on how an unknown is handled). */
  updatesInclude?: string[];
  dbr?: boolean;
  throws?: RegExp[];
};

/** Without `keys`. */
const without = (o: Props, ...keys: string[]): Props => Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));

const plan = (kind: Kind, row: Row) => planOf(RESOURCES[kind] as unknown as ResourceDefinition, row.config ?? {}, row.olds, row.news);

function expectRow(kind: Kind, row: Row): void {
  if (row.throws) {
    let error: unknown;
    try {
      plan(kind, row);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Error);
    for (const re of row.throws) expect((error as Error).message).toMatch(re);
    return;
  }
  const p = plan(kind, row);
  expect(p.changes).toBe(row.changes);
  expect([...p.replaces].sort()).toEqual([...(row.replaces ?? [])].sort());
  if (row.updatesInclude) expect(p.updates).toEqual(expect.arrayContaining(row.updatesInclude));
  else expect(p.updates).toEqual(row.updates ?? []);
  if (row.dbr !== undefined) expect(p.deleteBeforeReplace).toBe(row.dbr);
  if (p.replaces.length === 0) expect(p.deleteBeforeReplace).toBe(false);
}

// ── Cluster ──

/** The inputs of the program. */
const clusterIn: Props = { clusterName: "c-1", plan: "Standard", regionId: "gcp-us-west1" };
/** Its state as this release stores it: inputs as written, then the outputs. */
const clusterState: Props = {
  ...clusterIn,
  clusterId: "in01-1",
  connectAddress: "https://in01-1.api.gcp-us-west1.zillizcloud.com",
  privateLinkAddress: "",
  status: "RUNNING",
  username: "db_admin",
  password: "p",
  createTime: "2026-12-01T00:00:00Z",
  stateVersion: 2,
};
/** The same cluster as 0.1.0 stored it: no stateVersion, and the server's defaults and project filled in. */
const clusterState010: Props = {
  ...clusterIn,
  projectId: "proj-aa",
  cuType: "Performance-optimized",
  cuSize: 1,
  replica: 1,
  labels: {},
  clusterId: "in01-1",
  connectAddress: "https://in01-1.api.gcp-us-west1.zillizcloud.com",
  status: "RUNNING",
  password: "p",
};
const serverlessIn: Props = { ...clusterIn, plan: "Serverless" };
const serverlessState: Props = { ...clusterState, plan: "Serverless" };
const guard = (...props: string[]) => [...props.map((p) => new RegExp(`changing .*\\b${p} \\(`)), /allowDataLoss: true/, /zilliz:allowDataLoss/];

const clusterRows: Row[] = [
  { name: "same inputs", olds: clusterState, news: clusterIn, changes: false },
  { name: "0.1.0 state (server defaults and project filled in) vs the same program", olds: clusterState010, news: clusterIn, changes: false },
  {
    name: "server defaults written out equal unset (cuSize 1, replica 1, cuType, RUNNING, empty labels, v2)",
    olds: clusterState,
    news: { ...clusterIn, cuSize: 1, replica: 1, cuType: "Performance-optimized", desiredStatus: "RUNNING", labels: {}, apiVersion: "v2" },
    changes: false,
  },
  { name: "projectId unset is never a change", olds: { ...clusterState, projectId: "proj-aa" }, news: clusterIn, changes: false },
  { name: "projectId set to the stored project", olds: { ...clusterState, projectId: "proj-aa" }, news: { ...clusterIn, projectId: "proj-aa" }, changes: false },
  { name: "rename in place", olds: clusterState, news: { ...clusterIn, clusterName: "c-2" }, changes: true, updates: ["clusterName"] },
  { name: "cuSize and replica in place, in spec order", olds: clusterState, news: { ...clusterIn, replica: 2, cuSize: 4 }, changes: true, updates: ["cuSize", "replica"] },
  { name: "resize from a 0.1.0 state", olds: clusterState010, news: { ...clusterIn, cuSize: 2 }, changes: true, updates: ["cuSize"] },
  { name: "suspend in place", olds: clusterState, news: { ...clusterIn, desiredStatus: "SUSPENDED" }, changes: true, updates: ["desiredStatus"] },
  { name: "resume (SUSPENDED → unset) in place", olds: { ...clusterState, desiredStatus: "SUSPENDED" }, news: clusterIn, changes: true, updates: ["desiredStatus"] },
  { name: "labels added in place", olds: clusterState, news: { ...clusterIn, labels: { team: "search" } }, changes: true, updates: ["labels"] },
  { name: "labels removed in place", olds: { ...clusterState, labels: { team: "search" } }, news: clusterIn, changes: true, updates: ["labels"] },
  { name: "labels in another key order: no change", olds: { ...clusterState, labels: { a: "1", b: "2" } }, news: { ...clusterIn, labels: { b: "2", a: "1" } }, changes: false },
  { name: "waitTimeoutSeconds is a local update", olds: clusterState, news: { ...clusterIn, waitTimeoutSeconds: 60 }, changes: true, updates: ["waitTimeoutSeconds"] },
  { name: "apiVersion v1 is a local update", olds: clusterState, news: { ...clusterIn, apiVersion: "v1" }, changes: true, updates: ["apiVersion"] },
  { name: "adding allowDataLoss is a local update", olds: clusterState, news: { ...clusterIn, allowDataLoss: true }, changes: true, updates: ["allowDataLoss"] },
  { name: "adopt is read at create only", olds: clusterState, news: { ...clusterIn, adopt: true }, changes: false },
  { name: "unfinished work alone is a change", olds: { ...clusterState, pendingWork: { operation: "create", step: "wait RUNNING", reason: "timed out" } }, news: clusterIn, changes: true },
  // Free and Serverless: no CU defaults, no status to manage.
  { name: "Serverless, same inputs", olds: serverlessState, news: serverlessIn, changes: false },
  { name: "Serverless with desiredStatus RUNNING written out", olds: serverlessState, news: { ...serverlessIn, desiredStatus: "RUNNING" }, changes: false },
  // Preview: unknown values plan updates, never a replacement, and never trip the guard.
  { name: "unknown cuSize: update", olds: clusterState, news: { ...clusterIn, cuSize: UNKNOWN }, changes: true, updates: ["cuSize"] },
  { name: "unknown regionId: update, not a refused replace", olds: clusterState, news: { ...clusterIn, regionId: UNKNOWN }, changes: true, updates: ["regionId"] },
  // The CU defaults depend on the plan: while it is unknown they must not plan a (refused) cuType replace.
  { name: "unknown plan: update", olds: clusterState, news: { ...clusterIn, plan: UNKNOWN }, changes: true, updatesInclude: ["plan"] },
  { name: "unknown label value: update", olds: { ...clusterState, labels: { team: "search" } }, news: { ...clusterIn, labels: { team: UNKNOWN } }, changes: true, updates: ["labels"] },
  // The replacement guard.
  { name: "regionId change is refused naming it", olds: clusterState, news: { ...clusterIn, regionId: "aws-us-west-2" }, throws: guard("regionId") },
  { name: "plan change is refused naming it", olds: clusterState, news: { ...clusterIn, plan: "Enterprise" }, throws: guard("plan") },
  { name: "cuType change (to Extended-capacity) is refused naming it", olds: clusterState, news: { ...clusterIn, cuType: "Extended-capacity" }, throws: guard("cuType") },
  { name: "another projectId is refused naming it", olds: { ...clusterState, projectId: "proj-aa" }, news: { ...clusterIn, projectId: "proj-bb" }, throws: guard("projectId") },
  { name: "cuType unset on a Capacity-optimized cluster is refused (the default differs)", olds: { ...clusterState010, cuType: "Capacity-optimized" }, news: clusterIn, throws: guard("cuType") },
  { name: "Serverless → Free is refused", olds: serverlessState, news: { ...clusterIn, plan: "Free" }, throws: guard("plan") },
  { name: "two properties are both named", olds: clusterState, news: { ...clusterIn, plan: "Enterprise", regionId: "aws-us-west-2" }, throws: guard("plan", "regionId") },
  { name: "allowDataLoss only in the old state does not allow it", olds: { ...clusterState, allowDataLoss: true }, news: { ...clusterIn, regionId: "aws-us-west-2" }, throws: guard("regionId") },
  { name: "the error names the cluster and its id", olds: clusterState, news: { ...clusterIn, regionId: "aws-us-west-2" }, throws: [/Cluster "c-1"/, /cluster in01-1 and every collection in it/] },
  // Allowed replacements: delete first while the name stays (names are unique per project).
  { name: "allowDataLoss on the cluster: region replaces, same name deletes first", olds: clusterState, news: { ...clusterIn, regionId: "aws-us-west-2", allowDataLoss: true }, changes: true, replaces: ["regionId"], updates: ["allowDataLoss"], dbr: true },
  { name: "stack config allowDataLoss: plan replaces, same name deletes first", olds: clusterState, news: { ...clusterIn, plan: "Enterprise" }, config: { allowDataLoss: true }, changes: true, replaces: ["plan"], dbr: true },
  { name: "allowed replace with a rename creates first", olds: clusterState, news: { ...clusterIn, plan: "Enterprise", clusterName: "c-2" }, config: { allowDataLoss: true }, changes: true, replaces: ["plan"], updates: ["clusterName"], dbr: false },
  { name: "allowed projectId replace", olds: { ...clusterState010, projectId: "proj-aa" }, news: { ...clusterIn, projectId: "proj-bb", allowDataLoss: true }, changes: true, replaces: ["projectId"], updates: ["allowDataLoss"], dbr: true },
  { name: "a state from a newer release is refused", olds: { ...clusterState, stateVersion: 3 }, news: clusterIn, throws: [/newer pulumi-zilliz/] },
];

describe("Cluster diff", () => {
  it.each(clusterRows)("$name", (row) => expectRow("Cluster", row));
});

// ── ImportJob ──

const jobIn: Props = { clusterId: "in01-1", collectionName: "docs", objectUrls: ["s3://bucket/rows/a.parquet"] };
const jobState: Props = { ...jobIn, jobId: "job-1", state: "Completed", progress: 100, importedRows: 10, totalRows: 10, stateVersion: 2 };
/** 0.1.0 stored the files as groups. */
const jobState010: Props = { ...jobIn, objectUrls: [["s3://bucket/rows/a.parquet"]], jobId: "job-1", state: "Completed", progress: 100 };

const volJobIn: Props = { clusterId: "in01-1", collectionName: "docs", volumeName: "staged", dataPaths: ["a/rows.json"] };
const volJobState: Props = { ...volJobIn, jobId: "job-2", state: "Completed", progress: 100, importedRows: 3, totalRows: 3, stateVersion: 2 };

const importJobRows: Row[] = [
  { name: "same inputs", olds: jobState, news: jobIn, changes: false },
  { name: "0.1.0 state (files stored as groups) vs the same program", olds: jobState010, news: jobIn, changes: false },
  { name: "defaults written out equal unset (dbName default, apiVersion v2, waitForCompletion true)", olds: jobState, news: { ...jobIn, dbName: "default", apiVersion: "v2", waitForCompletion: true }, changes: false },
  { name: "other files: a new import (replace)", olds: jobState, news: { ...jobIn, objectUrls: ["s3://bucket/rows/b.parquet"] }, changes: true, replaces: ["objectUrls"], dbr: false },
  { name: "a file appended: a new import (replace)", olds: jobState, news: { ...jobIn, objectUrls: ["s3://bucket/rows/a.parquet", "s3://bucket/rows/b.parquet"] }, changes: true, replaces: ["objectUrls"] },
  { name: "collection renamed: recorded only", olds: jobState, news: { ...jobIn, collectionName: "docs_v2" }, changes: true, updates: ["collectionName"] },
  { name: "another cluster id: recorded only", olds: jobState, news: { ...jobIn, clusterId: "in01-2" }, changes: true, updates: ["clusterId"] },
  { name: "cluster id to endpoint: recorded only", olds: jobState, news: { ...jobIn, clusterId: undefined, endpoint: "http://localhost:19530" }, changes: true, updates: ["clusterId", "endpoint"] },
  { name: "new token: recorded only", olds: { ...jobState, token: "t1" }, news: { ...jobIn, token: "t2" }, changes: true, updates: ["token"] },
  { name: "other database: recorded only", olds: jobState, news: { ...jobIn, dbName: "analytics" }, changes: true, updates: ["dbName"] },
  { name: "partition set: recorded only", olds: jobState, news: { ...jobIn, partitionName: "p1" }, changes: true, updates: ["partitionName"] },
  { name: "new storage keys: recorded only", olds: { ...jobState, accessKey: "AK1", secretKey: "SK1" }, news: { ...jobIn, accessKey: "AK2", secretKey: "SK2" }, changes: true, updates: ["accessKey", "secretKey"] },
  { name: "apiVersion v1 and regionId: recorded only", olds: jobState, news: { ...jobIn, apiVersion: "v1", regionId: "gcp-us-west1" }, changes: true, updates: ["apiVersion", "regionId"] },
  { name: "wait settings: recorded only", olds: jobState, news: { ...jobIn, waitTimeoutSeconds: 7200, waitForCompletion: false }, changes: true, updates: ["waitTimeoutSeconds", "waitForCompletion"] },
  { name: "unknown clusterId (cluster.id of a replaced cluster): update", olds: jobState, news: { ...jobIn, clusterId: UNKNOWN }, changes: true, updates: ["clusterId"] },
  { name: "unknown collectionName (collection being renamed): update", olds: jobState, news: { ...jobIn, collectionName: UNKNOWN }, changes: true, updates: ["collectionName"] },
  { name: "unknown file list: update (the real list is diffed at apply)", olds: jobState, news: { ...jobIn, objectUrls: [UNKNOWN] }, changes: true, updates: ["objectUrls"] },
  { name: "unfinished import alone is a change", olds: { ...jobState, state: "Importing", pendingWork: { operation: "import", step: "wait Completed", reason: "timed out" } }, news: jobIn, changes: true },
  { name: "the cluster guard does not apply", olds: jobState, news: { ...jobIn, objectUrls: ["s3://bucket/rows/b.parquet"] }, config: { allowDataLoss: false }, changes: true, replaces: ["objectUrls"] },  // From a volume (issue 12): the volume and its paths are the files; a change is a new import, like objectUrls.
  { name: "volume import: same inputs", olds: volJobState, news: volJobIn, changes: false },
  { name: "volume import: other paths replace", olds: volJobState, news: { ...volJobIn, dataPaths: ["b/rows.json"] }, changes: true, replaces: ["dataPaths"] },
  { name: "volume import: a path in a group of one equals the bare path", olds: volJobState, news: { ...volJobIn, dataPaths: [["a/rows.json"]] }, changes: false },
  { name: "volume import: another volume replaces", olds: volJobState, news: { ...volJobIn, volumeName: "other" }, changes: true, replaces: ["volumeName"] },
  { name: "volume import: objectUrls instead replace", olds: volJobState, news: jobIn, changes: true, replaces: ["objectUrls", "volumeName", "dataPaths"] },
  { name: "volume import: an unknown volume (volume.id) is an update, diffed again at apply", olds: volJobState, news: { ...volJobIn, volumeName: UNKNOWN }, changes: true, updates: ["volumeName"] },
  { name: "volume import: collection renamed is recorded only", olds: volJobState, news: { ...volJobIn, collectionName: "docs_v2" }, changes: true, updates: ["collectionName"] },
];

describe("ImportJob diff", () => {
  it.each(importJobRows)("$name", (row) => expectRow("ImportJob", row));
});

// ── Collection ──

const pkField = { name: "id", dataType: "Int64", isPrimary: true, autoId: true };
const vecField = { name: "vec", dataType: "FloatVector", dim: 8 };
const colIn: Props = { clusterId: "in01-1", collectionName: "docs", schema: { fields: [pkField, vecField] } };
const colState: Props = { ...colIn, collectionId: "4460", loadState: "NotLoaded", stateVersion: 2 };
/** The older wiring: `endpoint: cluster.connectAddress` and a token. */
const address = "https://in01-1.api.gcp-us-west1.zillizcloud.com";
const colEpIn: Props = { ...without(colIn, "clusterId"), endpoint: address, token: "db_admin:p" };
const colEpState: Props = { ...colEpIn, collectionId: "4460", loadState: "NotLoaded", stateVersion: 2 };
const withFields = (base: Props, ...extra: Props[]): Props => ({ ...base, schema: { fields: [pkField, vecField, ...extra] } });
const nullableTag = { name: "tag", dataType: "VarChar", maxLength: 32, nullable: true };

const collectionRows: Row[] = [
  { name: "same inputs", olds: colState, news: colIn, changes: false },
  { name: "a 0.1.0 state (no stateVersion) vs the same program", olds: without(colEpState, "stateVersion"), news: colEpIn, changes: false },
  { name: "defaults written out equal unset (dbName, description, enableDynamicField, apiVersion, field flags)", olds: colState, news: { ...colIn, dbName: "default", description: "", enableDynamicField: false, apiVersion: "v2", schema: { fields: [{ ...pkField, nullable: false, isPartitionKey: false, description: "" }, { ...vecField, isPrimary: false, autoId: false, isClusteringKey: false }] } }, changes: false },
  { name: "a type param as a boolean vs the string the server reports", olds: withFields(colState, { ...nullableTag, typeParams: { enable_analyzer: "true" } }), news: withFields(colIn, { ...nullableTag, typeParams: { enable_analyzer: true } }), changes: false },
  // The target.
  { name: "clusterId known and the same, endpoint absent: no change", olds: colState, news: { ...colIn }, changes: false },
  { name: "unknown endpoint (cluster.connectAddress while the cluster updates): update, not replace", olds: colEpState, news: { ...colEpIn, endpoint: UNKNOWN }, changes: true, updates: ["endpoint"] },
  { name: "unknown clusterId (cluster.id of a new cluster): replace", olds: colState, news: { ...colIn, clusterId: UNKNOWN }, changes: true, replaces: ["clusterId"] },
  { name: "another cluster: replace, deleted first (so the engine replaces its indexes too)", olds: colState, news: { ...colIn, clusterId: "in01-2" }, changes: true, replaces: ["clusterId"], dbr: true },
  { name: "endpoint spelt differently (trailing slash, upper-case host): no change", olds: colEpState, news: { ...colEpIn, endpoint: "https://IN01-1.api.gcp-us-west1.zillizcloud.com/" }, changes: false },
  { name: "another endpoint: replace, deleted first", olds: colEpState, news: { ...colEpIn, endpoint: "https://in01-2.api.gcp-us-west1.zillizcloud.com" }, changes: true, replaces: ["endpoint"], dbr: true },
  { name: "another database: replace, deleted first", olds: colState, news: { ...colIn, dbName: "analytics" }, changes: true, replaces: ["dbName"], dbr: true },
  { name: "new token: local update", olds: colEpState, news: { ...colEpIn, token: "db_admin:q" }, changes: true, updates: ["token"] },
  // Names and description.
  { name: "rename in place", olds: colState, news: { ...colIn, collectionName: "docs_v2" }, changes: true, updates: ["collectionName"] },
  { name: "unknown collectionName: update", olds: colState, news: { ...colIn, collectionName: UNKNOWN }, changes: true, updates: ["collectionName"] },
  { name: "description in place", olds: colState, news: { ...colIn, description: "product docs" }, changes: true, updates: ["description"] },
  // The schema.
  { name: "a nullable scalar field appended: in place", olds: colState, news: withFields(colIn, nullableTag), changes: true, updates: ["schema"] },
  { name: "two nullable scalar fields appended: in place", olds: colState, news: withFields(colIn, nullableTag, { name: "meta", dataType: "JSON", nullable: true }), changes: true, updates: ["schema"] },
  { name: "a nullable field appended with a rename: both in place", olds: colState, news: { ...withFields(colIn, nullableTag), collectionName: "docs_v2" }, changes: true, updates: ["collectionName", "schema"] },
  { name: "a non-nullable scalar appended: replace, same name deletes first", olds: colState, news: withFields(colIn, { ...nullableTag, nullable: false }), changes: true, replaces: ["schema"], dbr: true },
  { name: "a vector field appended: replace", olds: colState, news: withFields(colIn, { name: "vec2", dataType: "FloatVector", dim: 8 }), changes: true, replaces: ["schema"], dbr: true },
  { name: "a nullable partition key appended: replace", olds: colState, news: withFields(colIn, { name: "tenant", dataType: "Int64", nullable: true, isPartitionKey: true }), changes: true, replaces: ["schema"] },
  { name: "a nullable field inserted before the last: replace", olds: colState, news: { ...colIn, schema: { fields: [pkField, nullableTag, vecField] } }, changes: true, replaces: ["schema"] },
  { name: "a field removed: replace", olds: withFields(colState, nullableTag), news: colIn, changes: true, replaces: ["schema"], dbr: true },
  { name: "a dim changed: replace", olds: colState, news: { ...colIn, schema: { fields: [pkField, { ...vecField, dim: 16 }] } }, changes: true, replaces: ["schema"], dbr: true },
  { name: "a field renamed: replace", olds: colState, news: { ...colIn, schema: { fields: [pkField, { ...vecField, name: "embedding" }] } }, changes: true, replaces: ["schema"] },
  { name: "a field made nullable: replace", olds: withFields(colState, { ...nullableTag, nullable: false }), news: withFields(colIn, nullableTag), changes: true, replaces: ["schema"] },
  { name: "schema change with a rename: replace, the new name rides along, deleted first", olds: colState, news: { ...colIn, collectionName: "docs_v2", schema: { fields: [pkField, { ...vecField, dim: 16 }] } }, changes: true, replaces: ["schema"], updates: [], dbr: true },
  { name: "schema change with a description: the description rides along", olds: colState, news: { ...colIn, description: "d", schema: { fields: [pkField, { ...vecField, dim: 16 }] } }, changes: true, replaces: ["schema"], updates: [], dbr: true },
  { name: "schema change with a new token: the local update stays", olds: colEpState, news: { ...colEpIn, token: "db_admin:q", schema: { fields: [pkField, { ...vecField, dim: 16 }] } }, changes: true, replaces: ["schema"], updates: ["token"], dbr: true },
  { name: "an unknown dim: update (diffed again at apply)", olds: colState, news: { ...colIn, schema: { fields: [pkField, { ...vecField, dim: UNKNOWN }] } }, changes: true, updates: ["schema"] },
  { name: "enableDynamicField turned on: replace", olds: colState, news: { ...colIn, enableDynamicField: true }, changes: true, replaces: ["enableDynamicField"], dbr: true },
  // Properties: canonical (string values, key order).
  { name: "properties: true vs \"true\", 86400 vs \"86400\", another key order: no change", olds: { ...colState, properties: { "mmap.enabled": "true", "collection.ttl.seconds": "86400" } }, news: { ...colIn, properties: { "collection.ttl.seconds": 86400, "mmap.enabled": true } }, changes: false },
  { name: "a property value changed: in place", olds: { ...colState, properties: { "collection.ttl.seconds": 86400 } }, news: { ...colIn, properties: { "collection.ttl.seconds": 3600 } }, changes: true, updates: ["properties"] },
  { name: "a property added: in place", olds: colState, news: { ...colIn, properties: { "mmap.enabled": true } }, changes: true, updates: ["properties"] },
  { name: "properties removed: in place", olds: { ...colState, properties: { "mmap.enabled": true } }, news: colIn, changes: true, updates: ["properties"] },
  // Server-chosen settings.
  { name: "shardsNum and consistencyLevel unset: no change", olds: colState, news: colIn, changes: false },
  { name: "shardsNum unset while the state has the server's 1: no change", olds: { ...colState, shardsNum: 1, consistencyLevel: "Bounded" }, news: colIn, changes: false },
  { name: "shardsNum and consistencyLevel named later: update (checked against the server at apply)", olds: colState, news: { ...colIn, shardsNum: 2, consistencyLevel: "Strong" }, changes: true, updates: ["shardsNum", "consistencyLevel"] },
  { name: "shardsNum the same as written: no change", olds: { ...colState, shardsNum: 2 }, news: { ...colIn, shardsNum: 2 }, changes: false },
  { name: "shardsNum changed from a written value: replace, same name deletes first", olds: { ...colState, shardsNum: 2 }, news: { ...colIn, shardsNum: 4 }, changes: true, replaces: ["shardsNum"], dbr: true },
  { name: "consistencyLevel changed from a written value: replace", olds: { ...colState, consistencyLevel: "Strong" }, news: { ...colIn, consistencyLevel: "Eventually" }, changes: true, replaces: ["consistencyLevel"] },
  { name: "loaded unset: not managed, no change", olds: { ...colState, loaded: true }, news: colIn, changes: false },
  { name: "loaded named later: update", olds: colState, news: { ...colIn, loaded: true }, changes: true, updates: ["loaded"] },
  { name: "release (loaded true → false): update", olds: { ...colState, loaded: true }, news: { ...colIn, loaded: false }, changes: true, updates: ["loaded"] },
  // Local settings.
  { name: "waitTimeoutSeconds: local update", olds: colState, news: { ...colIn, waitTimeoutSeconds: 60 }, changes: true, updates: ["waitTimeoutSeconds"] },
  { name: "allowDataLoss: local update", olds: colState, news: { ...colIn, allowDataLoss: true }, changes: true, updates: ["allowDataLoss"] },
  { name: "adopt is read at create only", olds: colState, news: { ...colIn, adopt: true }, changes: false },
  { name: "unfinished work alone is a change", olds: { ...colState, pendingWork: { operation: "update", step: "apply properties", reason: "timed out" } }, news: colIn, changes: true },
  { name: "a state from a newer release is refused", olds: { ...colState, stateVersion: 3 }, news: colIn, throws: [/newer pulumi-zilliz/] },
  // REST v1: nothing changes in place on the server.
  { name: "v1: a rename replaces, deleted first", olds: { ...colState, apiVersion: "v1" }, news: { ...colIn, apiVersion: "v1", collectionName: "docs_v2" }, changes: true, replaces: ["collectionName"], dbr: true },
  { name: "v1: a description replaces, same name deletes first", olds: { ...colState, apiVersion: "v1" }, news: { ...colIn, apiVersion: "v1", description: "d" }, changes: true, replaces: ["description"], dbr: true },
  { name: "v1: a nullable field appended replaces", olds: { ...colState, apiVersion: "v1" }, news: { ...withFields(colIn, nullableTag), apiVersion: "v1" }, changes: true, replaces: ["schema"], dbr: true },
  { name: "v1: waitTimeoutSeconds stays a local update", olds: { ...colState, apiVersion: "v1" }, news: { ...colIn, apiVersion: "v1", waitTimeoutSeconds: 60 }, changes: true, updates: ["waitTimeoutSeconds"] },
  { name: "switching to apiVersion v1 is a local update", olds: colState, news: { ...colIn, apiVersion: "v1" }, changes: true, updates: ["apiVersion"] },
];

describe("Collection diff", () => {
  it.each(collectionRows)("$name", (row) => expectRow("Collection", row));
});

// ── CollectionIndex ──

const idxIn: Props = { clusterId: "in01-1", collectionName: "docs", fieldName: "vec", indexType: "HNSW", metricType: "COSINE", params: { M: 16, efConstruction: 200 } };
const idxState: Props = { ...idxIn, indexState: "Finished", stateVersion: 2 };
const autoIn: Props = { clusterId: "in01-1", collectionName: "docs", fieldName: "vec", indexType: "AUTOINDEX" };
const autoState: Props = { ...autoIn, indexState: "Finished", stateVersion: 2 };
const idxEpIn: Props = { ...without(idxIn, "clusterId"), endpoint: address, token: "db_admin:p" };
const idxEpState: Props = { ...idxEpIn, indexState: "Finished", stateVersion: 2 };

const indexRows: Row[] = [
  { name: "same inputs", olds: idxState, news: idxIn, changes: false },
  { name: "a 0.1.0 state (no stateVersion) vs the same program", olds: without(idxEpState, "stateVersion"), news: idxEpIn, changes: false },
  { name: "indexName written as the field name equals unset; waitForBuild true equals unset", olds: idxState, news: { ...idxIn, indexName: "vec", waitForBuild: true, dbName: "default" }, changes: false },
  { name: "params as strings (as the server reports them) and in another order: no change", olds: { ...idxState, params: { efConstruction: "200", M: "16" } }, news: idxIn, changes: false },
  // A renamed collection is followed.
  { name: "collectionName change: update (follows a rename)", olds: idxState, news: { ...idxIn, collectionName: "docs_v2" }, changes: true, updates: ["collectionName"] },
  // A rename keeps the name known in a preview (it is an input of the collection); it is unknown only while
  // the collection is replaced, and the index goes with it (the engine asks this for delete-first replacements).
  { name: "unknown collectionName (the collection is being replaced): replace", olds: idxState, news: { ...idxIn, collectionName: UNKNOWN }, changes: true, replaces: ["collectionName"] },
  // The index itself.
  { name: "params change: replace, same field deletes first", olds: idxState, news: { ...idxIn, params: { M: 32, efConstruction: 200 } }, changes: true, replaces: ["params"], dbr: true },
  { name: "params removed: replace", olds: idxState, news: without(idxIn, "params"), changes: true, replaces: ["params"], dbr: true },
  { name: "indexType change: replace", olds: idxState, news: { ...idxIn, indexType: "IVF_FLAT", params: { nlist: 128 } }, changes: true, replaces: ["indexType", "params"], dbr: true },
  { name: "metricType change: replace", olds: idxState, news: { ...idxIn, metricType: "L2" }, changes: true, replaces: ["metricType"], dbr: true },
  { name: "indexName change: replace, same field deletes first", olds: idxState, news: { ...idxIn, indexName: "vec_hnsw" }, changes: true, replaces: ["indexName"], dbr: true },
  { name: "another field: replace, created first", olds: idxState, news: { ...idxIn, fieldName: "vec2" }, changes: true, replaces: ["fieldName", "indexName"], dbr: false },
  // The old index lives on under the renamed collection, where a replacement would collide with it.
  { name: "params change with a collection rename in one up: refused at preview, one at a time", olds: idxState, news: { ...idxIn, collectionName: "docs_v2", params: { M: 32 } }, throws: [/collectionName changes \("docs" → "docs_v2"\)/, /one at a time/] },
  { name: "endpoint wiring → clusterId wiring: update checked at apply, not a replace", olds: { ...idxEpIn, indexState: "Finished", stateVersion: 2 }, news: idxIn, changes: true, replaces: [], updates: ["token", "clusterId", "endpoint"] },
  { name: "unknown params: update (diffed again at apply)", olds: idxState, news: { ...idxIn, params: { M: UNKNOWN, efConstruction: 200 } }, changes: true, updates: ["params"] },
  // AUTOINDEX and the server's metric.
  { name: "AUTOINDEX without metricType vs a stored server-filled COSINE: no change", olds: { ...autoState, metricType: "COSINE" }, news: autoIn, changes: false },
  { name: "AUTOINDEX without metricType, none stored: no change", olds: autoState, news: autoIn, changes: false },
  { name: "AUTOINDEX metricType named later: update (checked against the server at apply)", olds: autoState, news: { ...autoIn, metricType: "COSINE" }, changes: true, updates: ["metricType"] },
  { name: "AUTOINDEX with a written metric changed: replace", olds: { ...autoState, metricType: "COSINE" }, news: { ...autoIn, metricType: "IP" }, changes: true, replaces: ["metricType"] },
  // The target.
  { name: "unknown endpoint: update, not replace", olds: idxEpState, news: { ...idxEpIn, endpoint: UNKNOWN }, changes: true, updates: ["endpoint"] },
  { name: "unknown clusterId: replace", olds: idxState, news: { ...idxIn, clusterId: UNKNOWN }, changes: true, replaces: ["clusterId"] },
  { name: "clusterId known and the same, endpoint absent: no change", olds: idxState, news: { ...idxIn }, changes: false },
  { name: "another database: replace", olds: idxState, news: { ...idxIn, dbName: "analytics" }, changes: true, replaces: ["dbName"] },
  // Local settings.
  { name: "token: local update", olds: idxEpState, news: { ...idxEpIn, token: "db_admin:q" }, changes: true, updates: ["token"] },
  { name: "waitTimeoutSeconds and waitForBuild: local updates", olds: idxState, news: { ...idxIn, waitTimeoutSeconds: 60, waitForBuild: false }, changes: true, updates: ["waitForBuild", "waitTimeoutSeconds"] },
  { name: "fieldDataType added: local update", olds: idxState, news: { ...idxIn, fieldDataType: "FloatVector" }, changes: true, updates: ["fieldDataType"] },
  { name: "adopt is read at create only", olds: idxState, news: { ...idxIn, adopt: true }, changes: false },
  { name: "unfinished build alone is a change", olds: { ...idxState, indexState: "InProgress", pendingWork: { operation: "create", step: "wait Finished", reason: "timed out" } }, news: idxIn, changes: true },
];

describe("CollectionIndex diff", () => {
  it.each(indexRows)("$name", (row) => expectRow("CollectionIndex", row));
});

// ── Project, ApiKey, Volume (issue 12) ──

const projIn: Props = { projectName: "staging", plan: "Standard", regionIds: ["aws-us-west-2"] };
const projState: Props = { ...projIn, projectId: "proj-1", instanceCount: 2, createTime: "2026-12-01T00:00:00Z", stateVersion: 2 };

const projectRows: Row[] = [
  { name: "same inputs", olds: projState, news: projIn, changes: false },
  { name: "regions in another order", olds: { ...projState, regionIds: ["aws-us-west-2", "aws-us-east-1"] }, news: { ...projIn, regionIds: ["aws-us-east-1", "aws-us-west-2"] }, changes: false },
  { name: "regionIds left to the server", olds: projState, news: without(projIn, "regionIds"), changes: false },
  { name: "plan upgrade in place", olds: projState, news: { ...projIn, plan: "Enterprise" }, changes: true, updates: ["plan"] },
  { name: "plan downgrade planned in place (the server refuses it at apply, with its error)", olds: { ...projState, plan: "Enterprise" }, news: projIn, changes: true, updates: ["plan"] },
  { name: "a region added in place", olds: projState, news: { ...projIn, regionIds: ["aws-us-west-2", "aws-us-east-1"] }, changes: true, updates: ["regionIds"] },
  { name: "a region removed is refused at preview", olds: projState, news: { ...projIn, regionIds: ["aws-us-east-1"] }, throws: [/regionIds cannot lose "aws-us-west-2"/, /can add regions to a project but not remove them/] },
  { name: "a new name replaces", olds: projState, news: { ...projIn, projectName: "prod" }, changes: true, replaces: ["projectName"] },
  { name: "adopt is read at create only", olds: projState, news: { ...projIn, adopt: true }, changes: false },
];

describe("Project diff", () => {
  it.each(projectRows)("$name", (row) => expectRow("Project", row));
});

const grant = { projectId: "proj-1", role: "Read-Write", clusterIds: ["in01-b", "in01-a"] };
const keyIn: Props = { name: "ingest", orgRole: "Member", projects: [grant] };
const keyState: Props = { ...keyIn, apiKeyId: "apikey-1", apiKey: "secret-value", creatorName: "admin", createTime: "t", stateVersion: 2 };

const apiKeyRows: Row[] = [
  { name: "same inputs", olds: keyState, news: keyIn, changes: false },
  { name: "grant defaults written out and ids reordered", olds: keyState, news: { ...keyIn, projects: [{ ...grant, clusterIds: ["in01-a", "in01-b"], allCluster: false, allVolume: true, volumeIds: [] }] }, changes: false },
  { name: "no projects equals an empty list", olds: { ...keyState, projects: undefined }, news: { ...keyIn, projects: [] }, changes: false },
  { name: "rename in place", olds: keyState, news: { ...keyIn, name: "ingest-2" }, changes: true, updates: ["name"] },
  { name: "org role in place", olds: keyState, news: { ...keyIn, orgRole: "Owner" }, changes: true, updates: ["orgRole"] },
  { name: "another cluster scope in place", olds: keyState, news: { ...keyIn, projects: [{ ...grant, clusterIds: ["in01-c"] }] }, changes: true, updates: ["projects"] },
  { name: "all clusters instead of a list, in place", olds: keyState, news: { ...keyIn, projects: [{ projectId: "proj-1", role: "Read-Write" }] }, changes: true, updates: ["projects"] },
  { name: "a volume scope in place", olds: keyState, news: { ...keyIn, projects: [{ ...grant, volumeIds: ["staged"] }] }, changes: true, updates: ["projects"] },
  { name: "an unknown cluster id (cluster.id) is an update, never a replace", olds: keyState, news: { ...keyIn, projects: [{ ...grant, clusterIds: [UNKNOWN] }] }, changes: true, updates: ["projects"] },
];

describe("ApiKey diff", () => {
  it.each(apiKeyRows)("$name", (row) => expectRow("ApiKey", row));
});

const volIn: Props = { volumeName: "staged", regionId: "aws-us-west-2" };
const volState: Props = { ...volIn, status: "RUNNING", createTime: "t", stateVersion: 2 };

const volumeRows: Row[] = [
  { name: "same inputs", olds: volState, news: volIn, changes: false },
  { name: "type MANAGED written out equals unset", olds: volState, news: { ...volIn, type: "MANAGED" }, changes: false },
  { name: "projectId left to the server, then named: an update that checks it at apply", olds: volState, news: { ...volIn, projectId: "proj-1" }, changes: true, updates: ["projectId"] },
  { name: "another project replaces", olds: { ...volState, projectId: "proj-1" }, news: { ...volIn, projectId: "proj-2" }, changes: true, replaces: ["projectId"] },
  { name: "another region replaces", olds: volState, news: { ...volIn, regionId: "gcp-us-west1" }, changes: true, replaces: ["regionId"] },
  { name: "a new name replaces", olds: volState, news: { ...volIn, volumeName: "other" }, changes: true, replaces: ["volumeName"] },
  { name: "another external path replaces", olds: { ...volState, type: "EXTERNAL", storageIntegrationId: "i", path: "s3://b/a/" }, news: { ...volIn, type: "EXTERNAL", storageIntegrationId: "i", path: "s3://b/b/" }, changes: true, replaces: ["path"] },
  { name: "a deadline is recorded only", olds: volState, news: { ...volIn, waitTimeoutSeconds: 60 }, changes: true, updates: ["waitTimeoutSeconds"] },
];

describe("Volume diff", () => {
  it.each(volumeRows)("$name", (row) => expectRow("Volume", row));
});
