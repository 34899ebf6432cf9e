/** Cluster autoscaling and the private link address through the runtime against zilliz-local. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../support/emulator";
import { controlCalls, defaultProjectId, directClient } from "./cloud-calls";
import { expectPartial, providerFor, refreshNoDiff, up } from "./harness";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterEach(async () => emu.control.setTransition("cluster", "immediate"));
afterAll(async () => emu?.close());

const base = (name: string, over: Record<string, unknown> = {}) => ({ clusterName: name, plan: "Enterprise", regionId: "aws-us-west-2", ...over });

describe("Cluster autoscaling", () => {
  let id = "";
  let outs: Record<string, unknown> = {};
  let inputs: Record<string, unknown> = {};

  it("creates with a CU range (no cuSize sent) and a replica schedule; the cluster starts at the lowest size", async () => {
    inputs = base("as-1", { autoscaling: { cu: { min: 2, max: 8 }, replica: { schedules: [{ cron: "0 8 * * 1-5", target: 2 }] } } });
    const { p } = providerFor("Cluster", emu);
    ({ id, outs } = await up(p, inputs));
    expect(outs).toMatchObject({ status: "RUNNING", currentCuSize: 2, currentReplica: 2, autoscaling: inputs.autoscaling });
    expect(outs).not.toHaveProperty("cuSize");
    const server = await directClient(emu).clusters.describe(id);
    expect(server.autoscaling).toEqual({ cu: { min: 2, max: 8 }, replica: { schedules: [{ cron: "0 8 * * 1-5", target: 2, timezone: "UTC" }] } });
  });

  it("refresh shows no diff (the server's UTC default and the driven size do not count); a no-change diff makes no call", async () => {
    const { p } = providerFor("Cluster", emu);
    await refreshNoDiff(p, id, outs, inputs);
    expect(await controlCalls(emu, () => p.diff(id, outs, inputs))).toEqual([]);
  });

  it("a range change updates in place: one modify, and the wait checks the server reached the settings", async () => {
    await emu.control.setTransition("cluster", "time:300");
    const { p, logs } = providerFor("Cluster", emu);
    const news = { ...inputs, autoscaling: { cu: { min: 4, max: 16 }, replica: (inputs.autoscaling as Record<string, unknown>).replica } };
    expect(await p.diff(id, outs, news)).toMatchObject({ changes: true, replaces: [] });
    let result: Record<string, unknown> = {};
    const calls = await controlCalls(emu, async () => (result = (await p.update(id, outs, news)).outs as Record<string, unknown>));
    outs = result;
    inputs = news;
    expect(calls.filter((c) => c.startsWith("POST"))).toEqual([`POST /v2/clusters/${id}/modify`]);
    expect(outs).toMatchObject({ status: "RUNNING", currentCuSize: 4, autoscaling: { cu: { min: 4, max: 16 } } });
    expect(logs.some((l) => l.includes("MODIFYING") && l.includes("waiting for RUNNING"))).toBe(true);
    await refreshNoDiff(p, id, outs, inputs);
  });

  it("autoscaling changed outside the stack shows as drift on refresh", async () => {
    const { p } = providerFor("Cluster", emu);
    await directClient(emu).clusters.modify(id, { autoscaling: { cu: { min: 2, max: 4 } } });
    const r = await p.read(id, outs);
    expect((r.props as Record<string, unknown>).autoscaling).toMatchObject({ cu: { min: 2, max: 4 } });
    expect(await p.diff(id, r.props as Record<string, unknown>, inputs)).toMatchObject({ changes: true, replaces: [] });
    outs = (await p.update(id, r.props as Record<string, unknown>, inputs)).outs as Record<string, unknown>;
    expect((await directClient(emu).clusters.describe(id)).autoscaling).toMatchObject({ cu: { min: 4, max: 16 } });
  });

  it("dropping the CU rule for a fixed cuSize removes the rule, then resizes", async () => {
    const { p } = providerFor("Cluster", emu);
    const news = base("as-1", { cuSize: 1, autoscaling: { replica: (inputs.autoscaling as Record<string, unknown>).replica } });
    outs = (await p.update(id, outs, news)).outs as Record<string, unknown>;
    inputs = news;
    expect(outs).toMatchObject({ cuSize: 1, currentCuSize: 1 });
    expect((await directClient(emu).clusters.describe(id)).autoscaling).not.toHaveProperty("cu");
    await refreshNoDiff(p, id, outs, inputs);
    // And no autoscaling at all: the last rule is removed too.
    outs = (await p.update(id, outs, base("as-1", { cuSize: 1 }))).outs as Record<string, unknown>;
    expect((await directClient(emu).clusters.describe(id)).autoscaling).toBeUndefined();
    await refreshNoDiff(p, id, outs, base("as-1", { cuSize: 1 }));
  });

  it("a wait that times out while the change is applied leaves partial state; the next update resumes it", async () => {
    await emu.control.setTransition("cluster", "manual");
    const { p } = providerFor("Cluster", emu);
    const news = base("as-1", { autoscaling: { cu: { min: 2, max: 4 } }, waitTimeoutSeconds: 1 });
    const err = await expectPartial(p.update(id, outs, news));
    expect(err.properties).toMatchObject({ pendingWork: { operation: "update", step: "set autoscaling" } });
    await emu.control.advance("cluster", id);
    outs = (await p.update(id, err.properties, news)).outs as Record<string, unknown>;
    expect(outs).toMatchObject({ status: "RUNNING", autoscaling: { cu: { min: 2, max: 4 } }, currentCuSize: 2 });
    expect(outs).not.toHaveProperty("pendingWork");
  });

  it("check refuses a fixed size together with its rule, min > max, and autoscaling outside Dedicated/v2, with no call", async () => {
    const { p } = providerFor("Cluster", emu);
    const calls = await controlCalls(emu, async () => {
      const props = async (i: Record<string, unknown>) => ((await p.check({}, i)).failures ?? []).map((f) => f.property).sort();
      expect(await props(base("x", { cuSize: 2, autoscaling: { cu: { min: 1, max: 2 } } }))).toEqual(["cuSize"]);
      expect(await props(base("x", { autoscaling: { cu: { min: 4, max: 2 } } }))).toEqual(["autoscaling.cu.min"]);
      expect(await props(base("x", { autoscaling: { cu: { min: 1 } } }))).toEqual(["autoscaling.cu"]);
      expect(await props(base("x", { autoscaling: { replica: { min: 1, max: 11 } } }))).toEqual(["autoscaling.replica.max"]);
      expect(await props(base("x", { plan: "Serverless", autoscaling: { cu: { min: 1, max: 2 } } }))).toEqual(["autoscaling"]);
      expect(await props(base("x", { apiVersion: "v1", plan: "Standard", autoscaling: { cu: { min: 1, max: 2 } } }))).toEqual(["autoscaling"]);
      expect(await props(base("x", { autoscaling: { cu: { min: 1, max: 2 }, cpu: {} } }))).toEqual(["autoscaling.cpu"]);
    });
    expect(calls).toEqual([]);
  });
});

describe("Cluster private link address and Extended-capacity", () => {
  it("an Extended-capacity cluster is created; a private endpoint in its region gives it a private link address (seen on refresh)", async () => {
    const { p } = providerFor("Cluster", emu);
    const inputs = base("xc-1", { cuType: "Extended-capacity", cuSize: 1 });
    const { id, outs } = await up(p, inputs);
    expect(outs).toMatchObject({ cuType: "Extended-capacity", privateLinkAddress: "" });
    const projectId = await defaultProjectId(emu);
    await directClient(emu).privateEndpoints.register(projectId, { regionId: "aws-us-west-2", endpointId: "vpce-xc" });
    const r = await p.read(id, outs);
    expect((r.props as Record<string, unknown>).privateLinkAddress).toMatch(/^http/);
    expect(await p.diff(id, r.props as Record<string, unknown>, inputs)).toMatchObject({ changes: false });
  });
});
