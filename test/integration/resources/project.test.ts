/** Project through the runtime against zilliz-local: lifecycle, plan upgrade and downgrade, regions, adopt, delete guard. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZillizClient } from "../../../src/client";
import { startTestEmulator, type TestEmulator } from "../../support/emulator";
import { callsDuring, expectNoChangeFree, expectRejectedFree, refreshCalls } from "./control-plane-fixture";
import { expectPartial, providerFor, rejectionMessage, up } from "./harness";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => emu?.close());

describe("Project lifecycle", () => {
  let id = "";
  let outs: Record<string, unknown> = {};
  const inputs = { projectName: "res-proj", plan: "Standard", regionIds: ["gcp-us-west1"] };

  it("creates the project with its plan and regions", async () => {
    const { p } = providerFor("Project", emu);
    ({ id, outs } = await up(p, inputs));
    expect(id).toMatch(/^proj-[0-9a-f]{22}$/);
    expect(outs).toMatchObject({ projectId: id, projectName: "res-proj", plan: "Standard", regionIds: ["gcp-us-west1"], instanceCount: 0, stateVersion: 2 });
    const zc = new ZillizClient({ apiKey: emu.apiKey, baseUrl: emu.url });
    expect(await zc.projects.describe(id)).toMatchObject({ projectName: "res-proj", plan: "Standard" });
  });

  it("refresh costs one read call and shows no diff; a no-change diff costs none", async () => {
    const { p } = providerFor("Project", emu);
    const { calls, r } = await refreshCalls(emu, p, id, outs, inputs);
    expect(calls).toEqual([`GET /v2/projects/${id}`]);
    expect(r.props).toEqual(outs);
    await expectNoChangeFree(emu, p, id, outs, inputs);
  });

  it("upgrades the plan and adds a region in place", async () => {
    const { p } = providerFor("Project", emu);
    const news = { ...inputs, plan: "Enterprise", regionIds: ["gcp-us-west1", "aws-us-west-2"] };
    expect(await p.diff!(id, outs, news)).toMatchObject({ changes: true, replaces: [] });
    outs = (await p.update!(id, outs, news)).outs as Record<string, unknown>;
    expect(outs).toMatchObject({ projectId: id, plan: "Enterprise" });
    expect([...(outs.regionIds as string[])].sort()).toEqual(["aws-us-west-2", "gcp-us-west1"]);
    const { r } = await refreshCalls(emu, p, id, outs, news);
    expect((r.props as Record<string, unknown>).plan).toBe("Enterprise");
  });

  it("a downgrade reaches the server and fails with its error (63104), changing nothing", async () => {
    const { p } = providerFor("Project", emu);
    const news = { ...inputs, regionIds: ["gcp-us-west1", "aws-us-west-2"], plan: "Standard" };
    const message = await rejectionMessage(p.update!(id, outs, news));
    expect(message).toMatch(/refused the plan change Enterprise → Standard/);
    expect(message).toMatch(/can only be upgraded/);
    expect(message).toMatch(/63104/);
    const zc = new ZillizClient({ apiKey: emu.apiKey, baseUrl: emu.url });
    expect((await zc.projects.describe(id)).plan).toBe("Enterprise");
  });

  it("removing a region fails at preview with no call", async () => {
    const { p } = providerFor("Project", emu);
    const news = { ...inputs, plan: "Enterprise" };
    let message = "";
    const calls = await callsDuring(emu, async () => (message = await rejectionMessage(p.diff!(id, outs, news))));
    expect(message).toMatch(/regionIds cannot lose "aws-us-west-2"/);
    expect(calls).toEqual([]);
  });

  it("a new name replaces; bad input fails at check with no call", async () => {
    const { p } = providerFor("Project", emu);
    expect((await p.diff!(id, outs, { ...inputs, plan: "Enterprise", regionIds: ["gcp-us-west1", "aws-us-west-2"], projectName: "other" })).replaces).toEqual(["projectName"]);
    await expectRejectedFree(emu, p, { projectName: "", plan: "Free" }, ["plan", "projectName"]);
    const [reason] = await expectRejectedFree(emu, p, { projectName: "x", plan: "Enterprise", regionId: ["gcp-us-west1"] }, ["regionId"]);
    expect(reason).toMatch(/did you mean "regionIds"/);
  });

  it("delete is refused while the project holds a cluster (the server's error shown), then works", async () => {
    const { p } = providerFor("Project", emu);
    const { p: clusters } = providerFor("Cluster", emu);
    const cluster = await up(clusters, { clusterName: "in-proj", plan: "Enterprise", regionId: "gcp-us-west1", projectId: id });
    const message = await rejectionMessage(p.delete!(id, outs));
    expect(message).toMatch(/Project "res-proj" \(proj-[0-9a-f]+\): the service refused the delete/);
    expect(message).toMatch(/code 40003/);
    expect(message).toMatch(/holds 1 cluster/);
    await clusters.delete!(cluster.id, cluster.outs);
    await p.delete!(id, outs);
    expect(await p.read!(id, outs)).toEqual({});
    await p.delete!(id, outs);
  });
});

describe("Project adopt and get", () => {
  it("adopts a project by name (upgrading its plan) and refuses a duplicate without adopt", async () => {
    const zc = new ZillizClient({ apiKey: emu.apiKey, baseUrl: emu.url });
    const { projectId } = await zc.projects.create({ projectName: "res-existing", plan: "Standard" });
    const { p, logs } = providerFor("Project", emu);
    expect(await rejectionMessage(p.create({ projectName: "res-existing", plan: "Standard" }))).toMatch(/already exists; set adopt: true/);
    const adopted = await up(p, { projectName: "res-existing", plan: "Enterprise", adopt: true });
    expect(adopted.id).toBe(projectId);
    expect(adopted.outs.plan).toBe("Enterprise");
    expect(logs.join("\n")).toMatch(/adopting the existing project/);
    await p.delete!(adopted.id, adopted.outs);
    expect((await zc.projects.list()).some((x) => x.projectId === projectId)).toBe(false);
  });

  it("get reads every input from the server; the Default Project is only released on delete", async () => {
    const zc = new ZillizClient({ apiKey: emu.apiKey, baseUrl: emu.url });
    const def = (await zc.projects.list()).find((x) => x.projectName === "Default Project")!;
    const { p, logs } = providerFor("Project", emu);
    const r = await p.read!(def.projectId, {});
    expect(r.inputs).toMatchObject({ projectName: "Default Project", plan: def.plan });
    await p.delete!(def.projectId, r.props as Record<string, unknown>);
    expect(logs.join("\n")).toMatch(/only released from the stack/);
    expect((await zc.projects.list()).some((x) => x.projectId === def.projectId)).toBe(true);
  });
});

describe("Project failures", () => {
  it("a create that fails adding regions keeps the project as partial state; the next update finishes it", async () => {
    const { p } = providerFor("Project", emu);
    const inputs = { projectName: "res-partial", plan: "Enterprise", regionIds: ["aws-us-west-2"] };
    const checked = await p.check({}, inputs);
    // Created without regions, so the regions are added afterwards, and that call fails.
    const zc = new ZillizClient({ apiKey: emu.apiKey, baseUrl: emu.url });
    const made = await zc.projects.create({ projectName: "res-partial", plan: "Enterprise" });
    await emu.control.injectFault({ method: "POST", path: "/v2/projects/*/regions", kind: "code", code: 80000, message: "regions failed" });
    const err = await expectPartial(p.create({ ...checked.inputs!, adopt: true }));
    expect(err.id).toBe(made.projectId);
    expect(err.properties).toMatchObject({ projectId: made.projectId, pendingWork: { operation: "create", step: "add regions aws-us-west-2" } });
    expect(err.reasons[0]).toMatch(/regions failed/);
    const outs = (await p.update!(err.id, err.properties, inputs)).outs as Record<string, unknown>;
    expect(outs).toMatchObject({ projectId: made.projectId, regionIds: ["aws-us-west-2"] });
    expect(outs).not.toHaveProperty("pendingWork");
    await p.delete!(err.id, outs);
  });
});
