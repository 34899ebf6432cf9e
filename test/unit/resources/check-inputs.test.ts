import { describe, expect, it } from "vitest";
import { clusterInputsSchema } from "../../../src/resources/cluster/cluster-schema";
import { collectionInputsSchema } from "../../../src/resources/collection/collection-schema";
import { indexInputsSchema } from "../../../src/resources/collection-index/index-schema";
import { importJobInputsSchema } from "../../../src/resources/import-job/import-job-schema";
import { validateInputs } from "../../../src/resources/shared/check-inputs";
import { UNKNOWN } from "../../../src/resources/shared/unknowns";

const endpoint = "https://in01-abc.api.gcp-us-west1.zillizcloud.com";
const fields = () => [
  { name: "id", dataType: "Int64", isPrimary: true, autoId: true },
  { name: "title", dataType: "VarChar", maxLength: 256 },
  { name: "vec", dataType: "FloatVector", dim: 8 },
];
const collection = (over: Record<string, unknown> = {}) => ({ endpoint, collectionName: "docs", schema: { fields: fields() }, ...over });
const withField = (i: number, patch: Record<string, unknown>) => {
  const f: Record<string, unknown>[] = fields();
  f[i] = { ...f[i], ...patch };
  return collection({ schema: { fields: f } });
};
const cluster = (over: Record<string, unknown> = {}) => ({ clusterName: "c-1", plan: "Standard", regionId: "gcp-us-west1", ...over });
const index = (over: Record<string, unknown> = {}) => ({ endpoint, collectionName: "docs", fieldName: "vec", indexType: "HNSW", metricType: "L2", params: { M: 16, efConstruction: 200 }, ...over });
const importJob = (over: Record<string, unknown> = {}) => ({ clusterId: "in01-0123abcd", collectionName: "docs", objectUrls: ["s3://bucket/a.parquet"], ...over });

type Case = [name: string, schema: Parameters<typeof validateInputs>[0], inputs: Record<string, unknown>, property: string];

// Each invalid input must fail before any API call, naming the property at fault.
const invalid: Case[] = [
  ["dim 0", collectionInputsSchema, withField(2, { dim: 0 }), "schema.fields[2].dim"],
  ["two primary keys", collectionInputsSchema, withField(1, { isPrimary: true, dataType: "VarChar" }), "schema.fields[1].isPrimary"],
  ["no primary key", collectionInputsSchema, withField(0, { isPrimary: false, autoId: undefined }), "schema.fields"],
  ["unknown data type", collectionInputsSchema, withField(1, { dataType: "Text" }), "schema.fields[1].dataType"],
  ["maxLength missing on VarChar", collectionInputsSchema, withField(1, { maxLength: undefined }), "schema.fields[1].maxLength"],
  ["bad consistency level", collectionInputsSchema, collection({ consistencyLevel: "Weak" }), "consistencyLevel"],
  ["duplicate field names", collectionInputsSchema, withField(1, { name: "id" }), "schema.fields[1].name"],
  ["bad collection name", collectionInputsSchema, collection({ collectionName: "1-docs" }), "collectionName"],
  ["binary dim not a multiple of 8", collectionInputsSchema, withField(2, { dataType: "BinaryVector", dim: 12 }), "schema.fields[2].dim"],
  ["Array without elementType", collectionInputsSchema, withField(1, { dataType: "Array", maxLength: undefined, maxCapacity: 4 }), "schema.fields[1].elementType"],
  ["no vector field", collectionInputsSchema, collection({ schema: { fields: fields().slice(0, 2) } }), "schema.fields"],
  ["endpoint not a URL", collectionInputsSchema, collection({ endpoint: "in01-abc" }), "endpoint"],
  ["Float primary key", collectionInputsSchema, withField(0, { dataType: "Float" }), "schema.fields[0].dataType"],
  ["HNSW on a binary vector", indexInputsSchema, index({ fieldDataType: "BinaryVector", metricType: "HAMMING" }), "indexType"],
  ["binary vector with L2", indexInputsSchema, index({ indexType: "BIN_FLAT", params: {}, fieldDataType: "BinaryVector" }), "metricType"],
  ["nlist out of range", indexInputsSchema, index({ indexType: "IVF_FLAT", params: { nlist: 100000 } }), "params.nlist"],
  ["unknown build param", indexInputsSchema, index({ params: { M: 16, ef: 10 } }), "params.ef"],
  ["metric on a scalar index", indexInputsSchema, index({ indexType: "INVERTED", params: {} }), "metricType"],
  ["cuSize 0 on Dedicated", clusterInputsSchema, cluster({ cuSize: 0 }), "cuSize"],
  ["Free with cuSize", clusterInputsSchema, cluster({ plan: "Free", cuSize: 2 }), "cuSize"],
  ["SUSPENDED on Serverless", clusterInputsSchema, cluster({ plan: "Serverless", desiredStatus: "SUSPENDED" }), "desiredStatus"],
  ["cluster name with spaces", clusterInputsSchema, cluster({ clusterName: "my cluster" }), "clusterName"],
  ["unknown plan", clusterInputsSchema, cluster({ plan: "Dedicated" }), "plan"],
  ["malformed object URL", importJobInputsSchema, importJob({ objectUrls: ["s3:/bucket"] }), "objectUrls[0]"],
  ["malformed URL inside a group", importJobInputsSchema, importJob({ objectUrls: [["s3://b/x.npy", "nope"]] }), "objectUrls[0][1]"],
  ["empty objectUrls", importJobInputsSchema, importJob({ objectUrls: [] }), "objectUrls"],
  ["both clusterId and endpoint", importJobInputsSchema, importJob({ endpoint }), "clusterId"],
  ["accessKey without secretKey", importJobInputsSchema, importJob({ accessKey: "AK" }), "secretKey"],
];

