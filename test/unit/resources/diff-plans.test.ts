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

type Kind = "Cluster" | "ImportJob" | "Collection" | "CollectionIndex";

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
  { name: "the cluster guard does not apply", olds: jobState, news: { ...jobIn, objectUrls: ["s3://bucket/rows/b.parquet"] }, config: { allowDataLoss: false }, changes: true, replaces: ["objectUrls"] },
];

describe("ImportJob diff", () => {
  it.each(importJobRows)("$name", (row) => expectRow("ImportJob", row));
});

// ── Collection and CollectionIndex: the lead adds their tables here (same Row shape, expectRow("Collection", row)). ──
