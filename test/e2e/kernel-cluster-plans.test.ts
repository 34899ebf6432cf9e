/**
 * Issue 8 through the real engine: what a preview plans around a Cluster (defects 1, 8, 10, 11), against
 * zilliz-local with immediate transitions. Written against the interface of docs in
 * /work/helper-notes/kernel-interface.md (§1, §2, §8, §10, §11).
 *
 * On today's code (0.1.0) these fail, each for the defect it guards:
 * - "defect 1, README wiring": the first `up` fails at check: Collection/CollectionIndex do not know
 *   `clusterId` (zod strips it) and require `endpoint`.
 * - "defect 1, older wiring": the resize preview plans `replace` for the Collection, the CollectionIndex
 *   (endpoint = cluster.connectAddress is unknown) and the ImportJob (clusterId = cluster.clusterId is unknown).
 * - "defect 10": read returns projectId and replica as inputs, and refresh stores them although the
 *   program leaves them unset. (The CLI v3.248 used here does not print the `[diff: +projectId,replica]`
 *   the issue quotes, since it diffs outputs on refresh; the stored inputs show the defect.)
 * - "defect 11, label drift": refresh does not read labels, so the state keeps the old ones and the next
 *   preview plans no labels change (it plans projectId/replica instead).
 * - "defect 11, resize wait": the wait returns as soon as the status is RUNNING, so `up` succeeds although
 *   the cluster still reports the old cuSize.
 * - "defect 8": a cuType/plan/regionId/projectId change previews as a replace instead of failing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../support/emulator";
import { changedSteps, failureOf, previewSteps, upSteps } from "../support/engine-steps";
import { dedicated, DOCS_SCHEMA, emulatorConfig, pulumi, ROWS, ROWS_URL, zilliz } from "../support/kernel-fixtures";
import { inlineStack, stateResources, type TestStack } from "../support/pulumi";
import { cloud, describeCluster, importSubmissions, liveClusters, rowCount } from "../support/zilliz-rest";

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator({ legacyPort: false });
});
afterAll(async () => {
  await emulator?.close();
});

/** A cluster with a collection, an index and a completed import, wired one of the two ways. */
function dataStack(projectName: string, wiring: "readme" | "older", cluster: () => Record<string, unknown>) {
  return inlineStack({
    projectName,
    config: emulatorConfig(emulator),
    program: async () => {
      const c = new zilliz.Cluster("search", cluster());
      const target =
        wiring === "readme"
          ? { clusterId: c.id }
          : { endpoint: c.connectAddress, token: pulumi.interpolate`${c.username}:${c.password}` };
      const docs = new zilliz.Collection("docs", { ...target, collectionName: "docs", schema: DOCS_SCHEMA });
      const index = new zilliz.CollectionIndex("vec", {
        ...target,
        collectionName: docs.collectionName,
        fieldName: "vec",
        indexType: "HNSW",
        metricType: "COSINE",
        params: { M: 16, efConstruction: 64 },
      });
      const job = new zilliz.ImportJob(
        "load",
        { clusterId: wiring === "readme" ? c.id : c.clusterId, collectionName: docs.collectionName, objectUrls: [ROWS_URL] },
        { dependsOn: [index] },
      );
      return { clusterId: c.clusterId, connectAddress: c.connectAddress, importedRows: job.importedRows };
    },
  });
}

