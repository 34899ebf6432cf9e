/** BackupPolicy through the runtime against zilliz-local: upsert, one-call refresh, in-place updates, delete disables. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../support/emulator";
import { controlCalls, dedicatedCluster, directClient } from "./cloud-calls";
import { providerFor, refreshNoDiff, up } from "./harness";

let emu: TestEmulator;
let clusterId = "";
beforeAll(async () => {
  emu = await startTestEmulator();
  clusterId = (await dedicatedCluster(emu, "bp-cluster")).id;
});
afterAll(async () => emu?.close());

describe("BackupPolicy lifecycle", () => {
  let outs: Record<string, unknown> = {};
  let inputs: Record<string, unknown> = {};

  it("sets the policy on create (enabled by default) and reports it", async () => {
    inputs = { clusterId, frequency: "5,1,3", startTime: "01:00-03:00", retentionDays: 10 };
    const { p } = providerFor("BackupPolicy", emu);
    const created = await up(p, inputs);
    expect(created.id).toBe(clusterId);
    outs = created.outs;
    expect(outs).toMatchObject({ clusterId, frequency: "5,1,3", startTime: "01:00-03:00", retentionDays: 10, status: "ENABLED", stateVersion: 2 });
    const server = await directClient(emu).backups.getPolicy(clusterId);
    expect(server).toMatchObject({ frequency: "1,3,5", enabled: true, retentionDays: 10 });
  });

  it("refresh costs one read call and shows no diff (weekday order does not count)", async () => {
    const { p } = providerFor("BackupPolicy", emu);
    const calls = await controlCalls(emu, () => refreshNoDiff(p, clusterId, outs, inputs));
    expect(calls).toEqual([`GET /v2/clusters/${clusterId}/backups/policy`]);
  });

  it("a no-change diff makes no call; a changed retention plans an in-place update", async () => {
    const { p } = providerFor("BackupPolicy", emu);
    const calls = await controlCalls(emu, async () => {
      expect((await p.diff(clusterId, outs, inputs)).changes).toBe(false);
      expect(await p.diff(clusterId, outs, { ...inputs, retentionDays: 20, crossRegionCopies: [{ regionId: "gcp-us-west1", retentionDays: 3 }] })).toMatchObject({ changes: true, replaces: [] });
    });
    expect(calls).toEqual([]);
  });

  it("updates retention, window, enabled and cross-region copies in place", async () => {
    const { p } = providerFor("BackupPolicy", emu);
    const news = { ...inputs, retentionDays: 20, startTime: "22:00-23:30", enabled: false, crossRegionCopies: [{ regionId: "gcp-us-west1", retentionDays: 3 }] };
    outs = (await p.update(clusterId, outs, news)).outs as Record<string, unknown>;
    inputs = news;
    expect(outs).toMatchObject({ retentionDays: 20, startTime: "22:00-23:30", enabled: false, status: "DISABLED", crossRegionCopies: [{ regionId: "gcp-us-west1", retentionDays: 3 }] });
    expect(await directClient(emu).backups.getPolicy(clusterId)).toMatchObject({ retentionDays: 20, enabled: false, crossRegionCopies: [{ regionId: "gcp-us-west1", retentionDays: 3 }] });
    await refreshNoDiff(p, clusterId, outs, inputs);
  });

  it("a setting changed outside the stack shows as drift on refresh, and the next update puts it back", async () => {
    const { p } = providerFor("BackupPolicy", emu);
    await directClient(emu).backups.setPolicy(clusterId, { retentionDays: 2 });
    const r = await p.read(clusterId, outs);
    expect(r.props).toMatchObject({ retentionDays: 2 });
    expect(await p.diff(clusterId, r.props as Record<string, unknown>, inputs)).toMatchObject({ changes: true, replaces: [] });
    outs = (await p.update(clusterId, r.props as Record<string, unknown>, inputs)).outs as Record<string, unknown>;
    expect((await directClient(emu).backups.getPolicy(clusterId)).retentionDays).toBe(20);
  });

  it("delete disables the policy; a cluster deleted first makes delete a no-op", async () => {
    const { p } = providerFor("BackupPolicy", emu);
    outs = (await p.update(clusterId, outs, { ...inputs, enabled: true })).outs as Record<string, unknown>;
    expect(outs.status).toBe("ENABLED");
    await p.delete(clusterId, outs);
    expect(await directClient(emu).backups.getPolicy(clusterId)).toMatchObject({ enabled: false, status: "DISABLED" });
    const gone = await dedicatedCluster(emu, "bp-gone");
    const { p: cp } = providerFor("Cluster", emu);
    const policy = await up(p, { clusterId: gone.id, frequency: "1", startTime: "02:00-04:00", retentionDays: 1 });
    await cp.delete(gone.id, gone.outs);
    await p.delete(gone.id, policy.outs);
  });
});
