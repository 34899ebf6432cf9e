/**
 * Issue 8 through the real engine: adopt makes the object match the program (defect 6), adopt never binds
 * another project's cluster (defect 7), valid inputs are accepted (defect 9) and unknown argument keys are
 * refused with a suggestion (kernel-interface §12). Interface: /work/helper-notes/kernel-interface.md §7,
 * §9, §12 (defect 7 is issue 8's own text).
 *
 * On today's code (0.1.0) these fail:
 * - "defect 6, labels": adopt never applies labels; the server keeps none.
 * - "defect 6, suspended": adopt of a SUSPENDED cluster never resumes it; create waits for RUNNING until its
 *   deadline (here 5 s) and fails.
 * - "defect 6, description": the adopted collection keeps its empty description.
 * - "defect 7": with a list answer that ignored the projectId filter (a rewrite fault adds the other
 *   project's cluster), findByName takes it and the stack binds a cluster of another project.
 * - "defect 9": check refuses 9 of the 10 cases (one preview each): cuType Extended-capacity, AUTOINDEX on
 *   a VarChar field ("AUTOINDEX is a vector index"), HNSW_SQ, HNSW_PQ, HNSW_PRQ, IVF_RABITQ, NGRAM, RTREE
 *   (not in the indexType enum) and INVERTED's json_path/json_cast_type params. SPARSE_INVERTED_INDEX is
 *   accepted already.
 * - "unknown keys": zod strips unknown keys, so `cuSzie` previews fine (and `isPrimaryKey` fails for a
 *   different reason, without naming it).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../support/emulator";
import { failureOf } from "../support/engine-steps";
import { dedicated, DOCS_SCHEMA, emulatorConfig, pulumi, zilliz } from "../support/kernel-fixtures";
import { inlineStack, type TestStack } from "../support/pulumi";
import { apiCalls, cloud, createClusterOutside, dataPlane, describeCluster, liveClusters } from "../support/zilliz-rest";

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator({ legacyPort: false });
});
afterAll(async () => {
  await emulator?.close();
});

/** A stack whose program is whatever `build()` declares at the time of the run. */
async function openStack(projectName: string, build: () => Record<string, unknown>): Promise<TestStack> {
  return inlineStack({ projectName, config: emulatorConfig(emulator), program: async () => build() });
}

describe("defect 6: adopt makes the object match the program", () => {
  let test: TestStack | undefined;
  let program: () => Record<string, unknown> = () => ({});
  beforeAll(async () => {
    test = await openStack("kernel-adopt", () => program());
  });
  afterAll(async () => {
    // Adopted objects are deleted by destroy like any other; that is fine for this throwaway emulator.
    await test?.stack.setConfig("zilliz:allowDataLoss", { value: "true" }).catch(() => undefined);
    await test?.stack.destroy().catch(() => undefined);
    await test?.cleanup();
  });

  it("applies the program's labels to an adopted cluster", async () => {
    const outside = await createClusterOutside(emulator, { clusterName: "adopt-labels" });
    program = () => {
      const c = new zilliz.Cluster("labelled", dedicated("adopt-labels", { adopt: true, labels: { team: "search" } }));
      return { clusterId: c.clusterId };
    };
    const up = await test!.stack.up();
    expect(up.outputs.clusterId.value).toBe(outside.clusterId);
    // The server also has this stack's ownership mark (issue 9), never shown among the resource's labels.
    expect(await cloud(emulator, "GET", `/v2/clusters/${outside.clusterId}/labels`)).toEqual({ labels: { team: "search", "pulumi-zilliz-owner": expect.stringMatching(/^[0-9a-f]{16}$/) } });
    await test!.stack.preview({ expectNoChanges: true });
  });

  it("resumes an adopted SUSPENDED cluster when desiredStatus is unset", async () => {
    const outside = await createClusterOutside(emulator, { clusterName: "adopt-suspended" });
    await cloud(emulator, "POST", `/v2/clusters/${outside.clusterId}/suspend`, {});
    expect((await describeCluster(emulator, outside.clusterId)).status).toBe("SUSPENDED");
    const before = program;
    program = () => {
      const out = before();
      const c = new zilliz.Cluster("suspended", dedicated("adopt-suspended", { adopt: true, waitTimeoutSeconds: 5 }));
      return { ...out, suspendedId: c.clusterId, suspendedStatus: c.status };
    };
    const up = await test!.stack.up();
    expect(up.outputs.suspendedId.value).toBe(outside.clusterId);
    expect(up.outputs.suspendedStatus.value).toBe("RUNNING");
    expect((await describeCluster(emulator, outside.clusterId)).status).toBe("RUNNING");
    await test!.stack.preview({ expectNoChanges: true });
  });

  it("applies the program's description to an adopted collection", async () => {
    const host = (await liveClusters(emulator)).find((c) => c.clusterName === "adopt-labels")!;
    const created = await dataPlane(emulator, host.connectAddress, "collections/create", {
      collectionName: "adopted_docs",
      schema: {
        autoId: false,
        enableDynamicField: false,
        fields: [
          { fieldName: "id", dataType: "Int64", isPrimary: true },
          { fieldName: "title", dataType: "VarChar", elementTypeParams: { max_length: 64 } },
          { fieldName: "vec", dataType: "FloatVector", elementTypeParams: { dim: 4 } },
        ],
      },
    });
    expect(created.code).toBe(0);
    const before = program;
    program = () => {
      const out = before();
      const docs = new zilliz.Collection("adopted-docs", {
        endpoint: host.connectAddress,
        token: pulumi.secret(emulator.apiKey),
        collectionName: "adopted_docs",
        description: "notes",
        schema: DOCS_SCHEMA,
        adopt: true,
      });
      return { ...out, docsId: docs.id };
    };
    await test!.stack.up();
    const described = await dataPlane(emulator, host.connectAddress, "collections/describe", { collectionName: "adopted_docs" });
    const properties = (described.data.properties ?? []) as Array<{ key: string; value: string }>;
    const description = described.data.description || properties.find((p) => p.key === "collection.description")?.value;
    expect(description).toBe("notes");
    await test!.stack.preview({ expectNoChanges: true });
  });
});

