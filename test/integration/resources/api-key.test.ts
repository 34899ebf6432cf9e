/**
 * ApiKey through the runtime against zilliz-local: lifecycle with scopes changed in place, the secret value
 * known only at create, adopt/get, and a scoped key used as a data-plane token on its own cluster only.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect, ZillizClient } from "../../../src/client";
import { startTestEmulator, type TestEmulator } from "../../support/emulator";
import { expectNoChangeFree, expectRejectedFree, refreshCalls } from "./control-plane-fixture";
import { expectPartial, providerFor, rejectionMessage, up } from "./harness";

let emu: TestEmulator;
let projectId = "";
const clusters: Record<"a" | "b", { id: string; endpoint: string }> = { a: { id: "", endpoint: "" }, b: { id: "", endpoint: "" } };

beforeAll(async () => {
  emu = await startTestEmulator();
  const { p } = providerFor("Project", emu);
  projectId = (await up(p, { projectName: "keys", plan: "Enterprise" })).id;
  const { p: cp } = providerFor("Cluster", emu);
  for (const k of ["a", "b"] as const) {
    const { id, outs } = await up(cp, { clusterName: `keys-${k}`, plan: "Enterprise", regionId: "gcp-us-west1", projectId });
    clusters[k] = { id, endpoint: outs.connectAddress as string };
  }
});
afterAll(async () => emu?.close());

/** A data-plane call with `token`: its HTTP status and body code. */
async function listCollections(endpoint: string, token: string): Promise<{ status: number; code: number }> {
  const res = await fetch(`${endpoint}/v2/vectordb/collections/list`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: "{}" });
  return { status: res.status, code: ((await res.json()) as { code: number }).code };
}

describe("ApiKey lifecycle", () => {
  let id = "";
  let outs: Record<string, unknown> = {};
  let value = "";
  const inputs = () => ({ name: "svc-a", orgRole: "Member", projects: [{ projectId, role: "Read-Write", clusterIds: [clusters.a.id] }] });

  it("creates the key; its value is a secret output of the create only, never logged", async () => {
    const { p, logs } = providerFor("ApiKey", emu);
    ({ id, outs } = await up(p, inputs()));
    value = outs.apiKey as string;
    expect(value).toMatch(/^[0-9a-f]{80}$/);
    expect(outs).toMatchObject({ apiKeyId: id, name: "svc-a", orgRole: "Member", stateVersion: 2 });
    // Stored as the program wrote it (the server agrees once its defaults are filled in).
    expect(outs.projects).toEqual(inputs().projects);
    expect(logs.join("\n")).not.toContain(value);
  });

  it("the key works on its cluster's data plane and is refused (401/1800) on another cluster's", async () => {
    expect(await listCollections(clusters.a.endpoint, value)).toEqual({ status: 200, code: 0 });
    expect(await listCollections(clusters.b.endpoint, value)).toEqual({ status: 401, code: 1800 });
  });

  it("refresh costs one read call, keeps the value and shows no diff; a no-change diff costs none", async () => {
    const { p } = providerFor("ApiKey", emu);
    const { calls, r } = await refreshCalls(emu, p, id, outs, inputs());
    expect(calls).toEqual([`GET /v2/apiKeys/${id}`]);
    expect(r.props).toEqual(outs);
    await expectNoChangeFree(emu, p, id, outs, inputs());
    // The same grant written with the defaults spelled out and ids in another order is no change either.
    await expectNoChangeFree(emu, p, id, outs, { ...inputs(), projects: [{ projectId, role: "Read-Write", allCluster: false, clusterIds: [clusters.a.id], allVolume: true, volumeIds: [] }] });
  });

  it("renames and moves the scope to cluster B in place: same id, same value, the data planes follow", async () => {
    const { p } = providerFor("ApiKey", emu);
    const news = { name: "svc-b", orgRole: "Member", projects: [{ projectId, role: "Read-Write", clusterIds: [clusters.b.id] }] };
    expect(await p.diff!(id, outs, news)).toMatchObject({ changes: true, replaces: [] });
    outs = (await p.update!(id, outs, news)).outs as Record<string, unknown>;
    expect(outs).toMatchObject({ apiKeyId: id, name: "svc-b", apiKey: value });
    expect(await listCollections(clusters.b.endpoint, value)).toEqual({ status: 200, code: 0 });
    expect(await listCollections(clusters.a.endpoint, value)).toEqual({ status: 401, code: 1800 });
    // A grant of all clusters of the project reaches both.
    outs = (await p.update!(id, outs, { ...news, projects: [{ projectId, role: "Read-Write" }] })).outs as Record<string, unknown>;
    expect(await listCollections(clusters.a.endpoint, value)).toEqual({ status: 200, code: 0 });
  });

  it("bad input fails at check with no call", async () => {
    const { p } = providerFor("ApiKey", emu);
    await expectRejectedFree(emu, p, { name: "", orgRole: "Member" }, ["name"]);
    await expectRejectedFree(emu, p, { name: "k", orgRole: "Member", projects: [{ projectId: "Default Project", role: "Owner" }] }, ["projects[0].projectId"]);
    await expectRejectedFree(emu, p, { name: "k", orgRole: "Member", projects: [{ projectId, role: "Owner", allCluster: true, clusterIds: [clusters.a.id] }] }, ["projects[0].clusterIds"]);
    await expectRejectedFree(emu, p, { name: "k", orgRole: "Member", projects: [{ projectId, role: "Owner" }, { projectId, role: "Admin" }] }, ["projects[1].projectId"]);
    const [reason] = await expectRejectedFree(emu, p, { name: "k", orgRole: "Member", projects: [{ projectId, role: "Owner", clusterId: [clusters.a.id] }] }, ["projects[0].clusterId"]);
    expect(reason).toMatch(/did you mean "clusterIds"/);
  });

  it("deletes: the key stops working on the data plane; a second delete and a read see it gone", async () => {
    const { p } = providerFor("ApiKey", emu);
    await p.delete!(id, outs);
    expect(await listCollections(clusters.a.endpoint, value)).toEqual({ status: 401, code: 1800 });
    expect(await p.read!(id, outs)).toEqual({});
    await p.delete!(id, outs);
  });
});

