import * as pulumi from "@pulumi/pulumi";
import { beforeAll, describe, expect, it } from "vitest";
import { Cluster, Collection, CollectionIndex, ImportJob, Index } from "../../../src/index";
import { clusterSpec } from "../../../src/resources/cluster/cluster-spec";
import { indexSpec } from "../../../src/resources/collection-index/index-spec";
import { collectionSpec } from "../../../src/resources/collection/collection-spec";
import { importJobSpec } from "../../../src/resources/import-job/import-job-spec";
import { allKeys } from "../../../src/resources/shared/spec";

const registered: Array<{ type: string; name: string; inputs: Record<string, unknown>; id?: string }> = [];

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        registered.push({ type: args.type, name: args.name, inputs: args.inputs, id: args.id });
        return { id: args.id ?? `${args.name}-id`, state: { ...args.inputs, clusterId: "in01-abc", status: "RUNNING" } };
      },
      call: () => ({}),
    },
    "proj",
    "stack",
    false,
  );
});

const value = <T>(o: pulumi.Output<T>) => new Promise<T>((resolve) => o.apply(resolve));

describe("resource classes", () => {
  it("register real type tokens with the tiny provider module and output-only keys", async () => {
    const c = new Cluster("c", { clusterName: "c-1", plan: "Serverless", regionId: "gcp-us-west1" });
    const coll = new Collection("docs", { endpoint: "https://h", collectionName: "docs", schema: { fields: [{ name: "id", dataType: "Int64", isPrimary: true }] } });
    const idx = new CollectionIndex("vec", { endpoint: "https://h", collectionName: "docs", fieldName: "vec", indexType: "HNSW", metricType: "L2" });
    const job = new ImportJob("job", { clusterId: "in01-abc", collectionName: "docs", objectUrls: ["s3://b/a.json"] });
    expect(await value(c.clusterId)).toBe("in01-abc");
    void [coll, idx, job];
    // Registration is asynchronous: wait until the four resources reached the (mock) engine.
    for (let i = 0; i < 100 && registered.length < 4; i++) await new Promise((r) => setTimeout(r, 20));
    const types = registered.map((r) => r.type);
    expect(types).toEqual(expect.arrayContaining([
      "pulumi-nodejs:dynamic/zilliz:Cluster", "pulumi-nodejs:dynamic/zilliz:Collection", "pulumi-nodejs:dynamic/zilliz:CollectionIndex", "pulumi-nodejs:dynamic/zilliz:ImportJob",
    ]));
    for (const r of registered) {
      const text = r.inputs.__provider as string;
      expect(text.length).toBeLessThan(2048);
      expect([...text.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(["pulumi-zilliz/runtime"]);
    }
    expect(Index).toBe(CollectionIndex);
  });

  it("fill the Cluster's hidden ownership mark from project, stack, kind and name", async () => {
    const { ownerMarkOf } = await import("../../../src/resources/shared/ownership-mark");
    new Cluster("marked", { clusterName: "marked-1", plan: "Serverless", regionId: "gcp-us-west1" });
    for (let i = 0; i < 100 && !registered.some((r) => r.name === "marked"); i++) await new Promise((r) => setTimeout(r, 20));
    expect(registered.find((r) => r.name === "marked")?.inputs.ownerMark).toBe(ownerMarkOf({ project: "proj", stack: "stack", kind: "Cluster", name: "marked" }));
  });

  it("get() reads by id and still exposes every output", async () => {
    const got = Cluster.get("existing", "in01-xyz");
    expect(await value(got.id)).toBe("in01-xyz");
    expect(await value(got.status)).toBe("RUNNING");
    expect(registered.find((r) => r.name === "existing")?.type).toBe("pulumi-nodejs:dynamic/zilliz:Cluster");
  });

  it("are derived from their spec: named by kind, with an Output for every property of the spec", () => {
    const fields = [{ name: "id", dataType: "Int64" as const, isPrimary: true }];
    const cases: Array<[string, object, readonly string[]]> = [
      ["Cluster", new Cluster("derived-c", { clusterName: "c-3", plan: "Serverless", regionId: "gcp-us-west1" }), allKeys(clusterSpec)],
      ["Collection", new Collection("derived-docs", { endpoint: "https://h", collectionName: "docs", schema: { fields } }), allKeys(collectionSpec)],
      ["CollectionIndex", new CollectionIndex("derived-idx", { endpoint: "https://h", collectionName: "docs", fieldName: "vec", indexType: "HNSW", metricType: "L2" }), allKeys(indexSpec)],
      ["ImportJob", new ImportJob("derived-job", { clusterId: "in01-abc", collectionName: "docs", objectUrls: ["s3://b/a.json"] }), allKeys(importJobSpec)],
    ];
    expect([Cluster.name, Collection.name, CollectionIndex.name, ImportJob.name]).toEqual(cases.map(([kind]) => kind));
    for (const [kind, resource, keys] of cases) {
      expect(keys.length, kind).toBeGreaterThan(3);
      const missing = keys.filter((k) => !pulumi.Output.isInstance((resource as Record<string, unknown>)[k]));
      expect(missing, kind).toEqual([]);
    }
  });

  it("never mutates or shares the caller's args", () => {
    const args = { clusterName: "c-2", plan: "Free" as const, regionId: "gcp-us-west1" };
    new Cluster("a", args);
    new Cluster("b", args);
    expect(args).toEqual({ clusterName: "c-2", plan: "Free", regionId: "gcp-us-west1" });
  });
});

describe("credential inputs", () => {
  it("are registered as secrets even when given as plain strings", async () => {
    const before = registered.length;
    new Collection("secret-docs", { endpoint: "https://h", token: "user:pass", collectionName: "docs", schema: { fields: [{ name: "id", dataType: "Int64", isPrimary: true }] } });
    new ImportJob("secret-job", { clusterId: "in01-abc", collectionName: "docs", objectUrls: ["s3://b/a.json"], accessKey: "AK", secretKey: "SK" });
    for (let i = 0; i < 100 && registered.length < before + 2; i++) await new Promise((r) => setTimeout(r, 20));
    const docs = registered.find((r) => r.name === "secret-docs")!;
    const job = registered.find((r) => r.name === "secret-job")!;
    // The SDK's wire form of a secret: the special signature key with the secret signature, and the value.
    const secret = (value: string) => ({ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value });
    expect(docs.inputs.token).toEqual(secret("user:pass"));
    expect(job.inputs.accessKey).toEqual(secret("AK"));
    expect(job.inputs.secretKey).toEqual(secret("SK"));
    expect(docs.inputs.collectionName).toBe("docs");
  });
});
