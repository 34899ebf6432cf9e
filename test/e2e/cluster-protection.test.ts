/**
 * Issue 12 (part B) through the real engine against zilliz-local: a Dedicated cluster with autoscaling, its
 * backup policy, an on-demand backup, a private endpoint with a whitelist entry in the project a lookup
 * found (the lookup reads the stack config `zilliz:apiKey`/`zilliz:cloudApiUrl`). Refresh is clean, an
 * autoscaling change previews as exactly one update, and destroy leaves nothing behind on the emulator.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../support/emulator";
import { changedSteps, previewSteps, upSteps } from "../support/engine-steps";
import { emulatorConfig, zilliz } from "../support/kernel-fixtures";
import { inlineStack, type TestStack } from "../support/pulumi";
import { cloud, defaultProjectId, describeCluster, liveClusters } from "../support/zilliz-rest";

let emulator: TestEmulator;
let test: TestStack | undefined;
let cuRange = { min: 1, max: 4 };

beforeAll(async () => {
  emulator = await startTestEmulator({ legacyPort: false });
  test = await inlineStack({
    projectName: "cluster-protection",
    config: emulatorConfig(emulator),
    program: async () => {
      const project = zilliz.getProject({ name: "Default Project" });
      const cluster = new zilliz.Cluster("prod", {
        clusterName: "prod",
        plan: "Enterprise",
        regionId: "aws-us-west-2",
        projectId: project.projectId,
        autoscaling: { cu: cuRange, replica: { schedules: [{ cron: "0 8 * * 1-5", target: 2 }] } },
      });
      const policy = new zilliz.BackupPolicy("nightly", { clusterId: cluster.id, frequency: "1,2,3,4,5", startTime: "02:00-04:00", retentionDays: 14 });
      const backup = new zilliz.Backup("before-launch", { clusterId: cluster.id, waitTimeoutSeconds: 600 }, { dependsOn: [policy] });
      const endpoint = new zilliz.PrivateEndpoint("vpce", { projectId: project.projectId, regionId: "aws-us-west-2", endpointId: "vpce-0a1b2c3d4e5f67890" });
      new zilliz.PrivateEndpointWhitelistEntry("account", { projectId: project.projectId, regionId: "aws-us-west-2", outerUserId: "123456789012" });
      const found = zilliz.getCluster({ clusterId: cluster.id });
      return {
        clusterId: cluster.id,
        backupId: backup.id,
        backupStatus: backup.status,
        policyStatus: policy.status,
        endpointId: endpoint.id,
        lookedUpName: found.clusterName,
        privateLinkAddress: cluster.privateLinkAddress,
      };
    },
  });
});

afterAll(async () => {
  await test?.stack.destroy().catch(() => undefined);
  await test?.cleanup();
  await emulator?.close();
});

describe("a protected Dedicated cluster through the engine", () => {
  let clusterId = "";
  let projectId = "";

  it("comes up: autoscaling set, policy enabled, backup AVAILABLE, endpoint and whitelist entry registered", async () => {
    const { result } = await upSteps(test!.stack);
    expect(result.summary.result).toBe("succeeded");
    const out = result.outputs;
    clusterId = out.clusterId.value;
    projectId = await defaultProjectId(emulator);
    expect(out.backupStatus.value).toBe("AVAILABLE");
    expect(out.policyStatus.value).toBe("ENABLED");
    expect(out.lookedUpName.value).toBe("prod");
    expect((await describeCluster(emulator, clusterId)) as unknown).toMatchObject({ status: "RUNNING", autoscaling: { cu: { min: 1, max: 4 } } });
    expect(await cloud(emulator, "GET", `/v2/clusters/${clusterId}/backups/policy`)).toMatchObject({ enabled: true, retentionDays: 14 });
    expect(await cloud(emulator, "GET", `/v2/clusters/${clusterId}/backups/${out.backupId.value}`)).toMatchObject({ status: "AVAILABLE" });
    expect((await cloud(emulator, "GET", `/v2/projects/${projectId}/privateEndpoints`)).endpoints).toHaveLength(1);
    expect(await cloud(emulator, "GET", `/v2/projects/${projectId}/privateEndpointWhitelist`)).toHaveLength(1);
  });

  it("refresh changes nothing, and the next preview shows no changes", async () => {
    const refresh = await test!.stack.refresh();
    expect(refresh.summary.resourceChanges ?? {}).not.toHaveProperty("update");
    await test!.stack.preview({ expectNoChanges: true });
  });

  it("an autoscaling change previews as exactly one cluster update, and up applies it", async () => {
    cuRange = { min: 2, max: 8 };
    const { steps } = await previewSteps(test!.stack);
    expect(changedSteps(steps)).toEqual(["Cluster prod: update"]);
    const { result, steps: done } = await upSteps(test!.stack);
    expect(result.summary.result).toBe("succeeded");
    expect(changedSteps(done)).toEqual(["Cluster prod: update"]);
    expect((await describeCluster(emulator, clusterId)) as unknown).toMatchObject({ status: "RUNNING", cuSize: 2, autoscaling: { cu: { min: 2, max: 8 } } });
    await test!.stack.preview({ expectNoChanges: true });
  });

  it("destroy leaves nothing behind on the emulator", async () => {
    const destroyed = await test!.stack.destroy();
    expect(destroyed.summary.result).toBe("succeeded");
    expect(await liveClusters(emulator)).toEqual([]);
    expect((await cloud(emulator, "GET", "/v2/backups")).backups).toEqual([]);
    expect((await cloud(emulator, "GET", `/v2/projects/${projectId}/privateEndpoints`)).endpoints).toEqual([]);
    expect(await cloud(emulator, "GET", `/v2/projects/${projectId}/privateEndpointWhitelist`)).toEqual([]);
  });
});
