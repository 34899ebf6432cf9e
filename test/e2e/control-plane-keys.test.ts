/**
 * Issue 12's environment through the real engine against zilliz-local: a project holding two Dedicated
 * clusters (the first with CU autoscaling, a backup policy and an on-demand backup), an API key scoped to the
 * first whose value is a Collection's token, and a volume feeding an ImportJob. The key is proved by data-plane calls (accepted on its cluster, refused on the other); then a
 * preview and a refresh find nothing to change, and destroy leaves nothing on the emulator.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../support/emulator";
import { inlineStack, repoRoot, type TestStack } from "../support/pulumi";

// The classes come from the built package, as a user's program loads them.
const zilliz = createRequire(`${repoRoot}/package.json`)("pulumi-zilliz");
const region = "aws-us-west-2";
const rows = { rows: [0, 1, 2].map((i) => ({ tag: `t${i}`, vec: [i, 0.1, 0.2, 0.3] })) };

describe("a project with an autoscaled, backed-up cluster, a scoped ApiKey and a Volume through the real engine", () => {
  let emulator: TestEmulator;
  let test: TestStack | undefined;

  /** The emulator's own control-plane answer (`data`), with the org key. */
  async function cloud(p: string): Promise<any> {
    const res = await fetch(`${emulator.url}${p}`, { headers: { Authorization: `Bearer ${emulator.apiKey}` } });
    const body = (await res.json()) as { code: number; data: unknown };
    expect(body.code).toBe(0);
    return body.data;
  }

  /** A data-plane call with `token`: HTTP status, body code and data. */
  async function plane(endpoint: string, p: string, body: unknown, token: string): Promise<{ status: number; code: number; data?: any }> {
    const res = await fetch(`${endpoint}/v2/vectordb/${p}`, { method: "POST", headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" }, body: JSON.stringify(body) });
    const parsed = (await res.json()) as { code: number; data?: unknown };
    return { status: res.status, code: parsed.code, data: parsed.data };
  }

  beforeAll(async () => {
    const importRoot = mkdtempSync(path.join(tmpdir(), "zilliz-e2e-volume-"));
    // zilliz-local reads a MANAGED volume "e2e-staged" from <importRoot>/e2e-staged/… (docs/emulator.md).
    mkdirSync(path.join(importRoot, "e2e-staged", "batch"), { recursive: true });
    writeFileSync(path.join(importRoot, "e2e-staged", "batch", "rows.json"), JSON.stringify(rows));
    emulator = await startTestEmulator({ importRoot });
    test = await inlineStack({
      projectName: "control-plane-keys",
      config: {
        "zilliz:cloudApiUrl": { value: emulator.url },
        "zilliz:apiKey": { value: emulator.apiKey, secret: true },
      },
      program: async () => {
        const project = new zilliz.Project("env", { projectName: "e2e-env", plan: "Enterprise" });
        const a = new zilliz.Cluster("e2e-a", { clusterName: "e2e-a", plan: "Enterprise", regionId: region, projectId: project.id, autoscaling: { cu: { min: 1, max: 4 } } });
        const b = new zilliz.Cluster("e2e-b", { clusterName: "e2e-b", plan: "Enterprise", regionId: region, cuSize: 1, projectId: project.id });
        const policy = new zilliz.BackupPolicy("nightly", { clusterId: a.id, frequency: "1,2,3,4,5", startTime: "02:00-04:00", retentionDays: 7 });
        const backup = new zilliz.Backup("before-launch", { clusterId: a.id }, { dependsOn: [policy] });
        const key = new zilliz.ApiKey("svc", { name: "e2e-svc", orgRole: "Member", projects: [{ projectId: project.id, role: "Read-Write", clusterIds: [a.id] }] });
        const docs = new zilliz.Collection("docs", {
          endpoint: a.connectAddress,
          token: key.apiKey,
          collectionName: "docs",
          allowDataLoss: true,
          schema: { fields: [{ name: "id", dataType: "Int64", isPrimary: true, autoId: true }, { name: "tag", dataType: "VarChar", maxLength: 16 }, { name: "vec", dataType: "FloatVector", dim: 4 }] },
        });
        const volume = new zilliz.Volume("staged", { volumeName: "e2e-staged", projectId: project.id, regionId: region });
        const job = new zilliz.ImportJob("load", { clusterId: a.id, collectionName: docs.collectionName, volumeName: volume.id, dataPaths: ["batch/rows.json"] });
        return { projectId: project.id, clusterA: a.id, backupId: backup.id, backupStatus: backup.status, a: a.connectAddress, b: b.connectAddress, keyValue: key.apiKey, importedRows: job.importedRows };
      },
    });
  });
  afterAll(async () => {
    await test?.cleanup();
    await emulator?.close();
  });

  it("up creates everything; the key is accepted on its cluster's data plane and refused on the other's", async () => {
    const up = await test!.stack.up();
    expect(up.summary.result).toBe("succeeded");
    const o = up.outputs;
    expect(o.keyValue.secret).toBe(true);
    const value = o.keyValue.value as string;
    expect(value).toMatch(/^[0-9a-f]{80}$/);
    expect(o.importedRows.value).toBe(3);
    // The collection was created with the key as its token; the key lists it on cluster A.
    const onA = await plane(o.a.value, "collections/list", {}, value);
    expect(onA).toMatchObject({ status: 200, code: 0, data: ["docs"] });
    expect(await plane(o.b.value, "collections/list", {}, value)).toMatchObject({ status: 401, code: 1800 });
    // The volume's rows were imported once.
    const stats = await plane(o.a.value, "collections/get_stats", { collectionName: "docs" }, emulator.apiKey);
    expect(Number(stats.data.rowCount)).toBe(3);
    expect((await cloud(`/v2/projects/${o.projectId.value}`)).instanceCount).toBe(2);
    // Cluster A scales on its own, keeps a policy and has one backup taken, waited until AVAILABLE.
    expect(await cloud(`/v2/clusters/${o.clusterA.value}`)).toMatchObject({ status: "RUNNING", autoscaling: { cu: { min: 1, max: 4 } } });
    expect(await cloud(`/v2/clusters/${o.clusterA.value}/backups/policy`)).toMatchObject({ enabled: true, retentionDays: 7 });
    expect(o.backupStatus.value).toBe("AVAILABLE");
    expect(await cloud(`/v2/clusters/${o.clusterA.value}/backups/${o.backupId.value}`)).toMatchObject({ status: "AVAILABLE" });
    // The key's value is stored encrypted: its text appears in no file of the state backend.
    const stateFiles = readdirSync(test!.stateDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    for (const f of stateFiles) expect(readFileSync(path.join(f.parentPath, f.name), "utf8")).not.toContain(value);
  });

  it("a preview of the same program changes nothing", async () => {
    await test!.stack.preview({ expectNoChanges: true });
  });

  it("refresh finds no drift, and a preview afterwards no change (the import is not run again)", async () => {
    await test!.stack.refresh({ expectNoChanges: true });
    await test!.stack.preview({ expectNoChanges: true });
    const jobs = await fetch(`${emulator.url}/v2/vectordb/jobs/import/list`, {
      method: "POST",
      headers: { Authorization: `Bearer ${emulator.apiKey}`, "Content-Type": "application/json" },
      body: JSON.stringify({ clusterId: (await cloud("/v2/clusters?pageSize=100")).clusters.find((c: any) => c.clusterName === "e2e-a").clusterId }),
    });
    expect(((await jobs.json()) as any).data.records).toHaveLength(1);
  });

  it("destroy leaves nothing on the emulator", async () => {
    const destroy = await test!.stack.destroy();
    expect(destroy.summary.result).toBe("succeeded");
    expect((await cloud("/v2/apiKeys")).apiKeys).toEqual([]);
    expect((await cloud("/v2/backups")).backups).toEqual([]);
    expect((await cloud("/v2/volumes")).volumes).toEqual([]);
    expect((await cloud("/v2/projects")).map((p: any) => p.projectName)).toEqual(["Default Project"]);
    const live = (await cloud("/v2/clusters?pageSize=100")).clusters.filter((c: any) => c.status !== "DELETED" && c.status !== "DELETING");
    expect(live).toEqual([]);
  });
});
