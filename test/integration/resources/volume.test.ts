/**
 * Volume through the runtime against zilliz-local: managed and external volumes, the wait for RUNNING with
 * partial state, adopt/get, and an ImportJob fed from a volume that imports its rows exactly once.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MilvusClient, ZillizClient } from "../../../src/client";
import { startTestEmulator, type TestEmulator } from "../../support/emulator";
import { callsDuring, expectNoChangeFree, expectRejectedFree, refreshCalls } from "./control-plane-fixture";
import { clusterOn, expectPartial, providerFor, rejectionMessage, up } from "./harness";

let emu: TestEmulator;
let root = "";
const rows = (n: number) => ({ rows: Array.from({ length: n }, (_, i) => ({ tag: `t${i}`, vec: [i, 0.1, 0.2, 0.3] })) });

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "zilliz-volume-"));
  // A MANAGED volume named "staged" is read from <importRoot>/staged/… by zilliz-local (docs/emulator.md).
  mkdirSync(join(root, "staged", "batch-1"), { recursive: true });
  writeFileSync(join(root, "staged", "batch-1", "rows.json"), JSON.stringify(rows(3)));
  writeFileSync(join(root, "staged", "batch-1", "more.json"), JSON.stringify(rows(2)));
  emu = await startTestEmulator({ importRoot: root });
});
afterAll(async () => emu?.close());

describe("Volume lifecycle (MANAGED)", () => {
  let outs: Record<string, unknown> = {};
  const inputs = { volumeName: "staged", regionId: "gcp-us-west1" };

  it("creates the volume and waits for RUNNING; projectId left to the server stays unset", async () => {
    const { p } = providerFor("Volume", emu);
    const created = await up(p, inputs);
    outs = created.outs;
    expect(created.id).toBe("staged");
    expect(outs).toMatchObject({ volumeName: "staged", regionId: "gcp-us-west1", status: "RUNNING", stateVersion: 2 });
    expect(outs).not.toHaveProperty("projectId");
  });

  it("refresh costs one read call and shows no diff; a no-change diff costs none", async () => {
    const { p } = providerFor("Volume", emu);
    const { calls, r } = await refreshCalls(emu, p, "staged", outs, inputs);
    expect(calls).toEqual(["GET /v2/volumes/staged"]);
    expect(r.props).toEqual(outs);
    await expectNoChangeFree(emu, p, "staged", outs, inputs);
    await expectNoChangeFree(emu, p, "staged", outs, { ...inputs, type: "MANAGED" });
  });

  it("a changed region or type replaces; a new deadline is only recorded", async () => {
    const { p } = providerFor("Volume", emu);
    expect((await p.diff!("staged", outs, { ...inputs, regionId: "aws-us-west-2" })).replaces).toEqual(["regionId"]);
    expect([...((await p.diff!("staged", outs, { ...inputs, type: "EXTERNAL", storageIntegrationId: "integ-1", path: "s3://b/p/" })).replaces ?? [])].sort()).toEqual(["path", "storageIntegrationId", "type"]);
    const local = { ...inputs, waitTimeoutSeconds: 60 };
    const calls = await callsDuring(emu, async () => (outs = (await p.update!("staged", outs, local)).outs as Record<string, unknown>));
    expect(calls).toEqual([]);
    expect(outs.waitTimeoutSeconds).toBe(60);
  });

  it("bad input fails at check with no call", async () => {
    const { p } = providerFor("Volume", emu);
    await expectRejectedFree(emu, p, { volumeName: "1st", regionId: "gcp-us-west1" }, ["volumeName"]);
    await expectRejectedFree(emu, p, { volumeName: "ext", regionId: "gcp-us-west1", type: "EXTERNAL" }, ["path", "storageIntegrationId"]);
    await expectRejectedFree(emu, p, { volumeName: "m", regionId: "gcp-us-west1", path: "s3://b/p/" }, ["path"]);
  });
});

describe("ImportJob from a volume", () => {
  let clusterId = "";
  let endpoint = "";
  let token = "";
  let id = "";
  let outs: Record<string, unknown> = {};
  const job = () => ({ clusterId, collectionName: "target", volumeName: "staged", dataPaths: ["batch-1/rows.json"] });
  const rowCount = async () => Number((await new MilvusClient({ endpoint, token }).collections.getStats({ collectionName: "target" })).rowCount);

  beforeAll(async () => {
    ({ clusterId, endpoint, token } = await clusterOn(emu, "volume-host"));
    const { p } = providerFor("Collection", emu);
    await up(p, { endpoint, token, collectionName: "target", schema: { fields: [{ name: "id", dataType: "Int64", isPrimary: true, autoId: true }, { name: "tag", dataType: "VarChar", maxLength: 16 }, { name: "vec", dataType: "FloatVector", dim: 4 }] } });
  });

  it("imports the volume's file once, sending volumeName + dataPaths", async () => {
    const { p } = providerFor("ImportJob", emu);
    await emu.control.clearCalls();
    ({ id, outs } = await up(p, job()));
    expect(outs).toMatchObject({ jobId: id, state: "Completed", importedRows: 3, volumeName: "staged" });
    expect(await rowCount()).toBe(3);
    expect((await emu.control.calls()).calls.filter((c) => c.path.includes("import/create"))).toHaveLength(1);
  });

  it("refresh, preview and a renamed collection never import again; other files or another volume replace", async () => {
    const { p } = providerFor("ImportJob", emu);
    const r = await p.read!(id, outs);
    expect((await p.diff!(id, r.props as Record<string, unknown>, job())).changes).toBe(false);
    const renamed = { ...job(), collectionName: "renamed" };
    expect(await p.diff!(id, outs, renamed)).toMatchObject({ changes: true, replaces: [] });
    const calls = await callsDuring(emu, () => p.update!(id, outs, renamed));
    expect(calls).toEqual([]);
    expect((await p.diff!(id, outs, { ...job(), dataPaths: ["batch-1/more.json"] })).replaces).toEqual(["dataPaths"]);
    expect((await p.diff!(id, outs, { ...job(), volumeName: "other" })).replaces).toEqual(["volumeName"]);
    expect(await rowCount()).toBe(3);
  });

  it("check refuses a volume with object URLs, without dataPaths, or with endpoint, with no call", async () => {
    const { p } = providerFor("ImportJob", emu);
    await expectRejectedFree(emu, p, { ...job(), objectUrls: ["s3://bucket/a.json"] }, ["volumeName"]);
    await expectRejectedFree(emu, p, { clusterId, collectionName: "target", volumeName: "staged" }, ["dataPaths"]);
    await expectRejectedFree(emu, p, { clusterId, collectionName: "target", dataPaths: ["a.json"] }, ["dataPaths", "objectUrls"]);
    await expectRejectedFree(emu, p, { endpoint: "http://localhost:19530", collectionName: "target", volumeName: "staged", dataPaths: ["a.json"] }, ["volumeName"]);
  });
});

describe("Volume edge cases", () => {
  it("an EXTERNAL volume keeps its integration and path; delete waits until it is gone", async () => {
    const { p } = providerFor("Volume", emu);
    const inputs = { volumeName: "ext", regionId: "aws-us-west-2", type: "EXTERNAL", storageIntegrationId: "integ-0123", path: "s3://my-bucket/staging/" };
    const { outs } = await up(p, inputs);
    expect(outs).toMatchObject({ type: "EXTERNAL", storageIntegrationId: "integ-0123", path: "s3://my-bucket/staging/", status: "RUNNING" });
    await p.delete!("ext", outs);
    expect(await p.read!("ext", outs)).toEqual({});
    await p.delete!("ext", outs);
  });

  it("a wait that times out leaves partial state; the next update resumes the wait", async () => {
    const { p } = providerFor("Volume", emu);
    await emu.control.setTransition("cluster", "manual");
    try {
      const checked = await p.check({}, { volumeName: "slow", regionId: "gcp-us-west1", waitTimeoutSeconds: 1 });
      const err = await expectPartial(p.create(checked.inputs!));
      expect(err.id).toBe("slow");
      expect(err.properties).toMatchObject({ volumeName: "slow", status: "CREATING", pendingWork: { operation: "create", step: "wait RUNNING" } });
      await emu.control.advance("cluster", "slow");
      const outs = (await p.update!("slow", err.properties, checked.inputs!)).outs as Record<string, unknown>;
      expect(outs.status).toBe("RUNNING");
      expect(outs).not.toHaveProperty("pendingWork");
      await p.delete!("slow", outs);
    } finally {
      await emu.control.setTransition("cluster", "immediate");
    }
  });

  it("adopt takes over a matching volume and refuses a mismatching one; get reads it", async () => {
    const zc = new ZillizClient({ apiKey: emu.apiKey, baseUrl: emu.url });
    const projectId = (await zc.projects.list()).find((x) => x.projectName === "Default Project")!.projectId;
    await zc.volumes.create({ projectId, regionId: "gcp-us-west1", volumeName: "existing" });
    const { p } = providerFor("Volume", emu);
    expect(await rejectionMessage(p.create({ volumeName: "existing", regionId: "gcp-us-west1" }))).toMatch(/already exists; set adopt: true/);
    expect(await rejectionMessage(p.create({ volumeName: "existing", regionId: "aws-us-west-2", adopt: true }))).toMatch(/regionId: existing "gcp-us-west1", wanted "aws-us-west-2"/);
    const adopted = await up(p, { volumeName: "existing", regionId: "gcp-us-west1", adopt: true });
    expect(adopted.id).toBe("existing");
    const r = await p.read!("existing", {});
    // What the server chose (the project) or a default (MANAGED) stays unset among the inputs, as for a Cluster.
    expect(r.inputs).toEqual({ volumeName: "existing", regionId: "gcp-us-west1" });
    expect(r.props).toMatchObject({ status: "RUNNING" });
    await p.delete!("existing", adopted.outs);
  });
});
