/**
 * `check` through the engine-facing provider of each resource kind: every invalid input fails at preview,
 * before any API call, naming the property at fault (and, for a mistyped key, the closest known name);
 * valid inputs and preview's unknown placeholders pass.
 */
import { describe, expect, it } from "vitest";
import { provider } from "../../../src/resources/runtime";
import type { Props } from "../../../src/resources/shared/spec";
import { UNKNOWN } from "../../../src/resources/shared/unknowns";

type Kind = "Cluster" | "ImportJob" | "Collection" | "CollectionIndex";
const providers = new Map<Kind, ReturnType<typeof provider>>();
const check = async (kind: Kind, inputs: Props) => {
  if (!providers.has(kind)) providers.set(kind, provider(kind, { config: {}, log: () => undefined }));
  return providers.get(kind)!.check({}, inputs);
};

/** Without `key` (to replace a property by a misspelt one). */
const without = (o: Props, ...keys: string[]) => Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));

const cluster = (over: Props = {}): Props => ({ clusterName: "c-1", plan: "Standard", regionId: "gcp-us-west1", ...over });
const serverless = (over: Props = {}) => cluster({ plan: "Serverless", ...over });
const importJob = (over: Props = {}): Props => ({ clusterId: "in01-0123abcd", collectionName: "docs", objectUrls: ["s3://bucket/rows/a.parquet"], ...over });
const selfHostedImport = (over: Props = {}) => without(importJob({ endpoint: "http://localhost:19530", objectUrls: ["rows/a.json"], ...over }), "clusterId");

const longKey = "k".repeat(64);

/**
 * One invalid input: the properties named by the failures (all of them, in any order) and, optionally,
 * what the reason given for the first one says.
 */
type Invalid = { kind: Kind; name: string; inputs: Props; property: string | string[]; reason?: RegExp };

