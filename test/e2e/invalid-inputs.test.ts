/**
 * Bad input fails at `pulumi preview` through the real engine, every mistake reported as a check failure
 * naming its property (and, for a mistyped key, the closest known name), and zilliz-local receives no API
 * call at all. Each preview holds one resource with several independent mistakes, so ~70 kinds of bad
 * input across the four resources cost about twenty previews.
 */
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator } from "../support/emulator";
import { inlineStack, repoRoot, type TestStack } from "../support/pulumi";

const zilliz = createRequire(`${repoRoot}/package.json`)("pulumi-zilliz");
type Emulator = Awaited<ReturnType<typeof startTestEmulator>>;

const target = { clusterId: "in01-0123abcd" };
const selfHosted = { endpoint: "http://127.0.0.1:9", token: "root:Milvus" };
const pk = { name: "id", dataType: "Int64", isPrimary: true };
const vec = { name: "v", dataType: "FloatVector", dim: 8 };
const collection = (fields: unknown[], extra: Record<string, unknown> = {}) => ({ ...target, collectionName: "c", schema: { fields }, ...extra });
const index = (extra: Record<string, unknown>) => ({ ...target, collectionName: "c", fieldName: "v", indexType: "HNSW", metricType: "L2", ...extra });
const importJob = (extra: Record<string, unknown>) => ({ ...target, collectionName: "c", objectUrls: ["s3://bucket/a.parquet"], ...extra });
/** A reason that only has to exist. */
const any = /./;

/**
 * One preview: a resource whose args hold several independent mistakes, and every property the preview must
 * name with what its reason must say. Each named property is one kind of bad input; they are grouped so
 * that none masks another (a type error stops the cross-property rules, so those go in their own preview).
 */
type Case = { kind: string; args: Record<string, unknown>; expect: Record<string, RegExp> };

