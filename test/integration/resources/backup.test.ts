/** Backup through the runtime against zilliz-local: the wait on the cloud job, partial state and resume, delete. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../support/emulator";
import { controlCalls, dedicatedCluster, directClient } from "./cloud-calls";
import { expectPartial, providerFor, refreshNoDiff, rejectionMessage, up } from "./harness";

let emu: TestEmulator;
let clusterId = "";
beforeAll(async () => {
  emu = await startTestEmulator();
  clusterId = (await dedicatedCluster(emu, "bk-cluster")).id;
});
afterEach(async () => emu.control.setTransition("cluster", "immediate"));
afterAll(async () => emu?.close());

describe("Backup of a whole cluster", () => {
  let id = "";
  let outs: Record<string, unknown> = {};
  const inputs = () => ({ clusterId });

  it("creates a CLUSTER backup and follows its job until AVAILABLE, logging progress", async () => {
    await emu.control.setTransition("cluster", "time:400");
    const { p, logs } = providerFor("Backup", emu);
    ({ id, outs } = await up(p, inputs()));
    expect(id).toMatch(/^backup/);
    expect(outs).toMatchObject({ clusterId, backupId: id, backupType: "CLUSTER", status: "AVAILABLE", jobId: expect.stringMatching(/^job-/), stateVersion: 2 });
    expect(outs).not.toHaveProperty("collections");
    expect(logs.some((l) => l.includes(`backup ${id}: job IN_PROGRESS`) && l.includes("waiting for AVAILABLE"))).toBe(true);
  });

  it("refresh costs one read call and shows no diff; a no-change diff makes no call", async () => {
    const { p } = providerFor("Backup", emu);
    const calls = await controlCalls(emu, () => refreshNoDiff(p, id, outs, inputs()));
    expect(calls).toEqual([`GET /v2/clusters/${clusterId}/backups/${id}`]);
    expect(await controlCalls(emu, () => p.diff(id, outs, inputs()))).toEqual([]);
  });

  it("a deadline change updates in place without a call; a collection list replaces", async () => {
    const { p } = providerFor("Backup", emu);
    expect(await p.diff(id, outs, { ...inputs(), waitTimeoutSeconds: 60 })).toMatchObject({ changes: true, replaces: [] });
    expect(await controlCalls(emu, () => p.update(id, outs, { ...inputs(), waitTimeoutSeconds: 60 }))).toEqual([]);
    expect(await p.diff(id, outs, { ...inputs(), collections: [{ collectionNames: ["docs"] }] })).toMatchObject({ replaces: ["collections"] });
  });

  it("delete removes it and waits until it is gone; a second delete is a no-op", async () => {
    const { p } = providerFor("Backup", emu);
    await p.delete(id, outs);
    expect(await p.read(id, outs)).toEqual({});
    await expect(directClient(emu).backups.describe(clusterId, id)).rejects.toThrow(/96042|not exist/);
    await p.delete(id, outs);
  });
});

describe("Backup of some collections, with a wait that times out", () => {
  it("times out into partial state (the id kept, the wait pending); the next up resumes it", async () => {
    await emu.control.setTransition("cluster", "manual");
    const { p } = providerFor("Backup", emu);
    const inputs = { clusterId, collections: [{ collectionNames: ["docs", "faq"] }], waitTimeoutSeconds: 1 };
    const checked = await p.check({}, inputs);
    const err = await expectPartial(p.create(checked.inputs!));
    const id = err.id;
    expect(id).toMatch(/^backup/);
    expect(err.properties).toMatchObject({ backupId: id, status: "CREATING", pendingWork: { operation: "create", step: "wait AVAILABLE" } });
    expect(err.properties.__provider).toEqual(expect.any(String));
    expect(err.reasons.join()).toMatch(/to be AVAILABLE/);
    const stored = err.properties as Record<string, unknown>;
    // Still not done: the resumed wait fails again, honestly.
    expect(await p.diff(id, stored, inputs)).toMatchObject({ changes: true, replaces: [] });
    await expectPartial(p.update(id, stored, inputs));
    await emu.control.advance("cluster", id);
    const outs = (await p.update(id, stored, inputs)).outs as Record<string, unknown>;
    expect(outs).toMatchObject({ status: "AVAILABLE", backupType: "COLLECTION", collections: [{ collectionNames: ["docs", "faq"] }] });
    expect(outs).not.toHaveProperty("pendingWork");
    expect((await p.diff(id, outs, inputs)).changes).toBe(false);
    const { p: fresh } = providerFor("Backup", emu);
    const r = await refreshNoDiff(fresh, id, outs, inputs);
    expect(r.props).not.toHaveProperty("pendingWork");
    await fresh.delete(id, outs);
    expect(await fresh.read(id, outs)).toEqual({});
  });

  it("Backup.get reads a backup by id with only the cluster given", async () => {
    const made = await directClient(emu).backups.create(clusterId, { backupType: "COLLECTION", dbCollections: [{ dbName: "db1", collectionNames: ["b", "a"] }] });
    const { p } = providerFor("Backup", emu);
    const r = await p.read(made.backupId, { clusterId });
    expect(r.props).toMatchObject({ clusterId, backupId: made.backupId, backupType: "COLLECTION", collections: [{ dbName: "db1", collectionNames: ["b", "a"] }] });
    await p.delete(made.backupId, r.props as Record<string, unknown>);
  });
});

describe("Backup create whose answer is lost", () => {
  it("finds the one new backup in the cluster's list instead of failing or making a second one", async () => {
    const { p, logs } = providerFor("Backup", emu);
    // The server makes the backup, but its answer is unreadable (as after a cut connection or a broken proxy).
    await emu.control.injectFault({ method: "POST", path: `/v2/clusters/${clusterId}/backups/create`, kind: "rewrite", edits: [{ op: "remove", path: "data.backupId" }] });
    const { id, outs } = await up(p, { clusterId });
    expect(outs).toMatchObject({ backupId: id, status: "AVAILABLE", backupType: "CLUSTER" });
    expect(outs).not.toHaveProperty("jobId");
    expect(logs.join("\n")).toMatch(/answer was lost.*\n.*the lost request was carried out/);
    const all = await directClient(emu).backups.list({ clusterId, backupType: "CLUSTER" });
    const ids: string[] = [];
    for await (const b of all) ids.push(b.backupId);
    expect(ids).toEqual([id]);
    await p.delete(id, outs);
  });

  it("a create refused by the server (no backup made) fails with the server's error", async () => {
    const { p } = providerFor("Backup", emu);
    await emu.control.injectFault({ method: "POST", path: `/v2/clusters/${clusterId}/backups/create`, kind: "code", code: 96038, message: "Failed to create the backup." });
    expect(await rejectionMessage(p.create({ clusterId }))).toMatch(/Failed to create the backup/);
  });
});

describe("Restoring (docs/backups.md): a client call, then the new cluster adopted into the stack", () => {
  it("restores a cluster backup into a new cluster, follows the job, and Cluster.get reads the result", async () => {
    const { p } = providerFor("Backup", emu);
    const backup = await up(p, { clusterId });
    const zc = directClient(emu);
    const restored = await zc.backups.restoreCluster(clusterId, backup.id, { clusterName: "bk-restored", collectionStatus: "KEEP" });
    const job = await zc.cloudJobs.describe(restored.jobId!);
    expect(job).toMatchObject({ type: "RESTORE_CLUSTER", status: "SUCCESSFUL" });
    const { p: cp } = providerFor("Cluster", emu);
    const r = await cp.read(restored.clusterId, {});
    expect(r.props).toMatchObject({ clusterId: restored.clusterId, clusterName: "bk-restored", status: "RUNNING", plan: "Enterprise" });
    await cp.delete(restored.clusterId, r.props as Record<string, unknown>);
    await p.delete(backup.id, backup.outs);
  });
});

describe("Backup input rules", () => {
  it("refuses bad input at check, with no call", async () => {
    const { p } = providerFor("Backup", emu);
    const calls = await controlCalls(emu, async () => {
      const r = await p.check({}, { clusterId: "not-a-cluster", collections: [], waitTimeout: 5 });
      expect((r.failures ?? []).map((f) => f.property).sort()).toEqual(["clusterId", "collections", "waitTimeout"]);
    });
    expect(calls).toEqual([]);
  });

  it("a Serverless cluster is refused by the server with its own message", async () => {
    const { p } = providerFor("Cluster", emu);
    const serverless = await up(p, { clusterName: "bk-sl", plan: "Serverless", regionId: "gcp-us-west1" });
    const { p: bp } = providerFor("Backup", emu);
    expect(await rejectionMessage(bp.create({ clusterId: serverless.id }))).toMatch(/Serverless/i);
  });
});