describe("defect 7: adopt never binds a cluster of another project", () => {
  let test: TestStack | undefined;
  afterAll(async () => {
    await emulator.control.clearFaults();
    await test?.stack.destroy().catch(() => undefined);
    await test?.cleanup();
  });

  it("ignores a same-name cluster of another project even when the list answer includes it", async () => {
    const otherProject = (await cloud(emulator, "POST", "/v2/projects", { projectName: "elsewhere", plan: "Enterprise" })) as string;
    const foreign = await createClusterOutside(emulator, { clusterName: "shared-name", projectId: otherProject });
    const listed = (await cloud(emulator, "GET", `/v2/clusters?pageSize=100&projectId=${otherProject}`)).clusters as Array<Record<string, unknown>>;
    const foreignEntry = listed.find((c) => c.clusterId === foreign.clusterId)!;
    expect(foreignEntry.projectId).toBe(otherProject);
    // The server ignores the projectId filter: every list answer carries the other project's cluster.
    await emulator.control.injectFault({ method: "GET", path: "/v2/clusters", kind: "rewrite", times: 1000, edits: [{ op: "append", path: "data.clusters", value: foreignEntry }] });
    test = await openStack("kernel-wrong-project", () => {
      const c = new zilliz.Cluster("mine", dedicated("shared-name", { adopt: true }));
      return { clusterId: c.clusterId, projectId: c.projectId };
    });
    // Either outcome is honest: a new cluster in the stack's own project, or a refusal. Never the foreign one.
    const outcome = await test.stack.up().then(
      (r) => r,
      (e: Error) => e,
    );
    await emulator.control.clearFaults();
    if (!(outcome instanceof Error)) {
      expect(outcome.outputs.clusterId.value).not.toBe(foreign.clusterId);
      // projectId was left to the server, so the stack stores none: ask the server where the cluster lives.
      expect((await describeCluster(emulator, outcome.outputs.clusterId.value as string)).projectId).not.toBe(otherProject);
    }
    const foreignNow = await describeCluster(emulator, foreign.clusterId);
    expect(foreignNow).toMatchObject({ projectId: otherProject, status: "RUNNING" });
    // The stack does not hold the foreign cluster: destroying it leaves that cluster alone.
    await test.stack.destroy();
    expect((await describeCluster(emulator, foreign.clusterId)).status).toBe("RUNNING");
  });
});