const cases: Case[] = [
  // Cluster: each property's own type, and a mistyped key.
  {
    kind: "Cluster",
    args: { clusterName: "bad name!", plan: "Gold", regionId: "GCP-US-WEST1", projectId: "Default Project", cuSzie: 2, cuSize: 0, replica: 11, labels: { team: "v".repeat(256) }, desiredStatus: "STOPPED", waitTimeoutSeconds: 0 },
    expect: { cuSize: any, replica: any, clusterName: /letters, digits and hyphens/, plan: any, regionId: /region id like/, projectId: /project id like/, cuSzie: /did you mean "cuSize"/, "labels.team": any, desiredStatus: any, waitTimeoutSeconds: any },
  },
  // Cluster: rules across properties.
  { kind: "Cluster", args: { clusterName: "x", plan: "Free", regionId: "aws-us-west-2", cuSize: 2 }, expect: { cuSize: /Dedicated plans only/ } },
  { kind: "Cluster", args: { clusterName: "x", plan: "Serverless", regionId: "aws-us-west-2", desiredStatus: "SUSPENDED", replica: 2 }, expect: { desiredStatus: /cannot be suspended/, replica: any } },
  { kind: "Cluster", args: { clusterName: "x", plan: "Standard", regionId: "aws-us-west-2", apiVersion: "v1", labels: { a: "b" }, cuType: "Extended-capacity" }, expect: { labels: /apiVersion v2/, cuType: /apiVersion v2/ } },

  // Collection: unknown keys at the top and inside a field, each field's own rules, and the target.
  {
    kind: "Collection",
    args: collection(
      [pk, { ...vec, dim: 1 }, { name: "t", dataType: "VarChar" }, { name: "b", dataType: "BinaryVector", dim: 12 }, { name: "n", dataType: "Int32", isPrimaryKey: true }, { name: "a", dataType: "Array" }, { name: "f", dataType: "Float", defaultValue: "zero" }],
      { enableDynamicFields: true, ...selfHosted },
    ),
    expect: {
      "schema.fields[1].dim": /between 2 and 32768/,
      "schema.fields[2].maxLength": /needs maxLength/,
      "schema.fields[3].dim": /multiple of 8/,
      "schema.fields[4].isPrimaryKey": /did you mean "isPrimary"/,
      "schema.fields[5].elementType": /needs elementType/,
      "schema.fields[5].maxCapacity": /needs maxCapacity/,
      "schema.fields[6].defaultValue": /does not match Float/,
      enableDynamicFields: /did you mean "enableDynamicField"/,
      endpoint: /exactly one of clusterId/,
    },
  },
  // Collection: rules across fields, and neither target.
  {
    kind: "Collection",
    args: { collectionName: "c", schema: { fields: [pk, { ...pk, name: "id2" }, vec, { ...vec }, { name: "k1", dataType: "Int64", isPartitionKey: true }, { name: "k2", dataType: "Int64", isPartitionKey: true }] } },
    expect: { "schema.fields[1].isPrimary": /exactly one primary key/, "schema.fields[3].name": /duplicate field name/, "schema.fields[5].isPartitionKey": /at most one/, clusterId: /exactly one of clusterId/ },
  },
  {
    kind: "Collection",
    args: collection([{ name: "n", dataType: "Int64" }, { name: "t", dataType: "Bool" }]),
    expect: { "schema.fields": /no primary key|at least one vector field/ },
  },
  // Collection: names and settings of the wrong type.
  {
    kind: "Collection",
    args: { ...collection([pk, vec, { name: "x", dataType: "Float128" }, { name: "my-tag", dataType: "Bool" }]), collectionName: "9-bad", dbName: "my-db", consistencyLevel: "Sometimes", shardsNum: 17, loaded: "yes", clusterId: "search-prod", endpoint: "localhost:19530" },
    expect: { endpoint: /http\(s\) URL/, collectionName: /not a valid collection name/, dbName: /not a valid database name/, consistencyLevel: any, shardsNum: any, loaded: any, clusterId: /cluster id like/, "schema.fields[2].dataType": any, "schema.fields[3].name": /not a valid field name/ },
  },
  // Collection: REST v1's fixed shape.
  {
    kind: "Collection",
    args: collection([{ name: "id", dataType: "VarChar", maxLength: 8, isPrimary: true }, vec], { apiVersion: "v1", properties: { "collection.ttl.seconds": 60 }, loaded: true }),
    expect: { "schema.fields": /apiVersion v1 supports exactly/, properties: /apiVersion v2/, loaded: /apiVersion v2/ },
  },

  // CollectionIndex: unknown keys, params per index type, metric.
  {
    kind: "CollectionIndex",
    args: index({ metricType: "EUCLIDEAN", params: { efConstruct: 200, M: 1 }, metric: "L2", fieldName: "meta.a", indexName: "v index" }),
    expect: { metricType: /unknown metric type/, "params.efConstruct": /did you mean "efConstruction"/, "params.M": any, metric: /did you mean "metricType"/, fieldName: /not a valid field name/, indexName: /not a valid index name/ },
  },
  { kind: "CollectionIndex", args: index({ indexType: "INVERTED", fieldDataType: "JSON" }), expect: { metricType: /takes no metric type/, params: /needs json_path and json_cast_type/ } },
  { kind: "CollectionIndex", args: index({ indexType: "FLAT", fieldDataType: "BinaryVector", params: { nlist: 128 } }), expect: { indexType: /cannot index a binary vector/, metricType: /HAMMING or JACCARD/, "params.nlist": /FLAT: unknown argument "nlist"/ } },
  { kind: "CollectionIndex", args: index({ indexType: "SPARSE_INVERTED_INDEX", fieldDataType: "SparseFloatVector", params: { drop_ratio_build: 1 } }), expect: { metricType: /IP or BM25/, "params.drop_ratio_build": any } },
  { kind: "CollectionIndex", args: index({ fieldDataType: "VarChar", ...selfHosted }), expect: { indexType: /scalar field/, endpoint: /exactly one of clusterId/ } },
  { kind: "CollectionIndex", args: index({ indexType: "hnsw", waitTimeoutSeconds: 0, collectionName: "my-docs" }), expect: { indexType: any, waitTimeoutSeconds: any, collectionName: /not a valid collection name/ } },
  { kind: "CollectionIndex", args: index({ indexType: "AUTOINDEX", fieldDataType: "VarChar", metricType: "COSINE" }), expect: { metricType: /takes no metric type/ } },

  // ImportJob: names, object URLs, a mistyped key.
  {
    kind: "ImportJob",
    args: importJob({ collectionName: "1docs", partitionName: "p 1", objectUrls: ["s3:/bucket/a.parquet", "ftp://host/a.parquet", ["s3://b/x.npy", "nope"]], accesKey: "AK" }),
    expect: { collectionName: /not a valid collection name/, partitionName: /not a valid partition name/, "objectUrls[0]": /object URL such as s3:\/\//, "objectUrls[1]": any, "objectUrls[2][1]": any, accesKey: /did you mean "accessKey"/ },
  },
  { kind: "ImportJob", args: importJob({ apiVersion: "v1", objectUrls: ["s3://b/a.parquet", "s3://b/b.parquet"], dbName: "analytics", secretKey: "SK" }), expect: { objectUrls: /exactly one object URL/, dbName: /apiVersion v2/, accessKey: /go together/ } },
  { kind: "ImportJob", args: importJob({ ...selfHosted, objectUrls: [] }), expect: { clusterId: /exactly one of clusterId/, objectUrls: /at least one/ } },
];

/** The properties the engine reported as check failures, with their reasons (`property X value … has a problem: why`). */
function reported(message: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of message.split("\n")) {
    const m = /property (\S+) value .* has a problem: (.*)$/.exec(line);
    if (m && !out.has(m[1]!)) out.set(m[1]!, m[2]!);
  }
  return out;
}