describe.each([
  { wiring: "readme" as const, title: "defect 1, README wiring (clusterId: cluster.id)" },
  { wiring: "older" as const, title: "defect 1, older wiring (endpoint: cluster.connectAddress)" },
])("$title", ({ wiring }) => {
  let test: TestStack | undefined;
  let cluster = dedicated(`plans-${wiring}`, { labels: { team: "search" } });
  let clusterId = "";
  let connectAddress = "";

  beforeAll(async () => {
    test = await dataStack(`kernel-plans-${wiring}`, wiring, () => cluster);
  });
  afterAll(async () => {
    await test?.stack.setConfig("zilliz:allowDataLoss", { value: "true" }).catch(() => undefined);
    await test?.stack.destroy().catch(() => undefined);
    await test?.cleanup();
  });

  it("brings up a cluster, a collection, an index and a completed import", async () => {
    const up = await test!.stack.up();
    expect(up.outputs.importedRows.value).toBe(ROWS);
    clusterId = up.outputs.clusterId.value;
    connectAddress = up.outputs.connectAddress.value;
    expect(await rowCount(emulator, connectAddress, "docs")).toBe(ROWS);
    await test!.stack.preview({ expectNoChanges: true });
  });

  it("resize: the preview plans the cluster's update and nothing else, and the up touches nothing else", async () => {
    expect(clusterId).not.toBe("");
    cluster = { ...cluster, cuSize: 2, waitTimeoutSeconds: 600 };
    const { result, steps } = await previewSteps(test!.stack);
    if (wiring === "readme") {
      // The README wiring: exactly one update, everything else the same.
      expect(changedSteps(steps)).toEqual(["Cluster search: update"]);
      expect(Object.keys(result.changeSummary).sort()).toEqual(["same", "update"]);
      expect(result.changeSummary.update).toBe(1);
    } else {
      // The older wiring: dependants may plan an update (their endpoint is unknown), never a replace.
      expect(steps.find((s) => s.type === "Cluster")?.op).toBe("update");
      for (const s of steps) expect(["same", "update"], `${s.type} ${s.name} plans ${s.op}`).toContain(s.op);
      expect(result.changeSummary).not.toHaveProperty("replace");
      expect(result.changeSummary).not.toHaveProperty("create");
      expect(result.changeSummary).not.toHaveProperty("delete");
    }
    await emulator.control.clearCalls();
    const { result: up, steps: done } = await upSteps(test!.stack);
    expect(up.summary.result).toBe("succeeded");
    expect(changedSteps(done)).toEqual(["Cluster search: update"]);
    expect(importSubmissions(await emulator.control.calls())).toBe(0);
    expect(await describeCluster(emulator, clusterId)).toMatchObject({ cuSize: 2, status: "RUNNING" });
    expect(await rowCount(emulator, connectAddress, "docs")).toBe(ROWS);
    await test!.stack.preview({ expectNoChanges: true });
  });

  it("a labels change previews the same way: one cluster update", async () => {
    expect(clusterId).not.toBe("");
    cluster = { ...cluster, labels: { team: "search", env: "e2e" } };
    const { result, steps } = await previewSteps(test!.stack);
    expect(steps.find((s) => s.type === "Cluster")?.op).toBe("update");
    expect(result.changeSummary).not.toHaveProperty("replace");
    if (wiring === "readme") expect(changedSteps(steps)).toEqual(["Cluster search: update"]);
    const up = await test!.stack.up();
    expect(up.summary.resourceChanges).toMatchObject({ update: 1 });
    expect(up.summary.resourceChanges).not.toHaveProperty("replace");
    expect(importSubmissions(await emulator.control.calls())).toBe(0);
  });
});