describe("ApiKey adopt and get", () => {
  it("get reads the key with its scopes; its value stays unknown (\"\")", async () => {
    const zc = new ZillizClient({ apiKey: emu.apiKey, baseUrl: emu.url });
    const made = await zc.apiKeys.create({ name: "made-elsewhere", orgRole: "Member", projects: [{ projectId, role: "Read-Only" }] });
    const { p } = providerFor("ApiKey", emu);
    const r = await p.read!(made.apiKeyId, {});
    expect(r.inputs).toMatchObject({ name: "made-elsewhere", orgRole: "Member", projects: [{ projectId, role: "Read-Only", allCluster: true }] });
    expect((r.props as Record<string, unknown>).apiKey).toBe("");
    await zc.apiKeys.delete(made.apiKeyId);
  });

  it("adopt takes over the key of that name and sets its scopes; the value stays \"\"", async () => {
    const zc = new ZillizClient({ apiKey: emu.apiKey, baseUrl: emu.url });
    const made = await zc.apiKeys.create({ name: "to-adopt", orgRole: "Member" });
    const { p, logs } = providerFor("ApiKey", emu);
    const adopted = await up(p, { name: "to-adopt", orgRole: "Member", projects: [{ projectId, role: "Admin", clusterIds: [clusters.a.id] }], adopt: true });
    expect(adopted.id).toBe(made.apiKeyId);
    expect(adopted.outs.apiKey).toBe("");
    expect(logs.join("\n")).toMatch(/its value is not known/);
    expect((await zc.apiKeys.describe(made.apiKeyId)).projects[0]).toMatchObject({ projectId, role: "Admin", clusters: [{ clusterId: clusters.a.id }] });
    await p.delete!(adopted.id, adopted.outs);
    expect((await collect(zc.apiKeys.list())).some((k) => k.apiKeyId === made.apiKeyId)).toBe(false);
  });

  it("a create the server refuses (an unknown project) fails with its error and leaves no key", async () => {
    const { p } = providerFor("ApiKey", emu);
    const message = await rejectionMessage(p.create({ name: "bad", orgRole: "Member", projects: [{ projectId: "proj-0000000000000000000000", role: "Owner" }] }));
    expect(message).toMatch(/code 960(05|12)/);
  });
});

describe("ApiKey reach", () => {
  it("an Owner key is a data-plane token on every cluster; a key with no grant on none", async () => {
    const { p } = providerFor("ApiKey", emu);
    const owner = await up(p, { name: "owner", orgRole: "Owner" });
    const none = await up(p, { name: "nothing", orgRole: "Member" });
    for (const c of [clusters.a, clusters.b]) {
      expect(await listCollections(c.endpoint, owner.outs.apiKey as string)).toEqual({ status: 200, code: 0 });
      expect(await listCollections(c.endpoint, none.outs.apiKey as string)).toEqual({ status: 401, code: 1800 });
    }
    await p.delete!(owner.id, owner.outs);
    await p.delete!(none.id, none.outs);
  });

  it("a create whose describe fails keeps the key (and its value) as partial state", async () => {
    const { p } = providerFor("ApiKey", emu);
    await emu.control.injectFault({ method: "GET", path: "/v2/apiKeys/*", kind: "status", status: 500, times: 10 });
    let err;
    try {
      err = await expectPartial(p.create({ name: "half", orgRole: "Member" }));
    } finally {
      await emu.control.clearFaults();
    }
    expect(err.properties.apiKey).toMatch(/^[0-9a-f]{80}$/);
    expect(err.properties.pendingWork).toMatchObject({ operation: "create", step: "describe" });
    expect(err.reasons.join(" ")).not.toContain(err.properties.apiKey as string);
    const outs = (await p.update!(err.id, err.properties, { name: "half", orgRole: "Member" })).outs as Record<string, unknown>;
    expect(outs).toMatchObject({ apiKeyId: err.id, name: "half", apiKey: err.properties.apiKey });
    expect(outs).not.toHaveProperty("pendingWork");
    await p.delete!(err.id, outs);
  });
});
