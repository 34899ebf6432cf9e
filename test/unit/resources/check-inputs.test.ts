/**
 * `check` through the engine-facing provider of each resource kind: every invalid input fails at preview,
 * before any API call, naming the property at fault (and, for a mistyped key, the closest known name);
 * valid inputs and preview's unknown placeholders pass.
 */
import { describe, expect, it } from "vitest";
import { provider } from "../../../src/resources/runtime";
import type { Props } from "../../../src/resources/shared/spec";
import { UNKNOWN } from "../../../src/resources/shared/unknowns";

type Kind =
  | "Cluster" | "ImportJob" | "Collection" | "CollectionIndex" | "Project" | "ApiKey" | "Volume"
  | "BackupPolicy" | "Backup" | "PrivateEndpoint" | "PrivateEndpointWhitelistEntry";
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

const PROJ = "proj-4487580fcfe2c8a4391686";
const project = (over: Props = {}): Props => ({ projectName: "staging", plan: "Enterprise", ...over });
const apiKey = (over: Props = {}): Props => ({ name: "ingest", orgRole: "Member", projects: [{ projectId: PROJ, role: "Read-Write", clusterIds: ["in01-0123abcd"] }], ...over });
const volume = (over: Props = {}): Props => ({ volumeName: "staged", regionId: "aws-us-west-2", ...over });
const volumeImport = (over: Props = {}) => without(importJob({ volumeName: "staged", dataPaths: ["batch/a.parquet"], ...over }), "objectUrls");
const policy = (over: Props = {}): Props => ({ clusterId: "in01-0123abcd", frequency: "1,3,5", startTime: "02:00-04:00", retentionDays: 7, ...over });
const backup = (over: Props = {}): Props => ({ clusterId: "in01-0123abcd", ...over });
const endpoint = (over: Props = {}): Props => ({ projectId: "proj-0123abcd", regionId: "aws-us-west-2", endpointId: "vpce-0a1b", ...over });
const whitelist = (over: Props = {}): Props => ({ projectId: "proj-0123abcd", regionId: "aws-us-west-2", outerUserId: "123456789012", ...over });
const scaled = (autoscaling: unknown, over: Props = {}) => cluster({ plan: "Enterprise", autoscaling, ...over });

const pk = { name: "id", dataType: "Int64", isPrimary: true };
const vec = { name: "vec", dataType: "FloatVector", dim: 8 };
const collection = (over: Props = {}): Props => ({ clusterId: "in01-0123abcd", collectionName: "docs", schema: { fields: [pk, vec] }, ...over });
const fields = (...f: Props[]) => collection({ schema: { fields: f } });
const selfHosted = (over: Props = {}) => without(collection({ endpoint: "http://localhost:19530", ...over }), "clusterId");
const index = (over: Props = {}): Props => ({ clusterId: "in01-0123abcd", collectionName: "docs", fieldName: "vec", indexType: "HNSW", metricType: "COSINE", ...over });
const sparseIndex = (over: Props = {}) => index({ fieldName: "sparse", fieldDataType: "SparseFloatVector", indexType: "SPARSE_INVERTED_INDEX", metricType: "IP", ...over });
/** A scalar index (INVERTED on a VarChar field unless told otherwise): no metric. */
const scalarIndex = (over: Props = {}) => without(index({ fieldName: "tag", fieldDataType: "VarChar", indexType: "INVERTED", ...over }), ...("metricType" in over ? [] : ["metricType"]));

/**
 * One invalid input: the properties named by the failures (all of them, in any order) and, optionally,
 * what the reason given for the first one says.
 */
type Invalid = { kind: Kind; name: string; inputs: Props; property: string | string[]; reason?: RegExp };