describe("a Cluster alone: refresh (defect 10), label drift and the resize wait (defect 11), replacement guard (defect 8)", () => {
  let test: TestStack | undefined;
  // projectId and replica left unset, as most programs do.
  let cluster: Record<string, unknown> = dedicated("plans-alone", { labels: { team: "search" } });
  let clusterId = "";

  beforeAll(async () => {
    test = await inlineStack({
      projectName: "kernel-plans-alone",
      config: emulatorConfig(emulator),
      program: async () => {
        const c = new zilliz.Cluster("alone", cluster);
        return { clusterId: c.clusterId, status: c.status };
      },
    });
    const up = await test.stack.up();
    clusterId = up.outputs.clusterId.value;
  });
  afterAll(async () => {
    await test?.stack.destroy().catch(() => undefined);
    await test?.cleanup();
  });

  it("defect 10: refresh of a cluster whose program leaves projectId and replica unset shows no diff", async () => {
    const refresh = await test!.stack.refresh();
    expect(refresh.summary.resourceChanges).not.toHaveProperty("update");
    // What read returned as inputs is stored: exactly what the program wrote, no server defaults added.
    const stored = (await stateResources(test!.stack)).find((r) => r.type === "pulumi-nodejs:dynamic/zilliz:Cluster")!;
    expect(stored.inputs).not.toHaveProperty("projectId");
    expect(stored.inputs).not.toHaveProperty("replica");
    await test!.stack.refresh({ expectNoChanges: true });
    await test!.stack.preview({ expectNoChanges: true });
  });

  it("defect 11: labels changed on the server show up as drift on refresh, and up puts them back", async () => {
    await cloud(emulator, "PUT", `/v2/clusters/${clusterId}/labels`, { labels: { team: "other", owner: "someone" } });
    const refresh = await test!.stack.refresh();
    expect(refresh.summary.resourceChanges).toMatchObject({ update: 1 });
    const stored = (await stateResources(test!.stack)).find((r) => r.type === "pulumi-nodejs:dynamic/zilliz:Cluster")!;
    expect(stored.outputs.labels).toEqual({ team: "other", owner: "someone" });
    const { steps } = await previewSteps(test!.stack);
    expect(changedSteps(steps)).toEqual(["Cluster alone: update"]);
    // (The engine's event carries no changed keys for dynamic resources, which report none; the stored labels above
    // and the one planned update are what the drift is.)
    await test!.stack.up();
    // With this stack's ownership mark back too (issue 9; never shown among the resource's labels).
    expect(await cloud(emulator, "GET", `/v2/clusters/${clusterId}/labels`)).toEqual({ labels: { team: "search", "pulumi-zilliz-owner": expect.stringMatching(/^[0-9a-f]{16}$/) } });
    await test!.stack.preview({ expectNoChanges: true });
  });

  it("defect 11: after a resize the wait checks that cuSize reached the target, not only the status", async () => {
    // The server reports RUNNING at once but keeps answering the old size (as a cluster does while the
    // resize is still being applied): the wait must not call that done.
    await emulator.control.injectFault({
      target: "control",
      method: "GET",
      path: `/v2/clusters/${clusterId}`,
      kind: "rewrite",
      times: 1000,
      edits: [{ op: "set", path: "data.cuSize", value: 1 }],
    });
    cluster = { ...cluster, cuSize: 2, waitTimeoutSeconds: 3 };
    const failure = await failureOf(test!.stack.up(), "an up whose resize never shows");
    expect(failure.message).toMatch(/cuSize|size/i);
    await emulator.control.clearFaults();
    // The size shows now: the next up resumes the wait and converges.
    const up = await test!.stack.up();
    expect(up.summary.result).toBe("succeeded");
    expect(await describeCluster(emulator, clusterId)).toMatchObject({ cuSize: 2, status: "RUNNING" });
    await test!.stack.preview({ expectNoChanges: true });
  });

  it("defect 8: a change that replaces the cluster fails at preview naming the property, unless allowDataLoss", async () => {
    const otherProject = (await cloud(emulator, "POST", "/v2/projects", { projectName: "other", plan: "Enterprise" })) as string;
    const ownProject = ((await describeCluster(emulator, clusterId)) as { projectId: string }).projectId;
    // projectId was left to the server: a preview cannot know (with no API call) whether a project named now is
    // the cluster's own, so it plans an update that checks when applied. Another project then fails naming
    // projectId, and nothing is deleted.
    cluster = { ...cluster, projectId: otherProject };
    expect((await test!.stack.preview()).changeSummary).toMatchObject({ update: 1 });
    const wrong = await failureOf(test!.stack.up(), "an up naming another project for a cluster whose project was left to the server");
    expect(wrong.message).toMatch(/projectId: the server has .*pulumi up --replace/s);
    expect((await liveClusters(emulator)).map((c) => c.clusterId)).toContain(clusterId);
    // Its own project: the update goes through and records it.
    cluster = { ...cluster, projectId: ownProject };
    await test!.stack.up();
    await test!.stack.preview({ expectNoChanges: true });
    const base = cluster;
    const changes: Array<[string, Record<string, unknown>]> = [
      ["cuType", { cuType: "Capacity-optimized" }],
      ["plan", { plan: "BusinessCritical" }],
      ["regionId", { regionId: "aws-us-east-1" }],
      ["projectId", { projectId: otherProject }],
    ];
    await emulator.control.clearCalls();
    for (const [property, change] of changes) {
      cluster = { ...base, ...change };
      const failure = await failureOf(test!.stack.preview(), `a preview changing ${property}`);
      expect(failure.message).toContain(property);
      expect(failure.message).toMatch(/allowDataLoss/);
    }
    // Nothing was changed on the server by those previews.
    const mutating = (await emulator.control.calls()).calls.filter((c) => c.method !== "GET");
    expect(mutating).toEqual([]);
    // Opting in, in the program: the replace is planned.
    cluster = { ...base, cuType: "Capacity-optimized", allowDataLoss: true };
    const optedIn = await test!.stack.preview();
    expect(optedIn.changeSummary).toMatchObject({ replace: 1 });
    // Opting in through the stack config.
    cluster = { ...base, cuType: "Capacity-optimized" };
    await test!.stack.setConfig("zilliz:allowDataLoss", { value: "true" });
    const byConfig = await test!.stack.preview();
    expect(byConfig.changeSummary).toMatchObject({ replace: 1 });
    await test!.stack.removeConfig("zilliz:allowDataLoss");
    cluster = base;
    expect((await liveClusters(emulator)).map((c) => c.clusterId)).toContain(clusterId);
  });
});
