/**
 * PrivateEndpoint and PrivateEndpointWhitelistEntry through the runtime against zilliz-local: unlike the
 * Terraform resources, read really reads (drift shows) and delete really deletes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../../support/emulator";
import { controlCalls, dedicatedCluster, defaultProjectId, directClient } from "./cloud-calls";
import { expectPartial, providerFor, refreshNoDiff, rejectionMessage, up } from "./harness";

let emu: TestEmulator;
let projectId = "";
beforeAll(async () => {
  emu = await startTestEmulator();
  projectId = await defaultProjectId(emu);
});
afterAll(async () => emu?.close());

describe("PrivateEndpoint", () => {
  let outs: Record<string, unknown> = {};
  let inputs: Record<string, unknown> = {};
  const endpointId = "vpce-0a1b2c3d4e5f67890";

  it("registers the endpoint; a Dedicated cluster in that region then has a private link address", async () => {
    const cluster = await dedicatedCluster(emu, "pe-cluster");
    expect(cluster.outs.privateLinkAddress).toBe("");
    inputs = { projectId, regionId: "aws-us-west-2", endpointId };
    const { p } = providerFor("PrivateEndpoint", emu);
    const created = await up(p, inputs);
    outs = created.outs;
    expect(created.id).toBe(endpointId);
    expect(outs).toMatchObject({ projectId, regionId: "aws-us-west-2", endpointId, cloudId: "aws", stateVersion: 2 });
    const { p: cp } = providerFor("Cluster", emu);
    const r = await cp.read(cluster.id, cluster.outs);
    expect((r.props as Record<string, unknown>).privateLinkAddress).not.toBe("");
  });

  it("refresh costs one list call and shows no diff; a no-change diff makes no call", async () => {
    const { p } = providerFor("PrivateEndpoint", emu);
    const calls = await controlCalls(emu, () => refreshNoDiff(p, endpointId, outs, inputs));
    expect(calls).toEqual([`GET /v2/projects/${projectId}/privateEndpoints`]);
    expect(await controlCalls(emu, () => p.diff(endpointId, outs, inputs))).toEqual([]);
    expect(await p.diff(endpointId, outs, { ...inputs, endpointId: "vpce-other" })).toMatchObject({ replaces: ["endpointId"] });
  });

  it("an endpoint removed outside the stack is seen gone on refresh", async () => {
    const { p } = providerFor("PrivateEndpoint", emu);
    await directClient(emu).privateEndpoints.delete(projectId, endpointId, { regionId: "aws-us-west-2" });
    expect(await p.read(endpointId, outs)).toEqual({});
  });

  it("delete really deletes (checked by a list), and a second delete is a no-op", async () => {
    const { p } = providerFor("PrivateEndpoint", emu);
    ({ outs } = await up(p, inputs));
    await p.delete(endpointId, outs);
    expect(await directClient(emu).privateEndpoints.list(projectId)).toEqual([]);
    await p.delete(endpointId, outs);
  });

  it("a GCP region needs gcpProjectId, others refuse it, at check with no call", async () => {
    const { p } = providerFor("PrivateEndpoint", emu);
    const calls = await controlCalls(emu, async () => {
      const gcp = await p.check({}, { projectId, regionId: "gcp-us-west1", endpointId: "fr-1" });
      expect(gcp.failures?.map((f) => f.property)).toEqual(["gcpProjectId"]);
      const aws = await p.check({}, { projectId, regionId: "aws-us-west-2", endpointId: "x", gcpProjectId: "g" });
      expect(aws.failures?.map((f) => f.property)).toEqual(["gcpProjectId"]);
      const bad = await p.check({}, { projectId: "project-1", regionId: "us west", endpointID: "x" });
      expect(bad.failures?.map((f) => f.property).sort()).toEqual(["endpointID", "endpointId", "projectId", "regionId"]);
    });
    expect(calls).toEqual([]);
  });

  it("registers a GCP endpoint with its GCP project, and a duplicate registration fails with the server's message", async () => {
    const { p } = providerFor("PrivateEndpoint", emu);
    const gcpInputs = { projectId, regionId: "gcp-us-west1", endpointId: "fr-1", gcpProjectId: "my-gcp" };
    const { outs: g } = await up(p, gcpInputs);
    expect(g).toMatchObject({ gcpProjectId: "my-gcp", cloudId: "gcp" });
    expect(await rejectionMessage(p.create(gcpInputs))).toMatch(/already registered.*set adopt: true/);
    const adopted = await p.create({ ...gcpInputs, adopt: true });
    expect(adopted).toMatchObject({ id: "fr-1", outs: { gcpProjectId: "my-gcp" } });
    await p.delete("fr-1", g);
    expect(await p.read("fr-1", g)).toEqual({});
  });
});

describe("PrivateEndpoint partial state", () => {
  it("a registration whose read-back fails stays in the stack; the next update reads it and clears the pending work", async () => {
    const { p } = providerFor("PrivateEndpoint", emu);
    const inputs = { projectId, regionId: "aws-us-west-2", endpointId: "vpce-partial" };
    await emu.control.injectFault({ method: "GET", path: `/v2/projects/${projectId}/privateEndpoints`, kind: "status", status: 500, times: 10 });
    const err = await expectPartial(p.create(inputs));
    await emu.control.clearFaults();
    expect(err.id).toBe("vpce-partial");
    expect(err.properties).toMatchObject({ ...inputs, pendingWork: { operation: "create", step: "read back" } });
    const outs = (await p.update("vpce-partial", err.properties, inputs)).outs as Record<string, unknown>;
    expect(outs).toMatchObject({ endpointId: "vpce-partial", cloudId: "aws" });
    expect(outs).not.toHaveProperty("pendingWork");
    await p.delete("vpce-partial", outs);
  });
});

describe("PrivateEndpointWhitelistEntry", () => {
  const inputs = () => ({ projectId, regionId: "aws-us-west-2", outerUserId: "123456789012" });
  let outs: Record<string, unknown> = {};

  it("adds the account, and refresh reads it back with one call and no diff", async () => {
    const { p } = providerFor("PrivateEndpointWhitelistEntry", emu);
    const created = await up(p, inputs());
    outs = created.outs;
    expect(created.id).toBe("123456789012");
    expect(outs).toMatchObject({ ...inputs(), createTime: expect.any(String) });
    const calls = await controlCalls(emu, () => refreshNoDiff(p, "123456789012", outs, inputs()));
    expect(calls).toEqual([`GET /v2/projects/${projectId}/privateEndpointWhitelist`]);
  });

  it("an entry removed outside the stack is seen gone by read (the drift Terraform never sees)", async () => {
    const { p } = providerFor("PrivateEndpointWhitelistEntry", emu);
    await directClient(emu).privateEndpoints.deleteWhitelist(projectId, "123456789012", "aws-us-west-2");
    expect(await p.read("123456789012", outs)).toEqual({});
  });

  it("delete really removes the entry; a second delete is a no-op", async () => {
    const { p } = providerFor("PrivateEndpointWhitelistEntry", emu);
    ({ outs } = await up(p, inputs()));
    await p.delete("123456789012", outs);
    expect(await directClient(emu).privateEndpoints.listWhitelist(projectId)).toEqual([]);
    await p.delete("123456789012", outs);
  });
});
