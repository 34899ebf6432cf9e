/** Cluster through the runtime against zilliz-local: the lifecycle table, partial state, adoption, reconcile. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZillizClient } from "../../../src/client";
import { startTestEmulator, type TestEmulator } from "../../support/emulator";
import { expectPartial, providerFor, refreshNoDiff, rejectionMessage, up } from "./harness";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => emu?.close());

const dedicated = (name: string, over: Record<string, unknown> = {}) => ({ clusterName: name, plan: "Enterprise", regionId: "gcp-us-west1", cuSize: 1, ...over });

describe("Cluster lifecycle", () => {
  let id = "";
  let outs: Record<string, unknown> = {};
  const inputs = dedicated("res-life");

  it("creates and waits for RUNNING, with credentials as outputs", async () => {
    const { p } = providerFor("Cluster", emu);
    ({ id, outs } = await up(p, inputs));
    expect(id).toMatch(/^in01-/);
    expect(outs).toMatchObject({ clusterId: id, status: "RUNNING", clusterName: "res-life", stateVersion: 2 });
    // Inputs are stored as the program wrote them: what it left to the server (project, size) stays unset.
    expect(outs).toMatchObject({ cuSize: 1 });
    expect(outs).not.toHaveProperty("replica");
    expect(outs).not.toHaveProperty("projectId");
    expect(outs.password).toEqual(expect.any(String));
    expect((outs.password as string).length).toBeGreaterThan(0);
    expect(outs.connectAddress).toMatch(/^http/);
  });

  it("refresh leaves no diff and keeps the password", async () => {
    const { p } = providerFor("Cluster", emu);
    const r = await refreshNoDiff(p, id, outs, inputs);
    expect(r.props).toEqual(outs);
  });

  it("updates cuSize in place, then suspends, then resumes", async () => {
    const { p, logs } = providerFor("Cluster", emu);
    const news = { ...inputs, cuSize: 2 };
    const d = await p.diff!(id, outs, news);
    expect(d).toMatchObject({ changes: true, replaces: [] });
    outs = (await p.update!(id, outs, news)).outs as Record<string, unknown>;
    expect(outs).toMatchObject({ cuSize: 2, status: "RUNNING" });
    outs = (await p.update!(id, outs, { ...news, desiredStatus: "SUSPENDED" })).outs as Record<string, unknown>;
    expect(outs.status).toBe("SUSPENDED");
    outs = (await p.update!(id, outs, { ...news, desiredStatus: "RUNNING" })).outs as Record<string, unknown>;
    expect(outs.status).toBe("RUNNING");
    expect(logs.every((l) => !l.includes(outs.password as string))).toBe(true);
  });

  it("renames and relabels in place", async () => {
    const { p } = providerFor("Cluster", emu);
    const news = { ...inputs, cuSize: 2, clusterName: "res-life-2", labels: { team: "search" } };
    outs = (await p.update!(id, outs, news)).outs as Record<string, unknown>;
    expect(outs).toMatchObject({ clusterName: "res-life-2", labels: { team: "search" }, clusterId: id });
    await refreshNoDiff(p, id, outs, news);
  });

  it("refuses a region change (a delete-first replacement) unless allowDataLoss, then says replace", async () => {
    const { p } = providerFor("Cluster", emu);
    const moved = { ...inputs, cuSize: 2, clusterName: "res-life-2", labels: { team: "search" }, regionId: "aws-us-west-2" };
    expect(await rejectionMessage(p.diff!(id, outs, moved))).toMatch(/changing regionId .* replaces the cluster.*allowDataLoss: true/s);
    const d = await p.diff!(id, outs, { ...moved, allowDataLoss: true });
    expect(d).toMatchObject({ changes: true, replaces: ["regionId"], deleteBeforeReplace: true });
  });

  it("deletes and waits until gone; a second delete and a read see it gone", async () => {
    const { p } = providerFor("Cluster", emu);
    await p.delete!(id, outs);
    expect(await p.read!(id, outs)).toEqual({});
    await p.delete!(id, outs);
  });
});

describe("Cluster create edge cases", () => {
  it("a wait that times out leaves partial state with the id", async () => {
    const { p } = providerFor("Cluster", emu);
    await emu.control.setTransition("cluster", "manual");
    try {
      const checked = await p.check({}, dedicated("res-slow", { waitTimeoutSeconds: 1 }));
      const err = await expectPartial(p.create(checked.inputs!));
      expect(err.id).toMatch(/^in01-/);
      expect(err.properties).toMatchObject({ clusterId: err.id, clusterName: "res-slow" });
      expect(err.reasons[0]).toMatch(/RUNNING/);
      await emu.control.advance("cluster", err.id);
      const r = await p.read!(err.id, err.properties);
      expect((r.props as Record<string, unknown>).status).toBe("RUNNING");
      await emu.control.setTransition("cluster", "immediate");
      await p.delete!(err.id, r.props as Record<string, unknown>);
    } finally {
      await emu.control.setTransition("cluster", "immediate");
    }
  });

  it("adopts a matching cluster and refuses a mismatching one, listing the differences", async () => {
    const { p } = providerFor("Cluster", emu);
    const first = await up(p, dedicated("res-adopt"));
    const adopted = await up(p, dedicated("res-adopt", { adopt: true }));
    expect(adopted.id).toBe(first.id);
    const message = await rejectionMessage(p.create(dedicated("res-adopt", { adopt: true, cuSize: 4, cuType: "Capacity-optimized" })));
    expect(message).toMatch(/cannot adopt cluster "res-adopt"/);
    expect(message).toMatch(/cuType: existing "Performance-optimized", wanted "Capacity-optimized"/);
    // The size is not a mismatch: it changes in place, so an adopt brings it to the program's value.
    expect(message).not.toMatch(/cuSize/);
    const noAdopt = await rejectionMessage(p.create(dedicated("res-adopt")));
    expect(noAdopt).toMatch(/already exists.*adopt: true/);
    await p.delete!(first.id, first.outs);
  });

  it("a lost create answer never binds a cluster of that name without this resource's ownership mark", async () => {
    const { p } = providerFor("Cluster", emu);
    // A cluster of that name exists, made by someone else; the create call itself fails with a 500.
    const zc = new ZillizClient({ apiKey: emu.apiKey, baseUrl: emu.url });
    const projectId = (await zc.projects.list()).find((x) => x.projectName === "Default Project")!.projectId;
    await zc.clusters.createServerless({ clusterName: "res-lost", projectId, regionId: "gcp-us-west1" });
    await emu.control.injectFault({ method: "POST", path: "/v2/clusters/createServerless", kind: "status", status: 500, times: 1 });
    await emu.control.clearCalls();
    const message = await rejectionMessage(p.create({ clusterName: "res-lost", plan: "Serverless", regionId: "gcp-us-west1", ownerMark: "00000000000000aa" }));
    expect(message).toMatch(/does not carry this resource's ownership mark.*adopt: true/);
    const calls = await emu.control.calls();
    expect(calls.calls.filter((c) => c.path.includes("createServerless"))).toHaveLength(1);
  });

  it("fails without an API key, naming where to set it and no secret", async () => {
    const { provider } = await import("../../../src/resources/runtime");
    const p = provider("Cluster", { config: {}, log: () => undefined });
    const message = await rejectionMessage(p.create({ clusterName: "x", plan: "Free", regionId: "gcp-us-west1" }));
    expect(message).toMatch(/zilliz:apiKey/);
  });
});

describe("Cluster over the v1 control plane", () => {
  it("creates, resizes, refreshes without diff and deletes a dedicated cluster", async () => {
    const { p } = providerFor("Cluster", emu);
    const inputs = { clusterName: "res-v1", plan: "Standard", regionId: "gcp-us-west1", cuSize: 1, apiVersion: "v1" };
    const { id, outs } = await up(p, inputs);
    expect(outs).toMatchObject({ status: "RUNNING", cuSize: 1 });
    const resized = (await p.update!(id, outs, { ...inputs, cuSize: 2 })).outs as Record<string, unknown>;
    expect(resized.cuSize).toBe(2);
    await refreshNoDiff(p, id, resized, { ...inputs, cuSize: 2 });
    await p.delete!(id, resized);
    expect(await p.read!(id, resized)).toEqual({});
  });

  it("check refuses labels and replica with v1", async () => {
    const { p } = providerFor("Cluster", emu);
    const r = await p.check({}, { clusterName: "x", plan: "Standard", regionId: "gcp-us-west1", apiVersion: "v1", labels: { a: "b" }, replica: 2 });
    expect(r.failures!.map((f) => f.property).sort()).toEqual(["labels", "replica"]);
  });
});
