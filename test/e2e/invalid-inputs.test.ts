/**
 * Bad input fails at `pulumi preview` through the real engine, with an error naming the property, and
 * zilliz-local receives no API call at all.
 */
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator } from "../support/emulator";
import { inlineStack, repoRoot, type TestStack } from "../support/pulumi";

const zilliz = createRequire(`${repoRoot}/package.json`)("pulumi-zilliz");
type Emulator = Awaited<ReturnType<typeof startTestEmulator>>;

const vector = { name: "v", dataType: "FloatVector", dim: 8 };
const pk = { name: "id", dataType: "Int64", isPrimary: true };
const collection = (fields: unknown[], extra: Record<string, unknown> = {}) => ({ collectionName: "c", schema: { fields }, ...extra });
const index = (extra: Record<string, unknown>) => ({ collectionName: "c", fieldName: "v", indexType: "HNSW", metricType: "L2", ...extra });

// [resource class, args (endpoint added for data-plane kinds), a property path the error must name]
const cases: Array<[string, Record<string, unknown>, string]> = [
  ["Cluster", { clusterName: "x", plan: "Enterprise", regionId: "aws-us-west-2", cuSize: 0 }, "cuSize"],
  ["Cluster", { clusterName: "x", plan: "Free", regionId: "aws-us-west-2", cuSize: 2 }, "cuSize"],
  ["Cluster", { clusterName: "bad name!", plan: "Serverless", regionId: "aws-us-west-2" }, "clusterName"],
  ["Cluster", { clusterName: "x", plan: "Gold", regionId: "aws-us-west-2" }, "plan"],
  ["Collection", collection([pk, { ...vector, dim: 0 }]), "schema.fields[1].dim"],
  ["Collection", collection([pk, { ...pk, name: "id2" }, vector]), "schema.fields"],
  ["Collection", collection([{ name: "n", dataType: "Int64" }, vector]), "schema.fields"],
  ["Collection", collection([pk, { name: "x", dataType: "Float128" }, vector]), "schema.fields[1].dataType"],
  ["Collection", collection([pk, { name: "t", dataType: "VarChar" }, vector]), "schema.fields[1].maxLength"],
  ["Collection", collection([pk, vector, { ...vector }]), "schema.fields"],
  ["Collection", collection([pk, vector], { consistencyLevel: "Sometimes" }), "consistencyLevel"],
  ["Collection", { ...collection([pk, vector]), collectionName: "9-bad" }, "collectionName"],
  ["CollectionIndex", index({ fieldDataType: "BinaryVector", metricType: "HAMMING" }), "indexType"],
  ["CollectionIndex", index({ indexType: "IVF_FLAT", params: { nlist: 0 } }), "params.nlist"],
  ["ImportJob", { collectionName: "c", objectUrls: [["not a url"]] }, "objectUrls"],
  ["ImportJob", { collectionName: "c", objectUrls: [] }, "objectUrls"],
];

describe("invalid inputs at preview", () => {
  let emulator: Emulator;
  let test: TestStack | undefined;
  let current: [string, Record<string, unknown>] = ["Cluster", {}];

  beforeAll(async () => {
    emulator = await startTestEmulator();
    test = await inlineStack({
      projectName: "invalid-inputs",
      config: {
        "zilliz:cloudApiUrl": { value: emulator.url },
        "zilliz:apiKey": { value: emulator.apiKey, secret: true },
      },
      program: async () => {
        const [kind, args] = current;
        const endpoint = kind === "Cluster" ? {} : { endpoint: "http://127.0.0.1:9", token: "root:Milvus" };
        new zilliz[kind]("subject", { ...endpoint, ...args });
      },
    });
  });
  afterAll(async () => {
    await test?.cleanup();
    await emulator?.close();
  });

  it(`fails each of ${cases.length} cases naming the property, with zero API calls`, async () => {
    await emulator.control.clearCalls();
    for (const [kind, args, property] of cases) {
      current = [kind, args];
      const failure = await test!.stack.preview().then(
        () => undefined,
        (error: Error) => error,
      );
      expect(failure, `${kind} ${JSON.stringify(args)} should fail at preview`).toBeInstanceOf(Error);
      expect(failure!.message, `${kind} ${JSON.stringify(args)}`).toContain(property);
      // A check failure reported by our provider, not some other engine error.
      expect(failure!.message).toContain("has a problem");
      if (process.env.SHOW_MESSAGES) console.log(failure!.message.split("\n").filter((l) => l.includes("problem")).join("\n"));
    }
    const { calls } = await emulator.control.calls();
    expect(calls.filter((c) => !c.path.startsWith("/__emulator"))).toEqual([]);
  });
});
