import { describe, expect, it } from "vitest";
import { planClusterDiff } from "../../../src/resources/cluster/cluster-plan";
import { planCollectionDiff } from "../../../src/resources/collection/collection-plan";
import { planIndexDiff } from "../../../src/resources/collection-index/index-plan";
import { planImportJobDiff } from "../../../src/resources/import-job/import-job-plan";
import { UNKNOWN } from "../../../src/resources/shared/unknowns";

type Row = { name: string; olds: Record<string, unknown>; news: Record<string, unknown>; changes: boolean; replaces: string[]; updates: string[]; dbr?: boolean };
const expectPlan = (plan: ReturnType<typeof planClusterDiff>, row: Row) => {
  expect(plan.changes).toBe(row.changes);
  expect([...plan.replaces].sort()).toEqual([...row.replaces].sort());
  expect(plan.updates).toEqual(row.updates);
  if (row.dbr !== undefined) expect(plan.deleteBeforeReplace).toBe(row.dbr);
};

const clusterState = {
  clusterName: "c-1", plan: "Standard", regionId: "gcp-us-west1", projectId: "proj-aa", cuType: "Performance-optimized", cuSize: 1, replica: 1,
  clusterId: "in01-1", status: "RUNNING", password: "p", __provider: "old text",
};
const clusterInputs = { clusterName: "c-1", plan: "Standard", regionId: "gcp-us-west1", __provider: "new text" };

describe("Cluster diff", () => {
  const rows: Row[] = [
    { name: "same inputs, defaults left out, __provider differs", olds: clusterState, news: clusterInputs, changes: false, replaces: [], updates: [] },
    { name: "rename in place", olds: clusterState, news: { ...clusterInputs, clusterName: "c-2" }, changes: true, replaces: [], updates: ["clusterName"] },
    { name: "cuSize and replica in place, in order", olds: clusterState, news: { ...clusterInputs, replica: 2, cuSize: 4 }, changes: true, replaces: [], updates: ["cuSize", "replica"] },
    { name: "suspend in place", olds: clusterState, news: { ...clusterInputs, desiredStatus: "SUSPENDED" }, changes: true, replaces: [], updates: ["desiredStatus"] },
    { name: "explicit RUNNING equals default", olds: clusterState, news: { ...clusterInputs, desiredStatus: "RUNNING" }, changes: false, replaces: [], updates: [] },
    { name: "labels in place", olds: clusterState, news: { ...clusterInputs, labels: { a: "b" } }, changes: true, replaces: [], updates: ["labels"] },
    { name: "empty labels equal none", olds: clusterState, news: { ...clusterInputs, labels: {} }, changes: false, replaces: [], updates: [] },
    { name: "region replaces, same name deletes first", olds: clusterState, news: { ...clusterInputs, regionId: "aws-us-west-2" }, changes: true, replaces: ["regionId"], updates: [], dbr: true },
    { name: "plan + rename replaces, create first", olds: clusterState, news: { ...clusterInputs, plan: "Enterprise", clusterName: "c-2" }, changes: true, replaces: ["plan"], updates: ["clusterName"], dbr: false },
    { name: "explicit other project replaces", olds: clusterState, news: { ...clusterInputs, projectId: "proj-bb" }, changes: true, replaces: ["projectId"], updates: [] },
    { name: "cuType replaces", olds: clusterState, news: { ...clusterInputs, cuType: "Capacity-optimized" }, changes: true, replaces: ["cuType"], updates: [] },
    { name: "unknown cuSize in preview is a change", olds: clusterState, news: { ...clusterInputs, cuSize: UNKNOWN }, changes: true, replaces: [], updates: ["cuSize"] },
    { name: "wait timeout is a local update", olds: clusterState, news: { ...clusterInputs, waitTimeoutSeconds: 60 }, changes: true, replaces: [], updates: ["waitTimeoutSeconds"] },
  ];
  it.each(rows)("$name", (row) => expectPlan(planClusterDiff(row.olds, row.news), row));
});

const f = {
  id: { name: "id", dataType: "Int64", isPrimary: true, autoId: false },
  vec: { name: "vec", dataType: "FloatVector", dim: 8 },
  note: { name: "note", dataType: "VarChar", maxLength: 64, nullable: true },
};
const collState = { endpoint: "https://h.example:443", collectionName: "docs", schema: { fields: [f.id, f.vec] }, shardsNum: 1, consistencyLevel: "Bounded", properties: { "collection.ttl.seconds": "60" }, __provider: "x" };
const collIn = { endpoint: "https://h.example/", collectionName: "docs", schema: { fields: [{ name: "id", dataType: "Int64", isPrimary: true }, { ...f.vec }] }, properties: { "collection.ttl.seconds": 60 } };