describe("defect 9 and unknown keys: check accepts valid inputs and names unknown keys", () => {
  let test: TestStack | undefined;
  let program: () => Record<string, unknown> = () => ({});
  beforeAll(async () => {
    test = await openStack("kernel-inputs", () => program());
  });
  afterAll(async () => {
    await test?.cleanup();
  });

  // A data plane nobody listens on: a preview of new resources must not call it.
  const target = { endpoint: "http://127.0.0.1:9", token: "root:Milvus" };

  it("defect 9: previews valid inputs that 0.1.0 refused", async () => {
    const index = (name: string, args: Record<string, unknown>) => () =>
      new zilliz.CollectionIndex(name, { ...target, collectionName: "kinds", indexName: name.replace(/-/g, "_"), ...args });
    const cases: Array<[string, () => unknown]> = [
      ["cuType Extended-capacity", () => new zilliz.Cluster("extended", dedicated("extended", { cuType: "Extended-capacity" }))],
      ["AUTOINDEX on a scalar field", index("tag-auto", { fieldName: "tag", fieldDataType: "VarChar", indexType: "AUTOINDEX" })],
      ["HNSW_SQ", index("vec-hnsw-sq", { fieldName: "vec_sq", indexType: "HNSW_SQ", metricType: "COSINE", params: { M: 16, efConstruction: 64 } })],
      ["HNSW_PQ", index("vec-hnsw-pq", { fieldName: "vec_pq", indexType: "HNSW_PQ", metricType: "L2", params: { M: 16, efConstruction: 64 } })],
      ["HNSW_PRQ", index("vec-hnsw-prq", { fieldName: "vec_prq", indexType: "HNSW_PRQ", metricType: "IP", params: { M: 16, efConstruction: 64 } })],
      ["IVF_RABITQ", index("vec-rabitq", { fieldName: "vec_rq", indexType: "IVF_RABITQ", metricType: "L2", params: { nlist: 128 } })],
      ["SPARSE_INVERTED_INDEX", index("sparse", { fieldName: "sparse", indexType: "SPARSE_INVERTED_INDEX", metricType: "IP" })],
      ["NGRAM", index("title-ngram", { fieldName: "title", indexType: "NGRAM", params: { min_gram: 2, max_gram: 3 } })],
      ["RTREE", index("geo-rtree", { fieldName: "geo", indexType: "RTREE" })],
      ["INVERTED with JSON-path params", index("meta-json", { fieldName: "meta", fieldDataType: "JSON", indexType: "INVERTED", params: { json_path: 'meta["a"]', json_cast_type: "varchar" } })],
    ];
    await emulator.control.clearCalls();
    // One preview per input, so that a refusal names its case (the engine stops at the first failed check).
    const refused: string[] = [];
    for (const [label, declare] of cases) {
      program = () => {
        declare();
        return {};
      };
      const outcome = await test!.stack.preview().then(
        (r) => r,
        (e: Error) => e,
      );
      if (outcome instanceof Error) refused.push(`${label}: ${/has a problem: ([^\n]*)/.exec(outcome.message)?.[1] ?? outcome.message.slice(0, 200)}`);
      else expect(outcome.changeSummary.create, label).toBeGreaterThanOrEqual(1);
    }
    expect(refused).toEqual([]);
    expect(apiCalls(await emulator.control.calls())).toEqual([]);
  });

  it("unknown keys: refused at preview naming the property and the closest known name, with zero API calls", async () => {
    const cases: Array<[() => void, string, string]> = [
      [() => new zilliz.Cluster("typo", dedicated("typo", { cuSzie: 2 })), "cuSzie", "cuSize"],
      [
        () =>
          new zilliz.Collection("typo", {
            ...target,
            collectionName: "typo",
            schema: { fields: [{ name: "id", dataType: "Int64", isPrimaryKey: true }, { name: "vec", dataType: "FloatVector", dim: 4 }] },
          }),
        "isPrimaryKey",
        "isPrimary",
      ],
    ];
    await emulator.control.clearCalls();
    for (const [declare, wrong, suggestion] of cases) {
      program = () => {
        declare();
        return {};
      };
      const failure = await failureOf(test!.stack.preview(), `a preview with ${wrong}`);
      expect(failure.message).toContain(wrong);
      // The suggestion as a word of its own (isPrimary, not the isPrimary inside isPrimaryKey).
      expect(failure.message).toMatch(new RegExp(`\\b${suggestion}\\b`));
    }
    expect(apiCalls(await emulator.control.calls())).toEqual([]);
  });
});