describe("check: invalid inputs fail naming the property", () => {
  // Titles come from plain strings only: formatting a zod schema into a test name exhausts the heap.
  it.each(invalid.map(([name, schema, inputs, property]) => ({ name, schema, inputs, property })))("$name → $property", ({ schema, inputs, property }) => {
    const { failures } = validateInputs(schema, inputs);
    expect(failures.map((f) => f.property)).toContain(property);
    for (const f of failures) expect(f.reason.length).toBeGreaterThan(0);
  });

  it("has at least 15 distinct cases", () => {
    expect(new Set(invalid.map((c) => c[0])).size).toBeGreaterThanOrEqual(15);
  });
});

describe("check: valid inputs", () => {
  it.each([
    ["collection", collectionInputsSchema, collection({ consistencyLevel: "Bounded", properties: { "collection.ttl.seconds": 60 } })],
    ["nullable scalar with default", collectionInputsSchema, withField(1, { nullable: true, defaultValue: "x" })],
    ["dedicated cluster", clusterInputsSchema, cluster({ cuSize: 2, replica: 2, desiredStatus: "SUSPENDED", labels: { team: "a" } })],
    ["free cluster", clusterInputsSchema, cluster({ plan: "Free" })],
    ["HNSW index", indexInputsSchema, index()],
    ["IVF_PQ index", indexInputsSchema, index({ indexType: "IVF_PQ", params: { nlist: 128, m: 4, nbits: 8 } })],
    ["binary index", indexInputsSchema, index({ indexType: "BIN_IVF_FLAT", metricType: "JACCARD", params: { nlist: 16 }, fieldDataType: "BinaryVector" })],
    ["scalar index", indexInputsSchema, index({ fieldName: "title", indexType: "INVERTED", metricType: undefined, params: undefined })],
    ["cloud import", importJobInputsSchema, importJob({ objectUrls: ["s3://b/a.parquet", ["gs://b/x.npy", "gs://b/y.npy"]], accessKey: "a", secretKey: "s" })],
    ["self-hosted import", importJobInputsSchema, importJob({ clusterId: undefined, endpoint, objectUrls: [["rows/part-1.json"]] })],
  ] as const)("%s passes", (_name: string, schema: unknown, inputs: unknown) => {
    expect(validateInputs(schema as Parameters<typeof validateInputs>[0], inputs as Record<string, unknown>).failures).toEqual([]);
  });

  it("ignores __provider", () => {
    expect(validateInputs(clusterInputsSchema, { ...cluster(), __provider: "exports.handler=…" }).failures).toEqual([]);
  });
});

describe("check: preview's unknown values are not validated", () => {
  it("skips an unknown endpoint computed from a cluster not yet created", () => {
    expect(validateInputs(collectionInputsSchema, collection({ endpoint: UNKNOWN, token: UNKNOWN })).failures).toEqual([]);
  });

  it("skips an unknown dim but still reports the other field's error", () => {
    const inputs = collection({ schema: { fields: [fields()[0], { name: "title", dataType: "VarChar" }, { name: "vec", dataType: "FloatVector", dim: UNKNOWN }] } });
    const props = validateInputs(collectionInputsSchema, inputs).failures.map((f) => f.property);
    expect(props).toEqual(["schema.fields[1].maxLength"]);
  });

  it("skips a wholly unknown schema and an unknown clusterId", () => {
    expect(validateInputs(collectionInputsSchema, collection({ schema: UNKNOWN })).failures).toEqual([]);
    expect(validateInputs(importJobInputsSchema, importJob({ clusterId: UNKNOWN })).failures).toEqual([]);
  });
});