describe("Collection diff", () => {
  const rows: Row[] = [
    { name: "server normalisation only (endpoint slash, 60 vs \"60\", autoId false, shards default)", olds: collState, news: collIn, changes: false, replaces: [], updates: [] },
    { name: "rename in place", olds: collState, news: { ...collIn, collectionName: "docs2" }, changes: true, replaces: [], updates: ["collectionName"] },
    { name: "properties in place", olds: collState, news: { ...collIn, properties: { "mmap.enabled": true } }, changes: true, replaces: [], updates: ["properties"] },
    { name: "load in place", olds: collState, news: { ...collIn, loaded: true }, changes: true, replaces: [], updates: ["loaded"] },
    { name: "description in place", olds: collState, news: { ...collIn, description: "d" }, changes: true, replaces: [], updates: ["description"] },
    { name: "appended nullable scalar in place", olds: collState, news: { ...collIn, schema: { fields: [...collIn.schema.fields, f.note] } }, changes: true, replaces: [], updates: ["schema"] },
    { name: "appended non-nullable field replaces", olds: collState, news: { ...collIn, schema: { fields: [...collIn.schema.fields, { ...f.note, nullable: false }] } }, changes: true, replaces: ["schema"], updates: [], dbr: true },
    { name: "dim change replaces, name kept so delete first", olds: collState, news: { ...collIn, schema: { fields: [f.id, { ...f.vec, dim: 16 }] } }, changes: true, replaces: ["schema"], updates: [], dbr: true },
    { name: "dim change with rename: create first", olds: collState, news: { ...collIn, collectionName: "docs2", schema: { fields: [f.id, { ...f.vec, dim: 16 }] } }, changes: true, replaces: ["schema"], updates: [], dbr: false },
    { name: "consistency level replaces", olds: collState, news: { ...collIn, consistencyLevel: "Strong" }, changes: true, replaces: ["consistencyLevel"], updates: [] },
    { name: "other endpoint replaces", olds: collState, news: { ...collIn, endpoint: "https://other.example" }, changes: true, replaces: ["endpoint"], updates: [], dbr: false },
    { name: "unknown endpoint in preview replaces", olds: collState, news: { ...collIn, endpoint: UNKNOWN }, changes: true, replaces: ["endpoint"], updates: [] },
    { name: "token change is local", olds: collState, news: { ...collIn, token: "t2" }, changes: true, replaces: [], updates: ["token"] },
  ];
  it.each(rows)("$name", (row) => expectPlan(planCollectionDiff(row.olds, row.news), row));
});

const idxState = { endpoint: "https://h.example", collectionName: "docs", fieldName: "vec", indexName: "vec", indexType: "HNSW", metricType: "L2", params: { M: "16" }, __provider: "x" };
const idxIn = { endpoint: "https://h.example", collectionName: "docs", fieldName: "vec", indexType: "HNSW", metricType: "L2", params: { M: 16 } };

describe("CollectionIndex diff", () => {
  const rows: Row[] = [
    { name: "default index name and 16 vs \"16\"", olds: idxState, news: idxIn, changes: false, replaces: [], updates: [] },
    { name: "params replace, same field so delete first", olds: idxState, news: { ...idxIn, params: { M: 32 } }, changes: true, replaces: ["params"], updates: [], dbr: true },
    { name: "metric replaces", olds: idxState, news: { ...idxIn, metricType: "IP" }, changes: true, replaces: ["metricType"], updates: [] },
    { name: "another field: create first", olds: idxState, news: { ...idxIn, fieldName: "vec2", indexName: "vec" }, changes: true, replaces: ["fieldName"], updates: [], dbr: false },
    { name: "waitForBuild is local", olds: idxState, news: { ...idxIn, waitForBuild: false }, changes: true, replaces: [], updates: ["waitForBuild"] },
  ];
  it.each(rows)("$name", (row) => expectPlan(planIndexDiff(row.olds, row.news), row));
});

const jobState = { clusterId: "in01-1", collectionName: "docs", objectUrls: [["s3://b/a.json"]], jobId: "job-1", state: "Completed", __provider: "x" };
const jobIn = { clusterId: "in01-1", collectionName: "docs", objectUrls: ["s3://b/a.json"] };

describe("ImportJob diff", () => {
  const rows: Row[] = [
    { name: "a plain url equals a one-file group", olds: jobState, news: jobIn, changes: false, replaces: [], updates: [] },
    { name: "other files: a new import", olds: jobState, news: { ...jobIn, objectUrls: ["s3://b/b.json"] }, changes: true, replaces: ["objectUrls"], updates: [] },
    { name: "secret key change: a new import", olds: jobState, news: { ...jobIn, accessKey: "a", secretKey: "s" }, changes: true, replaces: ["accessKey", "secretKey"], updates: [] },
    { name: "token change only is local", olds: jobState, news: { ...jobIn, token: "t" }, changes: true, replaces: [], updates: ["token"] },
  ];
  it.each(rows)("$name", (row) => expectPlan(planImportJobDiff(row.olds, row.news), row));
});