describe("invalid inputs at preview", () => {
  let emulator: Emulator;
  let test: TestStack | undefined;
  let current: Case = cases[0]!;

  beforeAll(async () => {
    emulator = await startTestEmulator();
    test = await inlineStack({
      projectName: "invalid-inputs",
      config: {
        "zilliz:cloudApiUrl": { value: emulator.url },
        "zilliz:apiKey": { value: emulator.apiKey, secret: true },
      },
      program: async () => {
        new zilliz[current.kind]("subject", current.args);
      },
    });
  });
  afterAll(async () => {
    await test?.cleanup();
    await emulator?.close();
  });

  const kinds = cases.reduce((n, c) => n + Object.keys(c.expect).length, 0);

  it(`rejects ${kinds} kinds of bad input in ${cases.length} previews, naming each property, with zero API calls`, async () => {
    expect(kinds).toBeGreaterThanOrEqual(40);
    expect(new Set(cases.map((c) => c.kind))).toEqual(new Set(["Cluster", "Collection", "CollectionIndex", "ImportJob"]));
    await emulator.control.clearCalls();
    for (const c of cases) {
      current = c;
      const label = `${c.kind} ${JSON.stringify(c.args)}`;
      const failure = await test!.stack.preview().then(
        () => undefined,
        (error: Error) => error,
      );
      expect(failure, `${label} should fail at preview`).toBeInstanceOf(Error);
      const got = reported(failure!.message);
      if (process.env.SHOW_MESSAGES) console.log([...got].map(([p, r]) => `${c.kind} ${p}: ${r}`).join("\n"));
      // Exactly the expected properties (a mistake reported under another name, or an extra one, fails).
      expect([...got.keys()].sort(), label).toEqual(Object.keys(c.expect).sort());
      for (const [property, reason] of Object.entries(c.expect)) expect(got.get(property), `${label}: ${property}`).toMatch(reason);
    }
    const { calls } = await emulator.control.calls();
    expect(calls.filter((c) => !c.path.startsWith("/__emulator"))).toEqual([]);
  });
});