const invalid: Invalid[] = [
  // Cluster: mistyped and unknown keys.
  { kind: "Cluster", name: "cuSzie (typo) suggests cuSize", inputs: cluster({ cuSzie: 2 }), property: "cuSzie", reason: /unknown argument "cuSzie".*did you mean "cuSize"/ },
  { kind: "Cluster", name: "regionID (wrong case) suggests regionId", inputs: without(cluster({ regionID: "gcp-us-west1" }), "regionId"), property: ["regionID", "regionId"], reason: /did you mean "regionId"/ },
  { kind: "Cluster", name: "waitTimeout (truncated) suggests waitTimeoutSeconds", inputs: cluster({ waitTimeout: 60 }), property: "waitTimeout", reason: /did you mean "waitTimeoutSeconds"/ },
  { kind: "Cluster", name: "a key with nothing close lists the known names", inputs: cluster({ colour: "red" }), property: "colour", reason: /unknown argument "colour" \(known: clusterName, plan, regionId/ },
  { kind: "Cluster", name: "an output (connectAddress) is not an argument", inputs: cluster({ connectAddress: "https://x" }), property: "connectAddress", reason: /unknown argument "connectAddress"/ },
  // Cluster: each property's own type.
  { kind: "Cluster", name: "clusterName of 33 characters (the service's limit is 32)", inputs: cluster({ clusterName: "c".repeat(33) }), property: "clusterName", reason: /at most 32 characters/ },
  { kind: "Cluster", name: "clusterName with a space", inputs: cluster({ clusterName: "my cluster" }), property: "clusterName", reason: /letters, digits and hyphens/ },
  { kind: "Cluster", name: "clusterName with an underscore", inputs: cluster({ clusterName: "my_cluster" }), property: "clusterName" },
  { kind: "Cluster", name: "clusterName starting with a hyphen", inputs: cluster({ clusterName: "-c" }), property: "clusterName" },
  { kind: "Cluster", name: "empty clusterName", inputs: cluster({ clusterName: "" }), property: "clusterName" },
  { kind: "Cluster", name: "clusterName missing", inputs: without(cluster(), "clusterName"), property: "clusterName" },
  { kind: "Cluster", name: "clusterName a number", inputs: cluster({ clusterName: 42 }), property: "clusterName" },
  { kind: "Cluster", name: "unknown plan", inputs: cluster({ plan: "Dedicated" }), property: "plan" },
  { kind: "Cluster", name: "plan in lower case", inputs: cluster({ plan: "standard" }), property: "plan" },
  { kind: "Cluster", name: "plan missing", inputs: without(cluster(), "plan"), property: "plan" },
  { kind: "Cluster", name: "regionId in upper case", inputs: cluster({ regionId: "GCP-US-WEST1" }), property: "regionId", reason: /region id like/ },
  { kind: "Cluster", name: "regionId without the cloud part", inputs: cluster({ regionId: "uswest1" }), property: "regionId" },
  { kind: "Cluster", name: "regionId missing", inputs: without(cluster(), "regionId"), property: "regionId" },
  { kind: "Cluster", name: "projectId not a project id", inputs: cluster({ projectId: "Default Project" }), property: "projectId", reason: /project id like/ },
  { kind: "Cluster", name: "unknown cuType", inputs: cluster({ cuType: "performance" }), property: "cuType" },
  { kind: "Cluster", name: "cuSize 0", inputs: cluster({ cuSize: 0 }), property: "cuSize" },
  { kind: "Cluster", name: "fractional cuSize", inputs: cluster({ cuSize: 1.5 }), property: "cuSize" },
  { kind: "Cluster", name: "cuSize above 1024", inputs: cluster({ cuSize: 1025 }), property: "cuSize" },
  { kind: "Cluster", name: "cuSize as a string", inputs: cluster({ cuSize: "2" }), property: "cuSize" },
  { kind: "Cluster", name: "replica 0", inputs: cluster({ replica: 0 }), property: "replica" },
  { kind: "Cluster", name: "replica 11", inputs: cluster({ replica: 11 }), property: "replica" },
  { kind: "Cluster", name: "label key longer than 63", inputs: cluster({ labels: { [longKey]: "v" } }), property: `labels.${longKey}` },
  { kind: "Cluster", name: "label value longer than 255", inputs: cluster({ labels: { team: "v".repeat(256) } }), property: "labels.team" },
  { kind: "Cluster", name: "label value a number", inputs: cluster({ labels: { team: 1 } }), property: "labels.team" },
  { kind: "Cluster", name: "labels a list", inputs: cluster({ labels: ["team"] }), property: "labels" },
  { kind: "Cluster", name: "unknown desiredStatus", inputs: cluster({ desiredStatus: "STOPPED" }), property: "desiredStatus" },
  { kind: "Cluster", name: "unknown apiVersion", inputs: cluster({ apiVersion: "v3" }), property: "apiVersion" },
  { kind: "Cluster", name: "waitTimeoutSeconds 0", inputs: cluster({ waitTimeoutSeconds: 0 }), property: "waitTimeoutSeconds" },
  { kind: "Cluster", name: "waitTimeoutSeconds over a day", inputs: cluster({ waitTimeoutSeconds: 24 * 3600 + 1 }), property: "waitTimeoutSeconds" },
  { kind: "Cluster", name: "waitTimeoutSeconds as a string", inputs: cluster({ waitTimeoutSeconds: "60" }), property: "waitTimeoutSeconds" },
  { kind: "Cluster", name: "adopt as a string", inputs: cluster({ adopt: "yes" }), property: "adopt" },
  { kind: "Cluster", name: "allowDataLoss as a string", inputs: cluster({ allowDataLoss: "true" }), property: "allowDataLoss" },
  // Cluster: rules across properties.
  { kind: "Cluster", name: "cuSize × replica above 1024", inputs: cluster({ cuSize: 200, replica: 6 }), property: "replica", reason: /at most 1024/ },
  { kind: "Cluster", name: "cuSize on Free", inputs: cluster({ plan: "Free", cuSize: 2 }), property: "cuSize", reason: /Dedicated plans only, not Free/ },
  { kind: "Cluster", name: "cuType on Serverless", inputs: serverless({ cuType: "Capacity-optimized" }), property: "cuType", reason: /Dedicated plans only/ },
  { kind: "Cluster", name: "replica on Serverless", inputs: serverless({ replica: 2 }), property: "replica" },
  { kind: "Cluster", name: "SUSPENDED on Serverless", inputs: serverless({ desiredStatus: "SUSPENDED" }), property: "desiredStatus", reason: /cannot be suspended/ },
  { kind: "Cluster", name: "labels with apiVersion v1", inputs: cluster({ apiVersion: "v1", labels: { a: "b" } }), property: "labels", reason: /apiVersion v2/ },
  { kind: "Cluster", name: "replica with apiVersion v1", inputs: cluster({ apiVersion: "v1", replica: 2 }), property: "replica", reason: /apiVersion v2/ },
  { kind: "Cluster", name: "BusinessCritical with apiVersion v1", inputs: cluster({ apiVersion: "v1", plan: "BusinessCritical" }), property: "plan", reason: /apiVersion v2/ },
  { kind: "Cluster", name: "Extended-capacity with apiVersion v1", inputs: cluster({ apiVersion: "v1", cuType: "Extended-capacity" }), property: "cuType", reason: /apiVersion v2/ },

  // ImportJob: mistyped and unknown keys.
  { kind: "ImportJob", name: "objectUrl (singular) suggests objectUrls", inputs: without(importJob({ objectUrl: "s3://b/a.parquet" }), "objectUrls"), property: ["objectUrl", "objectUrls"], reason: /did you mean "objectUrls"/ },
  { kind: "ImportJob", name: "colectionName suggests collectionName", inputs: without(importJob({ colectionName: "docs" }), "collectionName"), property: ["colectionName", "collectionName"], reason: /did you mean "collectionName"/ },
  { kind: "ImportJob", name: "accesKey suggests accessKey", inputs: importJob({ accesKey: "AK", secretKey: "SK" }), property: ["accesKey", "accessKey"], reason: /did you mean "accessKey"/ },
  // ImportJob: the target.
  { kind: "ImportJob", name: "both clusterId and endpoint", inputs: importJob({ endpoint: "http://localhost:19530" }), property: "clusterId", reason: /exactly one of clusterId/ },
  { kind: "ImportJob", name: "neither clusterId nor endpoint", inputs: without(importJob(), "clusterId"), property: "clusterId", reason: /exactly one of clusterId/ },
  { kind: "ImportJob", name: "clusterId not a cluster id (a name)", inputs: importJob({ clusterId: "search-prod" }), property: "clusterId", reason: /cluster id like in01-/ },
  { kind: "ImportJob", name: "clusterId with an underscore", inputs: importJob({ clusterId: "in01_0123abcd" }), property: "clusterId" },
  { kind: "ImportJob", name: "endpoint not a URL", inputs: selfHostedImport({ endpoint: "not a url" }), property: "endpoint" },
  { kind: "ImportJob", name: "endpoint without a scheme (host:port)", inputs: selfHostedImport({ endpoint: "localhost:19530" }), property: "endpoint", reason: /http\(s\) URL/ },
  { kind: "ImportJob", name: "token a number", inputs: selfHostedImport({ token: 123 }), property: "token" },
  // ImportJob: names.
  { kind: "ImportJob", name: "collectionName starting with a digit", inputs: importJob({ collectionName: "1docs" }), property: "collectionName", reason: /not a valid collection name/ },
  { kind: "ImportJob", name: "collectionName with a hyphen", inputs: importJob({ collectionName: "my-docs" }), property: "collectionName" },
  { kind: "ImportJob", name: "collectionName of 256 characters", inputs: importJob({ collectionName: "d".repeat(256) }), property: "collectionName" },
  { kind: "ImportJob", name: "collectionName missing", inputs: without(importJob(), "collectionName"), property: "collectionName" },
  { kind: "ImportJob", name: "dbName with a hyphen", inputs: importJob({ dbName: "my-db" }), property: "dbName", reason: /not a valid database name/ },
  { kind: "ImportJob", name: "partitionName with a space", inputs: importJob({ partitionName: "p 1" }), property: "partitionName", reason: /not a valid partition name/ },
  // ImportJob: the files.
  { kind: "ImportJob", name: "empty objectUrls", inputs: importJob({ objectUrls: [] }), property: "objectUrls", reason: /at least one/ },
  { kind: "ImportJob", name: "objectUrls a single string", inputs: importJob({ objectUrls: "s3://bucket/a.parquet" }), property: "objectUrls" },
  { kind: "ImportJob", name: "objectUrls missing", inputs: without(importJob(), "objectUrls"), property: "objectUrls" },
  { kind: "ImportJob", name: "malformed object URL (s3:/)", inputs: importJob({ objectUrls: ["s3:/bucket/a.parquet"] }), property: "objectUrls[0]", reason: /object URL such as s3:\/\// },
  { kind: "ImportJob", name: "object URL without a scheme", inputs: importJob({ objectUrls: ["bucket/a.parquet"] }), property: "objectUrls[0]" },
  { kind: "ImportJob", name: "object URL with an unsupported scheme", inputs: importJob({ objectUrls: ["ftp://host/a.parquet"] }), property: "objectUrls[0]" },
  { kind: "ImportJob", name: "the second URL of a list is wrong", inputs: importJob({ objectUrls: ["s3://b/a.parquet", "nope"] }), property: "objectUrls[1]" },
  { kind: "ImportJob", name: "malformed URL inside a group", inputs: importJob({ objectUrls: [["s3://b/x.npy", "nope"]] }), property: "objectUrls[0][1]" },
  { kind: "ImportJob", name: "empty group", inputs: importJob({ objectUrls: [[]] }), property: "objectUrls[0]" },
  { kind: "ImportJob", name: "an object URL that is a number", inputs: importJob({ objectUrls: [5] }), property: "objectUrls[0]" },
  { kind: "ImportJob", name: "self-hosted file key with a space", inputs: selfHostedImport({ objectUrls: ["rows/a b.json"] }), property: "objectUrls[0]", reason: /no spaces/ },
  // ImportJob: credentials and versions.
  { kind: "ImportJob", name: "accessKey without secretKey", inputs: importJob({ accessKey: "AK" }), property: "secretKey", reason: /go together/ },
  { kind: "ImportJob", name: "secretKey without accessKey", inputs: importJob({ secretKey: "SK" }), property: "accessKey", reason: /go together/ },
  { kind: "ImportJob", name: "unknown apiVersion", inputs: importJob({ apiVersion: "v3" }), property: "apiVersion" },
  { kind: "ImportJob", name: "apiVersion v1 with an endpoint", inputs: selfHostedImport({ apiVersion: "v1" }), property: "endpoint", reason: /use clusterId/ },
  { kind: "ImportJob", name: "apiVersion v1 with two object URLs", inputs: importJob({ apiVersion: "v1", objectUrls: ["s3://b/a.parquet", "s3://b/b.parquet"] }), property: "objectUrls", reason: /exactly one object URL/ },
  { kind: "ImportJob", name: "apiVersion v1 with a group of two files", inputs: importJob({ apiVersion: "v1", objectUrls: [["s3://b/a.npy", "s3://b/b.npy"]] }), property: "objectUrls", reason: /exactly one object URL/ },
  { kind: "ImportJob", name: "apiVersion v1 with dbName", inputs: importJob({ apiVersion: "v1", dbName: "analytics" }), property: "dbName", reason: /apiVersion v2/ },
  { kind: "ImportJob", name: "empty regionId", inputs: importJob({ apiVersion: "v1", regionId: "" }), property: "regionId" },
  { kind: "ImportJob", name: "waitTimeoutSeconds 0", inputs: importJob({ waitTimeoutSeconds: 0 }), property: "waitTimeoutSeconds" },
  { kind: "ImportJob", name: "waitTimeoutSeconds over a week", inputs: importJob({ waitTimeoutSeconds: 7 * 24 * 3600 + 1 }), property: "waitTimeoutSeconds" },
  { kind: "ImportJob", name: "waitForCompletion as a string", inputs: importJob({ waitForCompletion: "yes" }), property: "waitForCompletion" },

  // ── Collection and CollectionIndex rows: the lead adds them here, same shape ({ kind: "Collection", … }). ──
];

describe("check: invalid inputs fail naming the property", () => {
  // Titles come from plain strings only (formatting a zod schema into a test name exhausts the heap).
  it.each(invalid)("$kind: $name", async ({ kind, inputs, property, reason }) => {
    const failures = (await check(kind, { __provider: "text", ...inputs })).failures ?? [];
    const expected = typeof property === "string" ? [property] : property;
    // A property may fail for two reasons at once (empty and badly formed): each property counts once.
    expect([...new Set(failures.map((f) => f.property))].sort()).toEqual([...expected].sort());
    if (reason) expect(failures.find((f) => f.property === expected[0])!.reason).toMatch(reason);
  });
});

/** Inputs that must pass `check` as they are. */
type Valid = { kind: Kind; name: string; inputs: Props };

const valid: Valid[] = [
  { kind: "Cluster", name: "Serverless, the minimum", inputs: serverless() },
  { kind: "Cluster", name: "Free", inputs: cluster({ plan: "Free" }) },
  { kind: "Cluster", name: "cuType Extended-capacity", inputs: cluster({ cuType: "Extended-capacity" }) },
  { kind: "Cluster", name: "cuType Tiered-storage on BusinessCritical", inputs: cluster({ plan: "BusinessCritical", cuType: "Tiered-storage" }) },
  { kind: "Cluster", name: "clusterName of exactly 32 characters", inputs: cluster({ clusterName: "c".repeat(32) }) },
  { kind: "Cluster", name: "everything set on Enterprise", inputs: cluster({ plan: "Enterprise", projectId: "proj-4487580fcfe2c8a4391686", cuType: "Capacity-optimized", cuSize: 2, replica: 2, labels: { team: "search", [`${"k".repeat(63)}`]: "" }, desiredStatus: "SUSPENDED", apiVersion: "v2", waitTimeoutSeconds: 24 * 3600, adopt: true, allowDataLoss: true }) },
  { kind: "Cluster", name: "cuSize 1024 × replica 1", inputs: cluster({ cuSize: 1024, replica: 1 }) },
  { kind: "Cluster", name: "RUNNING on Serverless", inputs: serverless({ desiredStatus: "RUNNING" }) },
  { kind: "Cluster", name: "apiVersion v1, Standard", inputs: cluster({ apiVersion: "v1", cuType: "Capacity-optimized", cuSize: 2 }) },
  { kind: "Cluster", name: "region ids of each cloud", inputs: cluster({ regionId: "aws-us-west-2" }) },
  { kind: "Cluster", name: "unknown values in a preview", inputs: cluster({ clusterName: UNKNOWN, regionId: UNKNOWN, cuSize: UNKNOWN, labels: { team: UNKNOWN }, projectId: UNKNOWN }) },
  { kind: "Cluster", name: "unknown plan with Dedicated-only settings", inputs: cluster({ plan: UNKNOWN, cuSize: 4, desiredStatus: "SUSPENDED" }) },
  { kind: "ImportJob", name: "Zilliz Cloud, groups and keys", inputs: importJob({ objectUrls: ["s3://b/a.parquet", ["gs://b/id.npy", "gs://b/vec.npy"]], accessKey: "AK", secretKey: "SK", dbName: "analytics", partitionName: "p_2024" }) },
  { kind: "ImportJob", name: "every object storage scheme", inputs: importJob({ objectUrls: ["s3a://b/a", "gcs://b/a", "az://c/a", "azure://c/a", "https://h.example/a.json", "oss://b/a", "cos://b/a", "file:///tmp/rows.json"] }) },
  { kind: "ImportJob", name: "self-hosted Milvus with file keys and a token", inputs: selfHostedImport({ token: "root:Milvus", objectUrls: ["rows/a.json", ["cols/id.npy", "cols/vec.npy"]], waitForCompletion: false, waitTimeoutSeconds: 7 * 24 * 3600 }) },
  { kind: "ImportJob", name: "apiVersion v1 with one URL and a region", inputs: importJob({ apiVersion: "v1", regionId: "gcp-us-west1", objectUrls: [["s3://b/a.parquet"]] }) },
  { kind: "ImportJob", name: "unknown values in a preview", inputs: importJob({ clusterId: UNKNOWN, collectionName: UNKNOWN, objectUrls: [UNKNOWN, ["s3://b/a.npy", UNKNOWN]], accessKey: UNKNOWN, secretKey: UNKNOWN }) },
  { kind: "ImportJob", name: "an unknown list of object URLs", inputs: importJob({ objectUrls: UNKNOWN }) },
];

describe("check: valid inputs pass unchanged", () => {
  it.each(valid)("$kind: $name", async ({ kind, inputs }) => {
    const news = { __provider: "text", ...inputs };
    const r = await check(kind, news);
    expect(r.failures).toEqual([]);
    // No defaults are added: the stored inputs stay as the program wrote them.
    expect(r.inputs).toBe(news);
  });
});
