/**
 * API keys, backups and volumes beyond the fixtures: the 100-keys org limit, time-mode backups, and the state
 * file (new sections survive a restart; a state file written before they existed still loads).
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../../src/emulator";
import { request } from "./http";
import { stubDataPlaneFactory } from "./stub-data-plane";

let emulator: RunningEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start(options: Parameters<typeof startEmulator>[0] = {}) {
  emulator = await startEmulator({ legacyPort: false, createDataPlane: stubDataPlaneFactory().factory, transitions: { kind: "immediate" }, ...options });
  const e = emulator;
  const call = (method: string, p: string, body?: unknown) => request(e.url, method, p, { key: e.apiKey, body });
  const project = (await call("GET", "/v2/projects")).body.data[0].projectId as string;
  return { e, call, project };
}

describe("API key org limit", () => {
  it("creates 99 keys next to the org key and refuses the 100th created one with 96041", async () => {
    const { call } = await start();
    for (let i = 0; i < 99; i++) {
      const created = await call("POST", "/v2/apiKeys", { name: `k${i}`, orgRole: "Member" });
      expect(created.body.code, created.text).toBe(0);
    }
    const refused = await call("POST", "/v2/apiKeys", { name: "one-too-many", orgRole: "Member" });
    expect(refused.status).toBe(200);
    expect(refused.body).toEqual({ code: 96041, message: "The organization already has 100 API keys, the maximum." });
    const listed = await call("GET", "/v2/apiKeys?pageSize=100");
    expect(listed.body.data.count).toBe(99);
    // Deleting one frees a slot.
    await call("DELETE", `/v2/apiKeys/${listed.body.data.apiKeys[0].apiKeyId}`);
    expect((await call("POST", "/v2/apiKeys", { name: "again", orgRole: "Member" })).body.code).toBe(0);
  }, 30_000);
});

describe("reset", () => {
  it("forgets keys, backups, volumes and private endpoints; a forgotten key no longer authenticates", async () => {
    const { e, call, project } = await start();
    const key = (await call("POST", "/v2/apiKeys", { name: "k", orgRole: "Owner" })).body.data.apiKey as string;
    await call("POST", "/v2/volumes/create", { projectId: project, regionId: "aws-us-west-2", volumeName: "v" });
    await e.control.reset();
    const fresh = (await call("GET", "/v2/projects")).body.data[0].projectId as string;
    expect((await call("GET", "/v2/apiKeys")).body.data.count).toBe(0);
    expect((await call("GET", "/v2/volumes/v")).body.code).toBe(96043);
    expect((await call("GET", `/v2/projects/${fresh}/privateEndpoints`)).body.data.endpoints).toEqual([]);
    expect((await request(e.url, "GET", "/v2/projects", { key })).status).toBe(401);
  });
});

describe("backups in time mode", () => {
  it("stay CREATING (job IN_PROGRESS) until the delay has passed, then AVAILABLE (job SUCCESSFUL)", async () => {
    let clock = 1_000_000;
    const { call, project } = await start({ now: () => clock, transitions: { kind: "time", ms: 5_000 } });
    const cluster = (
      await call("POST", "/v2/clusters/createDedicated", { clusterName: "c", projectId: project, regionId: "aws-us-west-2", cuType: "Performance-optimized", cuSize: 1 })
    ).body.data.clusterId as string;
    clock += 5_000;
    const created = (await call("POST", `/v2/clusters/${cluster}/backups/create`, { backupType: "CLUSTER" })).body;
    expect(created.code, JSON.stringify(created)).toBe(0);
    const { backupId, jobId } = created.data;
    clock += 4_999;
    expect((await call("GET", `/v2/clusters/${cluster}/backups/${backupId}`)).body.data.status).toBe("CREATING");
    expect((await call("GET", `/v2/jobs/${jobId}`)).body.data).toMatchObject({ status: "IN_PROGRESS", progress: "0", endTime: "" });
    clock += 1;
    expect((await call("GET", `/v2/clusters/${cluster}/backups/${backupId}`)).body.data.status).toBe("AVAILABLE");
    expect((await call("GET", `/v2/jobs/${jobId}`)).body.data).toMatchObject({ type: "BACKUP", status: "SUCCESSFUL", progress: "100" });
  });
});

describe("state file", () => {
  it("keeps keys, backups, policies, volumes, private endpoints and autoscaling across a restart", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "zl-cloud-")), "state.json");
    const first = await start({ stateFile: file });
    const cluster = (
      await first.call("POST", "/v2/clusters/createDedicated", { clusterName: "c", projectId: first.project, regionId: "aws-us-west-2", plan: "Enterprise", cuType: "Performance-optimized", cuSize: 1 })
    ).body.data.clusterId as string;
    const key = (await first.call("POST", "/v2/apiKeys", { name: "kept", orgRole: "Owner" })).body.data;
    const backupId = (await first.call("POST", `/v2/clusters/${cluster}/backups/create`, { backupType: "CLUSTER" })).body.data.backupId;
    await first.call("POST", `/v2/clusters/${cluster}/backups/policy`, { enabled: true, frequency: "1,3", retentionDays: 14 });
    await first.call("POST", "/v2/volumes/create", { projectId: first.project, regionId: "aws-us-west-2", volumeName: "stage" });
    await first.call("POST", `/v2/projects/${first.project}/privateEndpoints`, { regionId: "aws-us-west-2", endpointId: "vpce-1" });
    await first.call("POST", `/v2/projects/${first.project}/privateEndpointWhitelist`, { regionId: "aws-us-west-2", accountId: "123456789012" });
    await first.call("POST", `/v2/clusters/${cluster}/modify`, { autoscaling: { cu: { min: 1, max: 4 } } });
    await emulator!.close();
    emulator = undefined;

    const second = await start({ stateFile: file });
    expect((await request(second.e.url, "GET", "/v2/projects", { key: key.apiKey })).status).toBe(200);
    expect((await second.call("GET", `/v2/clusters/${cluster}/backups/${backupId}`)).body.data.status).toBe("AVAILABLE");
    expect((await second.call("GET", `/v2/clusters/${cluster}/backups/policy`)).body.data).toMatchObject({ enabled: true, frequency: "1,3", retentionDays: 14, status: "ENABLED" });
    expect((await second.call("GET", "/v2/volumes/stage")).body.data).toMatchObject({ volumeName: "stage", type: "MANAGED", status: "RUNNING" });
    expect((await second.call("GET", `/v2/projects/${second.project}/privateEndpoints/vpce-1`)).body.data).toMatchObject({ endpointId: "vpce-1" });
    expect((await second.call("GET", `/v2/projects/${second.project}/privateEndpointWhitelist`)).body.data).toMatchObject([{ accountId: "123456789012" }]);
    expect((await second.call("GET", `/v2/clusters/${cluster}`)).body.data.autoscaling).toEqual({ cu: { min: 1, max: 4 } });
  });

  it("loads the state file an emulator of release 0.1.0 wrote, and serves the new endpoints over it", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "zl-cloud-")), "state.json");
    copyFileSync(path.resolve(__dirname, "../../e2e/fixtures/state-0.1.0/emulator-state.json"), file);
    // The stub data plane cannot read a real snapshot, so this one runs the bundled data plane.
    const { call } = await start({ stateFile: file, createDataPlane: undefined });
    const cluster = "in01-1a6dc6c281c3c0e";
    expect((await call("GET", `/v2/clusters/${cluster}`)).body.data).toMatchObject({ clusterName: "upgrade-search", status: "RUNNING" });
    expect((await call("GET", `/v2/clusters/${cluster}/backups/policy`)).body.data).toMatchObject({ enabled: false, status: "DISABLED" });
    expect((await call("POST", `/v2/clusters/${cluster}/backups/create`, { backupType: "CLUSTER" })).body.code).toBe(0);
    expect((await call("GET", "/v2/apiKeys")).body.data.count).toBe(0);
  });

  it("loads a state file written before these sections existed", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "zl-cloud-")), "state.json");
    const first = await start({ stateFile: file });
    await emulator!.close();
    emulator = undefined;
    // Rewrite it the way an older emulator would have: no apiKeys/backups/backupPolicies/volumes keys.
    const saved = JSON.parse(readFileSync(file, "utf8"));
    for (const k of ["apiKeys", "backups", "backupPolicies", "volumes", "privateEndpoints", "privateEndpointWhitelist"]) delete saved.controlPlane[k];
    writeFileSync(file, JSON.stringify(saved));

    const second = await start({ stateFile: file });
    expect(second.project).toBe(first.project);
    expect((await second.call("GET", "/v2/apiKeys")).body).toEqual({ code: 0, data: { apiKeys: [], count: 0, currentPage: 1, pageSize: 10 } });
    expect((await second.call("GET", "/v2/backups")).body.data.count).toBe(0);
    expect((await second.call("GET", `/v2/volumes?projectId=${second.project}`)).body.data.volumes).toEqual([]);
    expect((await second.call("GET", `/v2/projects/${second.project}/privateEndpoints`)).body).toEqual({ code: 0, data: { endpoints: [], count: 0, currentPage: 1, pageSize: 10 } });
    expect((await second.call("POST", "/v2/apiKeys", { name: "new", orgRole: "Member" })).body.code).toBe(0);
  });
});
