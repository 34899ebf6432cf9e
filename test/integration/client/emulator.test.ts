/**
 * The client against zilliz-local (an independent implementation of the same references): a cluster
 * lifecycle with waits, a collection on the cluster's data plane, import-job errors, a 503 retried on
 * a read but not on a create, and the legacy 0.x API.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  collect,
  MilvusClient,
  NotFoundError,
  normalizeClusterStatus,
  ServerError,
  waitFor,
  ZillizClient,
  type Cluster,
  LegacyMilvusClient,
} from "../../../src/client";
import { startTestEmulator, type TestEmulator } from "../../support/emulator";

let emu: TestEmulator;
let cp: ZillizClient;
const noWait = async () => undefined;

beforeAll(async () => {
  emu = await startTestEmulator({ suspendStateNames: "STOPPING" });
  cp = new ZillizClient({ apiKey: emu.apiKey, baseUrl: emu.url, sleep: noWait, requestsPerSecond: 1000 });
});
afterAll(async () => emu?.close());

const running = (c: Cluster) => (normalizeClusterStatus(c.status) === "RUNNING" ? "done" : "pending");

describe("ZillizClient against zilliz-local", () => {
  let clusterId = "";
  let connectAddress = "";
  let password = "";

  it("creates a dedicated cluster in the default project and waits for RUNNING", async () => {
    const projects = await cp.projects.list();
    const project = projects.find((p) => p.projectName === "Default Project");
    expect(project).toBeDefined();
    const created = await cp.clusters.createDedicated({ clusterName: `client-it-${Date.now()}`, projectId: project!.projectId, regionId: "gcp-us-west1", plan: "Enterprise", cuType: "Performance-optimized", cuSize: 1 });
    expect(created.clusterId).toMatch(/^in01-/);
    clusterId = created.clusterId;
    password = created.password;
    const c = await waitFor({ poll: () => cp.clusters.describe(clusterId), check: running, timeoutMs: 30_000, intervalMs: 50 });
    connectAddress = c.connectAddress ?? "";
    expect(connectAddress).not.toBe("");
    const listed = await collect(cp.clusters.list({ projectId: project!.projectId }));
    expect(listed.map((x) => x.clusterId)).toContain(clusterId);
  });

  it("suspends (STOPPED normalised to SUSPENDED) and resumes", async () => {
    await cp.clusters.suspend(clusterId);
    const s = await waitFor({ poll: () => cp.clusters.describe(clusterId), check: (c) => (normalizeClusterStatus(c.status) === "SUSPENDED" ? "done" : "pending"), timeoutMs: 30_000, intervalMs: 50 });
    expect(["STOPPED", "SUSPENDED"]).toContain(s.status);
    await cp.clusters.resume(clusterId);
    await waitFor({ poll: () => cp.clusters.describe(clusterId), check: running, timeoutMs: 30_000, intervalMs: 50 });
  });

  it("manages a collection on the cluster's data plane", async () => {
    const mv = new MilvusClient({ endpoint: connectAddress, token: `db_admin:${password}`, sleep: noWait, requestsPerSecond: 1000 });
    await mv.collections.create({ collectionName: "client_it", dimension: 8 });
    expect(await mv.collections.has({ collectionName: "client_it" })).toBe(true);
    const d = await mv.collections.describe({ collectionName: "client_it" });
    expect(d.fields.map((f) => f.name)).toEqual(["id", "vector"]);
    expect(d.collectionID).toMatch(/^\d+$/);
    await mv.collections.drop({ collectionName: "client_it" });
    await expect(mv.collections.describe({ collectionName: "client_it" })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("reports an unknown import job as NotFoundError", async () => {
    await expect(cp.importJobs.getProgress({ clusterId, jobId: "job-doesnotexist0000000000" })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("retries a read through an injected 503 but never re-sends a create", async () => {
    await emu.control.injectFault({ method: "GET", path: `/v2/clusters/${clusterId}`, kind: "status", status: 503, times: 1 });
    expect((await cp.clusters.describe(clusterId)).clusterId).toBe(clusterId);
    await emu.control.injectFault({ method: "POST", path: "/v2/clusters/createServerless", kind: "status", status: 503, times: 1 });
    await emu.control.clearCalls();
    const err = await cp.clusters.createServerless({ clusterName: "never-twice", projectId: "proj-x", regionId: "gcp-us-west1" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServerError);
    const calls = await emu.control.calls();
    expect(calls.calls.filter((c) => c.path.includes("createServerless"))).toHaveLength(1);
  });

  it("drops the cluster; describe then shows DELETED or NotFound", async () => {
    await cp.clusters.drop(clusterId);
    const after = await cp.clusters.describe(clusterId).then((c) => c.status, (e: unknown) => e);
    if (after instanceof NotFoundError) expect(after.kind).toBe("not_found");
    else expect(["DELETING", "DELETED"]).toContain(after);
  });
});

describe("LegacyMilvusClient against zilliz-local", () => {
  it("creates, lists, describes and drops a 0.x collection", async () => {
    expect(emu.legacyUrl).toBeDefined();
    const legacy = new LegacyMilvusClient({ endpoint: emu.legacyUrl!, sleep: noWait, requestsPerSecond: 1000 });
    await legacy.state();
    await legacy.createCollection({ collection_name: "legacy_it", dimension: 4, index_file_size: 10, metric_type: "L2" });
    const all = await collect(legacy.listCollections({ pageSize: 2 }));
    expect(all.map((c) => c.collection_name)).toContain("legacy_it");
    expect((await legacy.describeCollection("legacy_it")).dimension).toBe(4);
    await legacy.dropCollection("legacy_it");
    await expect(legacy.describeCollection("legacy_it")).rejects.toMatchObject({ kind: "not_found" });
  });
});
