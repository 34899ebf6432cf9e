/** ImportJob through the runtime against zilliz-local: cloud (by clusterId) and self-hosted (endpoint) imports. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MilvusClient } from "../../../src/client";
import { startTestEmulator, type TestEmulator } from "../../support/emulator";
import { clusterOn, expectPartial, providerFor, refreshNoDiff, rejectionMessage, up } from "./harness";

let emu: TestEmulator;
let clusterId = "";
let endpoint = "";
let token = "";
const rows = (n: number) => ({ rows: Array.from({ length: n }, (_, i) => ({ tag: `t${i}`, vec: [i, 0.1, 0.2, 0.3] })) });

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), "zilliz-import-"));
  mkdirSync(join(root, "bucket"));
  writeFileSync(join(root, "bucket", "two.json"), JSON.stringify(rows(2)));
  writeFileSync(join(root, "bucket", "three.json"), JSON.stringify(rows(3)));
  writeFileSync(join(root, "local.json"), JSON.stringify(rows(1)));
  emu = await startTestEmulator({ importRoot: root });
  ({ clusterId, endpoint, token } = await clusterOn(emu, "import-host"));
  const { p } = providerFor("Collection", emu);
  await up(p, { endpoint, token, collectionName: "target", schema: { fields: [{ name: "id", dataType: "Int64", isPrimary: true, autoId: true }, { name: "tag", dataType: "VarChar", maxLength: 16 }, { name: "vec", dataType: "FloatVector", dim: 4 }] } });
});
afterAll(async () => emu?.close());

const rowCount = async () => Number((await new MilvusClient({ endpoint, token }).collections.getStats({ collectionName: "target" })).rowCount);
const job = (over: Record<string, unknown> = {}) => ({ clusterId, collectionName: "target", objectUrls: ["s3://bucket/two.json"], accessKey: "AK", secretKey: "SK", ...over });

describe("ImportJob lifecycle", () => {
  let id = "";
  let outs: Record<string, unknown> = {};
  let inputs: Record<string, unknown> = {};

  it("submits once and waits for Completed", async () => {
    inputs = job();
    const { p } = providerFor("ImportJob", emu);
    await emu.control.clearCalls();
    ({ id, outs } = await up(p, inputs));
    expect(id).toMatch(/^job-/);
    expect(outs).toMatchObject({ jobId: id, state: "Completed", importedRows: 2 });
    expect(await rowCount()).toBe(2);
    const calls = await emu.control.calls();
    expect(calls.calls.filter((c) => c.path.includes("import/create"))).toHaveLength(1);
  });

  it("refresh leaves no diff and the same outputs", async () => {
    const { p } = providerFor("ImportJob", emu);
    const r = await refreshNoDiff(p, id, outs, inputs);
    expect(r.props).toEqual(outs);
  });

  it("wait settings change in place; other files mean a new import (replace)", async () => {
    const { p } = providerFor("ImportJob", emu);
    const local = { ...inputs, waitTimeoutSeconds: 120 };
    expect(await p.diff!(id, outs, local)).toMatchObject({ changes: true, replaces: [] });
    outs = (await p.update!(id, outs, local)).outs as Record<string, unknown>;
    expect(outs).toMatchObject({ jobId: id, state: "Completed", waitTimeoutSeconds: 120 });
    expect((await p.diff!(id, outs, { ...local, objectUrls: ["s3://bucket/three.json"] })).replaces).toEqual(["objectUrls"]);
  });

  it("delete forgets the job and leaves the rows; a second delete is fine", async () => {
    const { p } = providerFor("ImportJob", emu);
    await p.delete!(id, outs);
    await p.delete!(id, outs);
    expect(await rowCount()).toBe(2);
  });

  it("read of a job the server no longer knows keeps it as last seen (records expire; the import happened)", async () => {
    const { p, logs } = providerFor("ImportJob", emu);
    const r = await p.read!("job-doesnotexist0000000000", outs);
    expect(r.id).toBe("job-doesnotexist0000000000");
    const { jobId: _a, ...kept } = r.props as Record<string, unknown>;
    const { jobId: _b, ...before } = outs;
    expect(kept).toEqual(before);
    expect(logs.join("\n")).toMatch(/no longer lists it/);
  });
});

describe("ImportJob failures", () => {
  it("a Failed import is an error carrying the reason and keeping the job id", async () => {
    const { p } = providerFor("ImportJob", emu);
    const err = await expectPartial(p.create(job({ objectUrls: ["s3://bucket/missing.json"] })));
    expect(err.id).toMatch(/^job-/);
    expect(err.properties).toMatchObject({ jobId: err.id });
    expect(err.reasons[0]!.length).toBeGreaterThan(0);
    expect(err.reasons.join(" ")).not.toMatch(/SK/);
  });

  it("a wait that times out leaves partial state", async () => {
    const { p } = providerFor("ImportJob", emu);
    await emu.control.setTransition("import", "manual");
    try {
      const err = await expectPartial(p.create(job({ waitTimeoutSeconds: 1 })));
      expect(err.id).toMatch(/^job-/);
      expect(err.reasons[0]).toMatch(/complete/);
    } finally {
      await emu.control.setTransition("import", "immediate");
      // Finish the job: a later create of the same files would follow an unfinished one instead of importing.
      await emu.control.advance("import");
    }
  });

  it("a create whose answer was lost is never re-sent (the job list shows nothing was started)", async () => {
    const { p } = providerFor("ImportJob", emu);
    await emu.control.injectFault({ method: "POST", path: "/v2/vectordb/jobs/import/create", kind: "status", status: 500, times: 1 });
    await emu.control.clearCalls();
    const message = await rejectionMessage(p.create(job()));
    expect(message).toMatch(/answer was lost.*nothing it would have created exists yet/);
    const calls = await emu.control.calls();
    expect(calls.calls.filter((c) => c.path.includes("import/create"))).toHaveLength(1);
  });

  it("imports into a self-hosted endpoint by bucket key", async () => {
    const { p } = providerFor("ImportJob", emu);
    const before = await rowCount();
    const { outs } = await up(p, { endpoint, token, collectionName: "target", objectUrls: [["local.json"]] });
    expect(outs.state).toBe("Completed");
    expect(await rowCount()).toBe(before + 1);
  });
});

describe("ImportJob over the v1 control plane", () => {
  it("imports one object URL and waits for completion", async () => {
    const { p } = providerFor("ImportJob", emu);
    const before = await rowCount();
    const inputs = { apiVersion: "v1", regionId: "gcp-us-west1", clusterId, collectionName: "target", objectUrls: ["s3://bucket/three.json"] };
    const { id, outs } = await up(p, inputs);
    expect(outs).toMatchObject({ jobId: id, state: "Completed", progress: 100 });
    expect(await rowCount()).toBe(before + 3);
    await refreshNoDiff(p, id, outs, inputs);
  });

  it("check refuses two URLs with v1", async () => {
    const { p } = providerFor("ImportJob", emu);
    const r = await p.check({}, { apiVersion: "v1", clusterId, collectionName: "target", objectUrls: ["s3://b/a.json", "s3://b/b.json"] });
    expect(r.failures!.map((f) => f.property)).toEqual(["objectUrls"]);
  });
});