const invalid: Invalid[] = [
  // Cluster autoscaling.
  { kind: "Cluster", name: "cuSize with autoscaling.cu", inputs: scaled({ cu: { min: 1, max: 4 } }, { cuSize: 2 }), property: "cuSize", reason: /exclude each other/ },
  { kind: "Cluster", name: "replica with autoscaling.replica", inputs: scaled({ replica: { min: 1, max: 2 } }, { replica: 2 }), property: "replica", reason: /exclude each other/ },
  { kind: "Cluster", name: "autoscaling range min > max", inputs: scaled({ cu: { min: 8, max: 2 } }), property: "autoscaling.cu.min", reason: /min must not exceed max/ },
  { kind: "Cluster", name: "autoscaling range without max", inputs: scaled({ cu: { min: 2 } }), property: "autoscaling.cu", reason: /both min and max/ },
  { kind: "Cluster", name: "autoscaling range and schedules together", inputs: scaled({ cu: { min: 1, max: 2, schedules: [{ cron: "0 8 * * *", target: 2 }] } }), property: "autoscaling.cu", reason: /exclude each other/ },
  { kind: "Cluster", name: "autoscaling schedule with a 3-field cron", inputs: scaled({ cu: { schedules: [{ cron: "0 8 *", target: 2 }] } }), property: "autoscaling.cu.schedules[0].cron" },
  { kind: "Cluster", name: "autoscaling replica max 11", inputs: scaled({ replica: { min: 1, max: 11 } }), property: "autoscaling.replica.max" },
  { kind: "Cluster", name: "autoscaling key typo suggests replica", inputs: scaled({ replicas: { min: 1, max: 2 } }), property: "autoscaling.replicas", reason: /did you mean "replica"/ },
  { kind: "Cluster", name: "autoscaling on Serverless", inputs: serverless({ autoscaling: { cu: { min: 1, max: 2 } } }), property: "autoscaling", reason: /Dedicated plans only/ },
  { kind: "Cluster", name: "autoscaling beyond 1024 CU × replica", inputs: scaled({ cu: { min: 256, max: 512 }, replica: { min: 1, max: 4 } }), property: "autoscaling", reason: /at most 1024/ },
  // BackupPolicy.
  { kind: "BackupPolicy", name: "weekday 8", inputs: policy({ frequency: "1,8" }), property: "frequency", reason: /ISO weekdays/ },
  { kind: "BackupPolicy", name: "a weekday twice", inputs: policy({ frequency: "1,1" }), property: "frequency", reason: /at most once/ },
  { kind: "BackupPolicy", name: "frequency as a number", inputs: policy({ frequency: 1 }), property: "frequency" },
  { kind: "BackupPolicy", name: "window 25:00", inputs: policy({ startTime: "25:00-26:00" }), property: "startTime" },
  { kind: "BackupPolicy", name: "an empty window", inputs: policy({ startTime: "02:00-02:00" }), property: "startTime", reason: /must not be empty/ },
  { kind: "BackupPolicy", name: "retention 31 days", inputs: policy({ retentionDays: 31 }), property: "retentionDays" },
  { kind: "BackupPolicy", name: "retention missing", inputs: without(policy(), "retentionDays"), property: "retentionDays" },
  { kind: "BackupPolicy", name: "a project id as cluster id", inputs: policy({ clusterId: "proj-1" }), property: "clusterId", reason: /cluster id/ },
  { kind: "BackupPolicy", name: "a copy region twice", inputs: policy({ crossRegionCopies: [{ regionId: "aws-us-east-1" }, { regionId: "aws-us-east-1" }] }), property: "crossRegionCopies" },
  { kind: "BackupPolicy", name: "retentionDay (typo) suggests retentionDays", inputs: without(policy({ retentionDay: 7 }), "retentionDays"), property: ["retentionDay", "retentionDays"], reason: /did you mean "retentionDays"/ },
  // Backup.
  { kind: "Backup", name: "an empty collections list", inputs: backup({ collections: [] }), property: "collections" },
  { kind: "Backup", name: "a collection entry without names", inputs: backup({ collections: [{ dbName: "default", collectionNames: [] }] }), property: "collections[0].collectionNames" },
  { kind: "Backup", name: "collection (singular) suggests collections", inputs: backup({ collection: ["docs"] }), property: "collection", reason: /did you mean "collections"/ },
  { kind: "Backup", name: "cluster id missing", inputs: {}, property: "clusterId" },
  { kind: "Backup", name: "waitTimeoutSeconds 0", inputs: backup({ waitTimeoutSeconds: 0 }), property: "waitTimeoutSeconds" },
  // PrivateEndpoint and its whitelist.
  { kind: "PrivateEndpoint", name: "GCP region without gcpProjectId", inputs: endpoint({ regionId: "gcp-us-west1" }), property: "gcpProjectId", reason: /required in a GCP region/ },
  { kind: "PrivateEndpoint", name: "gcpProjectId in an AWS region", inputs: endpoint({ gcpProjectId: "p" }), property: "gcpProjectId", reason: /only for GCP/ },
  { kind: "PrivateEndpoint", name: "endpointId missing", inputs: without(endpoint(), "endpointId"), property: "endpointId" },
  { kind: "PrivateEndpoint", name: "a malformed project id", inputs: endpoint({ projectId: "Default Project" }), property: "projectId" },
  { kind: "PrivateEndpointWhitelistEntry", name: "accountId suggests nothing close but lists outerUserId", inputs: without(whitelist({ accountId: "1" }), "outerUserId"), property: ["accountId", "outerUserId"] },
  { kind: "PrivateEndpointWhitelistEntry", name: "an empty account", inputs: whitelist({ outerUserId: "" }), property: "outerUserId" },
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

  // Collection: mistyped and unknown keys, at the top level and inside a field.
  { kind: "Collection", name: "a field's isPrimaryKey suggests isPrimary", inputs: collection({ schema: { fields: [{ name: "id", dataType: "Int64", isPrimaryKey: true }, vec] } }), property: ["schema.fields[0].isPrimaryKey", "schema.fields"], reason: /unknown argument "isPrimaryKey".*did you mean "isPrimary"/ },
  { kind: "Collection", name: "a field's maxLen suggests maxLength", inputs: collection({ schema: { fields: [pk, vec, { name: "t", dataType: "VarChar", maxLen: 64 }] } }), property: ["schema.fields[2].maxLen", "schema.fields[2].maxLength"], reason: /did you mean "maxLength"/ },
  { kind: "Collection", name: "a field's data_type suggests dataType", inputs: collection({ schema: { fields: [pk, without({ ...vec, data_type: "FloatVector" }, "dataType")] } }), property: ["schema.fields[1].data_type", "schema.fields[1].dataType"], reason: /did you mean "dataType"/ },
  { kind: "Collection", name: "schema.field (singular) suggests fields", inputs: collection({ schema: { field: [pk, vec] } }), property: ["schema.field", "schema.fields"], reason: /did you mean "fields"/ },
  { kind: "Collection", name: "enableDynamicFields suggests enableDynamicField", inputs: collection({ enableDynamicFields: true }), property: "enableDynamicFields", reason: /did you mean "enableDynamicField"/ },
  { kind: "Collection", name: "shards suggests shardsNum", inputs: collection({ shards: 2 }), property: "shards", reason: /did you mean "shardsNum"/ },
  { kind: "Collection", name: "a key with nothing close lists the known names", inputs: collection({ replicas: 2 }), property: "replicas", reason: /unknown argument "replicas" \(known: clusterId, endpoint/ },
  { kind: "Collection", name: "an output (collectionId) is not an argument", inputs: collection({ collectionId: "4460" }), property: "collectionId" },
  // Collection: the target.
  { kind: "Collection", name: "both clusterId and endpoint", inputs: collection({ endpoint: "http://localhost:19530" }), property: "endpoint", reason: /exactly one of clusterId/ },
  { kind: "Collection", name: "neither clusterId nor endpoint", inputs: without(collection(), "clusterId"), property: "clusterId", reason: /exactly one of clusterId/ },
  { kind: "Collection", name: "clusterId a cluster name", inputs: collection({ clusterId: "search-prod" }), property: "clusterId", reason: /cluster id like in01-/ },
  { kind: "Collection", name: "endpoint host:port without a scheme", inputs: selfHosted({ endpoint: "localhost:19530" }), property: "endpoint", reason: /http\(s\) URL/ },
  { kind: "Collection", name: "endpoint with a grpc scheme", inputs: selfHosted({ endpoint: "grpc://localhost:19530" }), property: "endpoint", reason: /http\(s\) URL/ },
  { kind: "Collection", name: "token a number", inputs: selfHosted({ token: 123 }), property: "token" },
  { kind: "Collection", name: "dbName with a hyphen", inputs: collection({ dbName: "my-db" }), property: "dbName", reason: /not a valid database name/ },
  // Collection: names and settings.
  { kind: "Collection", name: "collectionName starting with a digit", inputs: collection({ collectionName: "9docs" }), property: "collectionName", reason: /not a valid collection name/ },
  { kind: "Collection", name: "collectionName with a hyphen", inputs: collection({ collectionName: "my-docs" }), property: "collectionName" },
  { kind: "Collection", name: "collectionName of 256 characters", inputs: collection({ collectionName: "d".repeat(256) }), property: "collectionName" },
  { kind: "Collection", name: "collectionName missing", inputs: without(collection(), "collectionName"), property: "collectionName" },
  { kind: "Collection", name: "description longer than 65535", inputs: collection({ description: "d".repeat(65536) }), property: "description" },
  { kind: "Collection", name: "shardsNum 0", inputs: collection({ shardsNum: 0 }), property: "shardsNum" },
  { kind: "Collection", name: "shardsNum 17", inputs: collection({ shardsNum: 17 }), property: "shardsNum" },
  { kind: "Collection", name: "unknown consistencyLevel", inputs: collection({ consistencyLevel: "Sometimes" }), property: "consistencyLevel" },
  { kind: "Collection", name: "consistencyLevel in lower case", inputs: collection({ consistencyLevel: "strong" }), property: "consistencyLevel" },
  { kind: "Collection", name: "a property value that is an object", inputs: collection({ properties: { "collection.ttl.seconds": { s: 1 } } }), property: "properties.collection.ttl.seconds" },
  { kind: "Collection", name: "an empty property key", inputs: collection({ properties: { "": "1" } }), property: "properties." },
  { kind: "Collection", name: "loaded as a string", inputs: collection({ loaded: "true" }), property: "loaded" },
  { kind: "Collection", name: "enableDynamicField as a string", inputs: collection({ enableDynamicField: "yes" }), property: "enableDynamicField" },
  { kind: "Collection", name: "unknown apiVersion", inputs: collection({ apiVersion: "v3" }), property: "apiVersion" },
  { kind: "Collection", name: "waitTimeoutSeconds 0", inputs: collection({ waitTimeoutSeconds: 0 }), property: "waitTimeoutSeconds" },
  { kind: "Collection", name: "schema missing", inputs: without(collection(), "schema"), property: "schema" },
  { kind: "Collection", name: "schema a list of fields (not { fields })", inputs: collection({ schema: [pk, vec] }), property: "schema" },
  // Collection: each field's own rules.
  { kind: "Collection", name: "no fields", inputs: collection({ schema: { fields: [] } }), property: "schema.fields", reason: /at least one field/ },
  { kind: "Collection", name: "field name with a hyphen", inputs: fields(pk, vec, { name: "my-tag", dataType: "Bool" }), property: "schema.fields[2].name", reason: /not a valid field name/ },
  { kind: "Collection", name: "unknown dataType", inputs: fields(pk, vec, { name: "x", dataType: "Float128" }), property: "schema.fields[2].dataType" },
  { kind: "Collection", name: "dataType in lower case", inputs: fields(pk, vec, { name: "x", dataType: "int64" }), property: "schema.fields[2].dataType" },
  { kind: "Collection", name: "vector without dim", inputs: fields(pk, without(vec, "dim")), property: "schema.fields[1].dim", reason: /needs dim/ },
  { kind: "Collection", name: "dim 1", inputs: fields(pk, { ...vec, dim: 1 }), property: "schema.fields[1].dim", reason: /between 2 and 32768/ },
  { kind: "Collection", name: "dim 32769", inputs: fields(pk, { ...vec, dim: 32769 }), property: "schema.fields[1].dim" },
  { kind: "Collection", name: "fractional dim", inputs: fields(pk, { ...vec, dim: 7.5 }), property: "schema.fields[1].dim" },
  { kind: "Collection", name: "dim as a string", inputs: fields(pk, { ...vec, dim: "8" }), property: "schema.fields[1].dim" },
  { kind: "Collection", name: "BinaryVector dim not a multiple of 8", inputs: fields(pk, { name: "b", dataType: "BinaryVector", dim: 12 }), property: "schema.fields[1].dim", reason: /multiple of 8/ },
  { kind: "Collection", name: "dim on a scalar field", inputs: fields(pk, vec, { name: "n", dataType: "Int32", dim: 8 }), property: "schema.fields[2].dim", reason: /takes no dim/ },
  { kind: "Collection", name: "VarChar without maxLength", inputs: fields(pk, vec, { name: "t", dataType: "VarChar" }), property: "schema.fields[2].maxLength", reason: /needs maxLength/ },
  { kind: "Collection", name: "maxLength 65536", inputs: fields(pk, vec, { name: "t", dataType: "VarChar", maxLength: 65536 }), property: "schema.fields[2].maxLength" },
  { kind: "Collection", name: "maxLength on an Int64", inputs: fields(pk, vec, { name: "n", dataType: "Int64", maxLength: 8 }), property: "schema.fields[2].maxLength" },
  { kind: "Collection", name: "Array without elementType and maxCapacity", inputs: fields(pk, vec, { name: "a", dataType: "Array" }), property: ["schema.fields[2].elementType", "schema.fields[2].maxCapacity"] },
  { kind: "Collection", name: "Array maxCapacity 4097", inputs: fields(pk, vec, { name: "a", dataType: "Array", elementType: "Int32", maxCapacity: 4097 }), property: "schema.fields[2].maxCapacity" },
  { kind: "Collection", name: "Array of VarChar without maxLength", inputs: fields(pk, vec, { name: "a", dataType: "Array", elementType: "VarChar", maxCapacity: 8 }), property: "schema.fields[2].maxLength" },
  { kind: "Collection", name: "Array of JSON (not an element type)", inputs: fields(pk, vec, { name: "a", dataType: "Array", elementType: "JSON", maxCapacity: 8 }), property: "schema.fields[2].elementType" },
  { kind: "Collection", name: "elementType on a non-Array", inputs: fields(pk, vec, { name: "n", dataType: "Int32", elementType: "Int32" }), property: "schema.fields[2].elementType" },
  { kind: "Collection", name: "a Float primary key", inputs: fields({ ...pk, dataType: "Float" }, vec), property: "schema.fields[0].dataType", reason: /Int64 or VarChar/ },
  { kind: "Collection", name: "autoId on a non-primary field", inputs: fields(pk, vec, { name: "n", dataType: "Int64", autoId: true }), property: "schema.fields[2].autoId" },
  { kind: "Collection", name: "a nullable primary key", inputs: fields({ ...pk, nullable: true }, vec), property: "schema.fields[0].nullable" },
  { kind: "Collection", name: "a nullable vector", inputs: fields(pk, { ...vec, nullable: true }), property: "schema.fields[1].nullable" },
  { kind: "Collection", name: "a default on a vector", inputs: fields(pk, { ...vec, defaultValue: 0 }), property: "schema.fields[1].defaultValue" },
  { kind: "Collection", name: "a default on a JSON field", inputs: fields(pk, vec, { name: "j", dataType: "JSON", defaultValue: "{}" }), property: "schema.fields[2].defaultValue" },
  { kind: "Collection", name: "a string default on an Int32", inputs: fields(pk, vec, { name: "n", dataType: "Int32", defaultValue: "1" }), property: "schema.fields[2].defaultValue", reason: /does not match Int32/ },
  { kind: "Collection", name: "a partition key on a Float", inputs: fields(pk, vec, { name: "f", dataType: "Float", isPartitionKey: true }), property: "schema.fields[2].isPartitionKey" },
  // An object is a valid type param (analyzer_params); a list is not.
  { kind: "Collection", name: "a type param that is a list", inputs: fields(pk, vec, { name: "t", dataType: "VarChar", maxLength: 8, typeParams: { analyzer_params: ["english"] } }), property: "schema.fields[2].typeParams.analyzer_params" },
  // Collection: rules across fields.
  { kind: "Collection", name: "no primary key", inputs: fields({ name: "id", dataType: "Int64" }, vec), property: "schema.fields", reason: /no primary key/ },
  { kind: "Collection", name: "two primary keys", inputs: fields(pk, { ...pk, name: "id2" }, vec), property: "schema.fields[1].isPrimary", reason: /exactly one primary key/ },
  { kind: "Collection", name: "two fields of one name", inputs: fields(pk, vec, { ...vec }), property: "schema.fields[2].name", reason: /duplicate field name "vec"/ },
  { kind: "Collection", name: "no vector field", inputs: fields(pk, { name: "t", dataType: "Bool" }), property: "schema.fields", reason: /at least one vector field/ },
  { kind: "Collection", name: "two partition keys", inputs: fields(pk, vec, { name: "a", dataType: "Int64", isPartitionKey: true }, { name: "b", dataType: "Int64", isPartitionKey: true }), property: "schema.fields[3].isPartitionKey" },
  // Collection: REST v1's fixed shape.
  { kind: "Collection", name: "apiVersion v1 with a VarChar primary key", inputs: collection({ apiVersion: "v1", schema: { fields: [{ name: "id", dataType: "VarChar", maxLength: 64, isPrimary: true }, vec] } }), property: "schema.fields", reason: /apiVersion v1 supports exactly/ },
  { kind: "Collection", name: "apiVersion v1 with a third field", inputs: collection({ apiVersion: "v1", schema: { fields: [pk, vec, { name: "n", dataType: "Int32" }] } }), property: "schema.fields" },
  { kind: "Collection", name: "apiVersion v1 with a field description", inputs: collection({ apiVersion: "v1", schema: { fields: [pk, { ...vec, description: "emb" }] } }), property: "schema.fields[1].description", reason: /apiVersion v2/ },
  { kind: "Collection", name: "apiVersion v1 with properties", inputs: collection({ apiVersion: "v1", properties: { "collection.ttl.seconds": 60 } }), property: "properties", reason: /apiVersion v2/ },
  { kind: "Collection", name: "apiVersion v1 with loaded and shardsNum", inputs: collection({ apiVersion: "v1", loaded: true, shardsNum: 2 }), property: ["loaded", "shardsNum"] },
  { kind: "Collection", name: "apiVersion v1 with dbName", inputs: collection({ apiVersion: "v1", dbName: "analytics" }), property: "dbName" },

  // CollectionIndex: mistyped and unknown keys, at the top level and in the build params.
  { kind: "CollectionIndex", name: "indexTyp suggests indexType", inputs: without(index({ indexTyp: "HNSW" }), "indexType"), property: ["indexTyp", "indexType"], reason: /did you mean "indexType"/ },
  { kind: "CollectionIndex", name: "metric suggests metricType", inputs: without(index({ metric: "COSINE" }), "metricType"), property: ["metric", "metricType"], reason: /did you mean "metricType"/ },
  { kind: "CollectionIndex", name: "indexParams suggests params", inputs: index({ indexParams: { M: 16 } }), property: "indexParams", reason: /did you mean "params"/ },
  { kind: "CollectionIndex", name: "HNSW efConstruct suggests efConstruction", inputs: index({ params: { efConstruct: 200 } }), property: "params.efConstruct", reason: /HNSW: unknown argument "efConstruct".*did you mean "efConstruction"/ },
  { kind: "CollectionIndex", name: "HNSW m (lower case) suggests M", inputs: index({ params: { m: 16 } }), property: "params.m", reason: /did you mean "M"/ },
  { kind: "CollectionIndex", name: "IVF_FLAT nlists suggests nlist", inputs: index({ indexType: "IVF_FLAT", params: { nlists: 128 } }), property: "params.nlists", reason: /did you mean "nlist"/ },
  { kind: "CollectionIndex", name: "IVF_FLAT with an HNSW param", inputs: index({ indexType: "IVF_FLAT", params: { nlist: 128, efConstruction: 200 } }), property: "params.efConstruction" },
  { kind: "CollectionIndex", name: "FLAT takes no params", inputs: index({ indexType: "FLAT", params: { nlist: 128 } }), property: "params.nlist", reason: /FLAT: unknown argument "nlist"/ },
  { kind: "CollectionIndex", name: "two unknown params are both named", inputs: index({ params: { M: 16, ef: 64, efConstrution: 200 } }), property: ["params.ef", "params.efConstrution"] },
  // CollectionIndex: build param values.
  { kind: "CollectionIndex", name: "HNSW M 1", inputs: index({ params: { M: 1 } }), property: "params.M" },
  { kind: "CollectionIndex", name: "HNSW M as a string", inputs: index({ params: { M: "16" } }), property: "params.M" },
  { kind: "CollectionIndex", name: "IVF_FLAT nlist 0", inputs: index({ indexType: "IVF_FLAT", params: { nlist: 0 } }), property: "params.nlist" },
  { kind: "CollectionIndex", name: "HNSW_SQ sq_type SQ4", inputs: index({ indexType: "HNSW_SQ", params: { sq_type: "SQ4" } }), property: "params.sq_type" },
  { kind: "CollectionIndex", name: "IVF_PQ nbits 25", inputs: index({ indexType: "IVF_PQ", params: { nlist: 128, m: 4, nbits: 25 } }), property: "params.nbits" },
  { kind: "CollectionIndex", name: "SPARSE_INVERTED_INDEX drop_ratio_build 1", inputs: sparseIndex({ params: { drop_ratio_build: 1 } }), property: "params.drop_ratio_build" },
  { kind: "CollectionIndex", name: "NGRAM min_gram 0", inputs: scalarIndex({ indexType: "NGRAM", params: { min_gram: 0, max_gram: 3 } }), property: "params.min_gram" },
  { kind: "CollectionIndex", name: "INVERTED json_cast_type int", inputs: scalarIndex({ fieldDataType: "JSON", params: { json_path: 'meta["a"]', json_cast_type: "int" } }), property: "params.json_cast_type", reason: /one of BOOL, DOUBLE, VARCHAR/ },
  { kind: "CollectionIndex", name: "INVERTED on a JSON field without json_path and json_cast_type", inputs: scalarIndex({ fieldDataType: "JSON" }), property: "params", reason: /needs json_path and json_cast_type/ },
  { kind: "CollectionIndex", name: "INVERTED on a JSON field without json_cast_type", inputs: scalarIndex({ fieldDataType: "JSON", params: { json_path: 'meta["a"]' } }), property: "params" },
  { kind: "CollectionIndex", name: "params a list", inputs: index({ params: [16] }), property: "params" },
  { kind: "CollectionIndex", name: "fieldDataType misspelt (FloatVectr)", inputs: index({ fieldDataType: "FloatVectr" }), property: "fieldDataType" },
  // CollectionIndex: type, metric and field type against each other.
  { kind: "CollectionIndex", name: "unknown indexType", inputs: index({ indexType: "HNSWW" }), property: "indexType" },
  { kind: "CollectionIndex", name: "indexType in lower case", inputs: index({ indexType: "hnsw" }), property: "indexType" },
  { kind: "CollectionIndex", name: "unknown metricType", inputs: index({ metricType: "EUCLIDEAN" }), property: "metricType", reason: /unknown metric type EUCLIDEAN/ },
  { kind: "CollectionIndex", name: "HNSW without a metric", inputs: without(index(), "metricType"), property: "metricType", reason: /HNSW needs a metric type/ },
  { kind: "CollectionIndex", name: "BIN_FLAT with L2", inputs: index({ indexType: "BIN_FLAT", metricType: "L2" }), property: "metricType", reason: /HAMMING or JACCARD/ },
  { kind: "CollectionIndex", name: "HNSW on a BinaryVector", inputs: index({ fieldDataType: "BinaryVector", metricType: "HAMMING" }), property: "indexType", reason: /cannot index a binary vector/ },
  { kind: "CollectionIndex", name: "HNSW with HAMMING (a binary metric)", inputs: index({ metricType: "HAMMING" }), property: "indexType" },
  { kind: "CollectionIndex", name: "HNSW on a VarChar field", inputs: index({ fieldDataType: "VarChar" }), property: "indexType", reason: /scalar field/ },
  { kind: "CollectionIndex", name: "HNSW on a sparse vector", inputs: sparseIndex({ indexType: "HNSW", metricType: "IP" }), property: "indexType", reason: /cannot index a sparse vector/ },
  { kind: "CollectionIndex", name: "HNSW with BM25", inputs: index({ metricType: "BM25" }), property: "metricType", reason: /does not support BM25/ },
  { kind: "CollectionIndex", name: "SPARSE_INVERTED_INDEX with L2", inputs: sparseIndex({ metricType: "L2" }), property: "metricType", reason: /IP or BM25/ },
  { kind: "CollectionIndex", name: "INVERTED with a metric", inputs: scalarIndex({ metricType: "L2" }), property: "metricType", reason: /takes no metric type/ },
  { kind: "CollectionIndex", name: "INVERTED on a FloatVector", inputs: scalarIndex({ fieldDataType: "FloatVector" }), property: "indexType", reason: /cannot index a FloatVector field/ },
  { kind: "CollectionIndex", name: "AUTOINDEX on a VarChar field with a metric", inputs: scalarIndex({ indexType: "AUTOINDEX", metricType: "COSINE" }), property: "metricType" },
  // CollectionIndex: target, names and settings.
  { kind: "CollectionIndex", name: "both clusterId and endpoint", inputs: index({ endpoint: "https://in01-0123abcd.api.gcp-us-west1.zillizcloud.com" }), property: "endpoint", reason: /exactly one of clusterId/ },
  { kind: "CollectionIndex", name: "neither clusterId nor endpoint", inputs: without(index(), "clusterId"), property: "clusterId" },
  { kind: "CollectionIndex", name: "endpoint without a scheme", inputs: without(index({ endpoint: "in01-0123abcd.zillizcloud.com:443" }), "clusterId"), property: "endpoint" },
  { kind: "CollectionIndex", name: "fieldName missing", inputs: without(index(), "fieldName"), property: "fieldName" },
  { kind: "CollectionIndex", name: "fieldName with a dot", inputs: index({ fieldName: "meta.a" }), property: "fieldName", reason: /not a valid field name/ },
  { kind: "CollectionIndex", name: "indexName with a space", inputs: index({ indexName: "vec index" }), property: "indexName", reason: /not a valid index name/ },
  { kind: "CollectionIndex", name: "collectionName with a hyphen", inputs: index({ collectionName: "my-docs" }), property: "collectionName" },
  { kind: "CollectionIndex", name: "waitForBuild as a string", inputs: index({ waitForBuild: "no" }), property: "waitForBuild" },
  { kind: "CollectionIndex", name: "waitTimeoutSeconds over a day", inputs: index({ waitTimeoutSeconds: 24 * 3600 + 1 }), property: "waitTimeoutSeconds" },
  { kind: "CollectionIndex", name: "adopt as a string", inputs: index({ adopt: "yes" }), property: "adopt" },
  // Project (issue 12).
  { kind: "Project", name: "projectName missing", inputs: without(project(), "projectName"), property: "projectName" },
  { kind: "Project", name: "empty projectName", inputs: project({ projectName: "  " }), property: "projectName", reason: /cannot be empty/ },
  { kind: "Project", name: "projectName of 65 characters", inputs: project({ projectName: "p".repeat(65) }), property: "projectName" },
  { kind: "Project", name: "plan Free (a cluster plan, not a project plan)", inputs: project({ plan: "Free" }), property: "plan" },
  { kind: "Project", name: "plan missing", inputs: without(project(), "plan"), property: "plan" },
  { kind: "Project", name: "regionIds a single string", inputs: project({ regionIds: "aws-us-west-2" }), property: "regionIds" },
  { kind: "Project", name: "a malformed region id", inputs: project({ regionIds: ["AWS us west"] }), property: "regionIds[0]", reason: /region id like/ },
  { kind: "Project", name: "regions (misspelt) suggests regionIds", inputs: project({ regions: ["aws-us-west-2"] }), property: "regions", reason: /did you mean "regionIds"/ },
  // ApiKey (issue 12).
  { kind: "ApiKey", name: "name missing", inputs: without(apiKey(), "name"), property: "name" },
  { kind: "ApiKey", name: "name of 65 characters", inputs: apiKey({ name: "k".repeat(65) }), property: "name" },
  { kind: "ApiKey", name: "orgRole missing", inputs: without(apiKey(), "orgRole"), property: "orgRole" },
  { kind: "ApiKey", name: "projects an object instead of a list", inputs: apiKey({ projects: { projectId: PROJ, role: "Owner" } }), property: "projects" },
  { kind: "ApiKey", name: "a grant without a role", inputs: apiKey({ projects: [{ projectId: PROJ }] }), property: "projects[0].role" },
  { kind: "ApiKey", name: "a project name instead of an id", inputs: apiKey({ projects: [{ projectId: "Default Project", role: "Owner" }] }), property: "projects[0].projectId", reason: /project id like/ },
  { kind: "ApiKey", name: "a cluster name instead of an id", inputs: apiKey({ projects: [{ projectId: PROJ, role: "Owner", clusterIds: ["search-prod"] }] }), property: "projects[0].clusterIds[0]", reason: /cluster id like/ },
  { kind: "ApiKey", name: "clusterIds with allCluster: true", inputs: apiKey({ projects: [{ projectId: PROJ, role: "Owner", allCluster: true, clusterIds: ["in01-0123abcd"] }] }), property: "projects[0].clusterIds", reason: /one or the other/ },
  { kind: "ApiKey", name: "volumeIds with allVolume: true", inputs: apiKey({ projects: [{ projectId: PROJ, role: "Owner", allVolume: true, volumeIds: ["staged"] }] }), property: "projects[0].volumeIds" },
  { kind: "ApiKey", name: "the same project granted twice", inputs: apiKey({ projects: [{ projectId: PROJ, role: "Owner" }, { projectId: PROJ, role: "Admin" }] }), property: "projects[1].projectId", reason: /granted twice/ },
  { kind: "ApiKey", name: "clusterId (singular) in a grant suggests clusterIds", inputs: apiKey({ projects: [{ projectId: PROJ, role: "Owner", clusterId: "in01-0123abcd" }] }), property: "projects[0].clusterId", reason: /did you mean "clusterIds"/ },
  { kind: "ApiKey", name: "the value (an output) is not an argument", inputs: apiKey({ apiKey: "secret" }), property: "apiKey", reason: /unknown argument "apiKey"/ },
  // Volume (issue 12).
  { kind: "Volume", name: "volumeName starting with a digit", inputs: volume({ volumeName: "1st" }), property: "volumeName", reason: /a letter, then/ },
  { kind: "Volume", name: "volumeName with a dot", inputs: volume({ volumeName: "a.b" }), property: "volumeName" },
  { kind: "Volume", name: "volumeName of 65 characters", inputs: volume({ volumeName: "v".repeat(65) }), property: "volumeName" },
  { kind: "Volume", name: "regionId missing", inputs: without(volume(), "regionId"), property: "regionId" },
  { kind: "Volume", name: "projectId not a project id", inputs: volume({ projectId: "staging" }), property: "projectId" },
  { kind: "Volume", name: "unknown type", inputs: volume({ type: "S3" }), property: "type" },
  { kind: "Volume", name: "EXTERNAL without integration and path", inputs: volume({ type: "EXTERNAL" }), property: ["path", "storageIntegrationId"], reason: /required for an EXTERNAL volume/ },
  { kind: "Volume", name: "a path on a MANAGED volume", inputs: volume({ path: "s3://b/p/" }), property: "path", reason: /EXTERNAL volumes only/ },
  { kind: "Volume", name: "waitTimeoutSeconds 0", inputs: volume({ waitTimeoutSeconds: 0 }), property: "waitTimeoutSeconds" },
  // ImportJob from a volume (issue 12).
  { kind: "ImportJob", name: "volumeName and objectUrls together", inputs: { ...volumeImport(), objectUrls: ["s3://b/a.parquet"] }, property: "volumeName", reason: /not both/ },
  { kind: "ImportJob", name: "volumeName without dataPaths", inputs: without(volumeImport(), "dataPaths"), property: "dataPaths", reason: /needs dataPaths/ },
  { kind: "ImportJob", name: "dataPaths without volumeName", inputs: without(volumeImport(), "volumeName"), property: ["dataPaths", "objectUrls"], reason: /needs volumeName/ },
  { kind: "ImportJob", name: "empty dataPaths", inputs: volumeImport({ dataPaths: [] }), property: "dataPaths", reason: /at least one/ },
  { kind: "ImportJob", name: "a volume import to a self-hosted endpoint", inputs: without(volumeImport({ endpoint: "http://localhost:19530" }), "clusterId"), property: "volumeName", reason: /use clusterId/ },
  { kind: "ImportJob", name: "a volume import over apiVersion v1", inputs: volumeImport({ apiVersion: "v1" }), property: "volumeName", reason: /apiVersion v2/ },
  { kind: "ImportJob", name: "volume (misspelt) suggests volumeName", inputs: without(volumeImport({ volume: "staged" }), "volumeName"), property: ["volume", "dataPaths", "objectUrls"], reason: /did you mean "volumeName"/ },
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
  { kind: "Cluster", name: "autoscaling ranges", inputs: scaled({ cu: { min: 2, max: 8 }, replica: { min: 1, max: 3 } }) },
  { kind: "Cluster", name: "autoscaling schedules with a fixed cuSize", inputs: scaled({ replica: { schedules: [{ cron: "0 8 * * 1-5", target: 2, timezone: "Europe/Berlin" }] } }, { cuSize: 4 }) },
  { kind: "BackupPolicy", name: "every setting", inputs: policy({ frequency: "7,1", enabled: false, crossRegionCopies: [{ regionId: "aws-us-east-1", retentionDays: 30 }] }) },
  { kind: "BackupPolicy", name: "unknown cluster id in a preview", inputs: policy({ clusterId: UNKNOWN }) },
  { kind: "Backup", name: "a cluster backup", inputs: backup() },
  { kind: "Backup", name: "collections in two databases, copied", inputs: backup({ collections: [{ collectionNames: ["a"] }, { dbName: "db1", collectionNames: ["b", "c"] }], crossRegionCopies: [{ regionId: "aws-us-east-1" }], waitTimeoutSeconds: 60 }) },
  { kind: "PrivateEndpoint", name: "AWS", inputs: endpoint() },
  { kind: "PrivateEndpoint", name: "GCP with its project", inputs: endpoint({ regionId: "gcp-us-west1", endpointId: "fr-1", gcpProjectId: "my-gcp" }) },
  { kind: "PrivateEndpointWhitelistEntry", name: "an AWS account", inputs: whitelist() },
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
  { kind: "ImportJob", name: "from a volume, with groups", inputs: volumeImport({ dataPaths: ["a.parquet", ["cols/id.npy", "cols/vec.npy"]] }) },
  { kind: "ImportJob", name: "from an unknown volume (volume.id in a preview)", inputs: volumeImport({ volumeName: UNKNOWN, dataPaths: UNKNOWN }) },
  { kind: "Project", name: "Project, the minimum", inputs: project() },
  { kind: "Project", name: "Project with regions and adopt", inputs: project({ plan: "BusinessCritical", regionIds: ["aws-us-west-2", "aws-us-east-1"], adopt: true }) },
  { kind: "Project", name: "Project with unknown values", inputs: project({ projectName: UNKNOWN, regionIds: UNKNOWN }) },
  { kind: "ApiKey", name: "ApiKey without projects", inputs: { name: "k", orgRole: "Owner" } },
  { kind: "ApiKey", name: "ApiKey with every grant field", inputs: apiKey({ projects: [{ projectId: PROJ, role: "Read-Only", allCluster: false, clusterIds: ["in01-0123abcd", "in05-0123abcd"], allVolume: false, volumeIds: ["staged"] }], adopt: true }) },
  { kind: "ApiKey", name: "ApiKey scoped by unknown ids (project.id, cluster.id)", inputs: apiKey({ projects: [{ projectId: UNKNOWN, role: "Admin", clusterIds: [UNKNOWN] }] }) },
  { kind: "Volume", name: "Volume, the minimum", inputs: volume() },
  { kind: "Volume", name: "Volume EXTERNAL with everything", inputs: volume({ type: "EXTERNAL", storageIntegrationId: "integ-0123", path: "s3://b/staging/", projectId: PROJ, waitTimeoutSeconds: 600, adopt: true }) },
  { kind: "Volume", name: "Volume with an unknown project", inputs: volume({ projectId: UNKNOWN }) },
  { kind: "Collection", name: "the minimum, targeted by cluster id", inputs: collection() },
  { kind: "Collection", name: "a self-hosted endpoint with a token", inputs: selfHosted({ endpoint: "https://milvus.internal.example:19530/", token: "root:Milvus" }) },
  {
    kind: "Collection",
    name: "everything set",
    inputs: collection({
      dbName: "analytics",
      description: "product docs",
      schema: {
        fields: [
          { name: "pk", dataType: "VarChar", maxLength: 64, isPrimary: true, autoId: false, description: "the key" },
          { name: "vec", dataType: "FloatVector", dim: 32768, typeParams: { "mmap.enabled": true } },
          { name: "bits", dataType: "BinaryVector", dim: 128 },
          { name: "half", dataType: "Float16Vector", dim: 2 },
          { name: "bf", dataType: "BFloat16Vector", dim: 16 },
          { name: "i8", dataType: "Int8Vector", dim: 16 },
          { name: "sparse", dataType: "SparseFloatVector" },
          { name: "tenant", dataType: "Int64", isPartitionKey: true },
          { name: "ts", dataType: "Int64", isClusteringKey: true },
          { name: "title", dataType: "VarChar", maxLength: 65535, nullable: true, defaultValue: "untitled", typeParams: { enable_analyzer: true } },
          { name: "score", dataType: "Float", defaultValue: 0.5 },
          { name: "live", dataType: "Bool", defaultValue: true },
          { name: "meta", dataType: "JSON", nullable: true },
          { name: "tags", dataType: "Array", elementType: "VarChar", maxCapacity: 4096, maxLength: 32 },
        ],
      },
      enableDynamicField: true,
      shardsNum: 16,
      consistencyLevel: "Bounded",
      properties: { "collection.ttl.seconds": 86400, "mmap.enabled": true, "partitionkey.isolation": "false" },
      loaded: true,
      allowDataLoss: true,
      adopt: true,
      apiVersion: "v2",
      waitTimeoutSeconds: 24 * 3600,
    }),
  },
  { kind: "Collection", name: "an autoId VarChar primary key", inputs: fields({ name: "id", dataType: "VarChar", maxLength: 36, isPrimary: true, autoId: true }, vec) },
  { kind: "Collection", name: "apiVersion v1: Int64 key and one FloatVector", inputs: collection({ apiVersion: "v1", description: "v1", schema: { fields: [{ ...pk, autoId: true }, vec] } }) },
  { kind: "Collection", name: "unknown values in a preview", inputs: collection({ clusterId: UNKNOWN, collectionName: UNKNOWN, description: UNKNOWN, properties: { "collection.ttl.seconds": UNKNOWN } }) },
  { kind: "Collection", name: "an unknown endpoint (cluster.connectAddress) and token", inputs: selfHosted({ endpoint: UNKNOWN, token: UNKNOWN }) },
  { kind: "Collection", name: "unknown values inside a field", inputs: fields(pk, { ...vec, dim: UNKNOWN }, { name: UNKNOWN, dataType: "VarChar", maxLength: UNKNOWN }) },
  { kind: "Collection", name: "an unknown field list", inputs: collection({ schema: { fields: UNKNOWN } }) },
  { kind: "Collection", name: "an unknown dataType", inputs: fields(pk, vec, { name: "x", dataType: UNKNOWN }) },

  { kind: "CollectionIndex", name: "HNSW with its params, by cluster id", inputs: index({ indexName: "vec_hnsw", params: { M: 16, efConstruction: 200 } }) },
  { kind: "CollectionIndex", name: "a self-hosted endpoint, dbName and token", inputs: without(index({ endpoint: "http://localhost:19530", token: "root:Milvus", dbName: "analytics" }), "clusterId") },
  { kind: "CollectionIndex", name: "AUTOINDEX on a VarChar field, no metric", inputs: scalarIndex({ indexType: "AUTOINDEX" }) },
  { kind: "CollectionIndex", name: "AUTOINDEX on a vector, no metric (the server's choice)", inputs: without(index({ indexType: "AUTOINDEX", fieldDataType: "FloatVector" }), "metricType") },
  { kind: "CollectionIndex", name: "AUTOINDEX on a vector with a metric and any params", inputs: index({ indexType: "AUTOINDEX", metricType: "IP", params: { build_level: 2 } }) },
  { kind: "CollectionIndex", name: "HNSW_SQ", inputs: index({ indexType: "HNSW_SQ", params: { M: 16, efConstruction: 200, sq_type: "SQ8", refine: true, refine_type: "FP16" } }) },
  { kind: "CollectionIndex", name: "HNSW_PQ", inputs: index({ indexType: "HNSW_PQ", metricType: "L2", params: { M: 16, m: 4, nbits: 8 } }) },
  { kind: "CollectionIndex", name: "HNSW_PRQ", inputs: index({ indexType: "HNSW_PRQ", params: { m: 4, nbits: 8, nrq: 2 } }) },
  { kind: "CollectionIndex", name: "IVF_RABITQ", inputs: index({ indexType: "IVF_RABITQ", metricType: "L2", params: { nlist: 1024, refine: true, refine_type: "SQ8" } }) },
  { kind: "CollectionIndex", name: "IVF_PQ", inputs: index({ indexType: "IVF_PQ", params: { nlist: 128, m: 4, nbits: 8 } }) },
  { kind: "CollectionIndex", name: "DISKANN with any params", inputs: index({ indexType: "DISKANN", params: { search_list_size: 100 } }) },
  { kind: "CollectionIndex", name: "FLAT without params", inputs: index({ indexType: "FLAT", fieldDataType: "Float16Vector" }) },
  { kind: "CollectionIndex", name: "BIN_IVF_FLAT with HAMMING on a BinaryVector", inputs: index({ indexType: "BIN_IVF_FLAT", metricType: "HAMMING", fieldDataType: "BinaryVector", params: { nlist: 64 } }) },
  { kind: "CollectionIndex", name: "BIN_FLAT with JACCARD (field type from the metric)", inputs: index({ indexType: "BIN_FLAT", metricType: "JACCARD" }) },
  { kind: "CollectionIndex", name: "SPARSE_INVERTED_INDEX with BM25", inputs: sparseIndex({ metricType: "BM25", params: { inverted_index_algo: "DAAT_MAXSCORE", bm25_k1: 1.2, bm25_b: 0.75 } }) },
  { kind: "CollectionIndex", name: "NGRAM", inputs: scalarIndex({ indexType: "NGRAM", params: { min_gram: 2, max_gram: 3 } }) },
  { kind: "CollectionIndex", name: "RTREE", inputs: without(scalarIndex({ indexType: "RTREE", fieldName: "geo" }), "fieldDataType") },
  { kind: "CollectionIndex", name: "STL_SORT, Trie and BITMAP take no params", inputs: scalarIndex({ indexType: "STL_SORT", fieldDataType: "Int64" }) },
  { kind: "CollectionIndex", name: "INVERTED on a JSON field with json_path and json_cast_type", inputs: scalarIndex({ fieldName: "meta", fieldDataType: "JSON", params: { json_path: 'meta["a"]', json_cast_type: "varchar" } }) },
  { kind: "CollectionIndex", name: "INVERTED on a VarChar field without params", inputs: scalarIndex() },
  { kind: "CollectionIndex", name: "local settings", inputs: index({ waitForBuild: false, waitTimeoutSeconds: 24 * 3600, adopt: true }) },
  { kind: "CollectionIndex", name: "unknown values in a preview", inputs: index({ clusterId: UNKNOWN, collectionName: UNKNOWN, fieldName: UNKNOWN, metricType: UNKNOWN, params: { M: UNKNOWN } }) },
  { kind: "CollectionIndex", name: "an unknown endpoint (cluster.connectAddress)", inputs: without(index({ endpoint: UNKNOWN }), "clusterId") },
  { kind: "CollectionIndex", name: "an unknown index type", inputs: index({ indexType: UNKNOWN, params: { M: 16 } }) },
  { kind: "CollectionIndex", name: "an unknown field type", inputs: index({ fieldDataType: UNKNOWN }) },
  { kind: "CollectionIndex", name: "unknown JSON path and cast type", inputs: scalarIndex({ fieldDataType: "JSON", params: { json_path: UNKNOWN, json_cast_type: UNKNOWN } }) },
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
