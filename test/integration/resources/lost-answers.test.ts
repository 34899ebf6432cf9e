/**
 * Creates whose answer is lost after the server acted (the emulator's lose-answer fault): each resource looks
 * up what happened and goes on with exactly one object; it never sends the create blindly again.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MilvusClient, ZillizClient } from "../../../src/client";
import { OWNER_LABEL } from "../../../src/resources/cluster/cluster-ownership";
import { startTestEmulator, type TestEmulator } from "../../support/emulator";
import { clusterOn, providerFor, refreshNoDiff, rejectionMessage, up } from "./harness";

let emu: TestEmulator;
let clusterId = "";
let endpoint = "";
let token = "";
const fields = [{ name: "id", dataType: "Int64", isPrimary: true, autoId: true }, { name: "tag", dataType: "VarChar", maxLength: 16 }, { name: "vec", dataType: "FloatVector", dim: 4 }];
const MARK = "0123456789abcdef";

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), "zilliz-lost-"));
  mkdirSync(join(root, "bucket"));
  writeFileSync(join(root, "bucket", "four.json"), JSON.stringify({ rows: Array.from({ length: 4 }, (_, i) => ({ tag: `t${i}`, vec: [i, 0.1, 0.2, 0.3] })) }));
  emu = await startTestEmulator({ importRoot: root });
  ({ clusterId, endpoint, token } = await clusterOn(emu, "lost-host"));
});
afterAll(async () => emu?.close());

const zc = () => new ZillizClient({ apiKey: emu.apiKey, baseUrl: emu.url });
const mc = () => new MilvusClient({ endpoint, token });
const createCalls = async (fragment: string) => (await emu.control.calls()).calls.filter((c) => c.method === "POST" && c.path.includes(fragment)).length;
async function clustersNamed(name: string) {
  const out = [];
  for await (const c of zc().clusters.list()) if (c.clusterName === name && c.status !== "DELETED") out.push(c);
  return out;
}

describe("Cluster: a lost create answer", () => {
  for (const mode of ["reset", "500"] as const) {
    it(`(${mode}) finds the cluster by name and ownership mark, and goes on with exactly one`, async () => {
      const name = `lost-c-${mode}`;
      const { p, logs } = providerFor("Cluster", emu);
      await emu.control.injectFault({ method: "POST", path: "/v2/clusters/createServerless", kind: "lose-answer", mode });
      await emu.control.clearCalls();
      const inputs = { clusterName: name, plan: "Serverless", regionId: "gcp-us-west1", labels: { team: "a" }, ownerMark: MARK };
      const { id, outs } = await up(p, inputs);
      expect(await createCalls("createServerless")).toBe(1);
      const all = await clustersNamed(name);
      expect(all.map((c) => c.clusterId)).toEqual([id]);
      expect(outs).toMatchObject({ status: "RUNNING", labels: { team: "a" }, password: "" });
      // The mark is on the server, and never among the resource's labels (no drift on refresh).
      expect(await zc().clusters.getLabels(id)).toEqual({ team: "a", [OWNER_LABEL]: MARK });
      await refreshNoDiff(p, id, outs, inputs);
      expect(logs.join("\n")).toMatch(/answer was lost.*looking up/);
      await p.delete!(id, outs);
    });
  }

  it("a Free cluster (no labels at create) is recognised by its creation time, then marked", async () => {
    const { p } = providerFor("Cluster", emu);
    await emu.control.injectFault({ method: "POST", path: "/v2/clusters/createFree", kind: "lose-answer", mode: "500" });
    await emu.control.clearCalls();
    const { id, outs } = await up(p, { clusterName: "lost-free", plan: "Free", regionId: "gcp-us-west1", ownerMark: MARK });
    expect(await createCalls("createFree")).toBe(1);
    expect((await clustersNamed("lost-free")).map((c) => c.clusterId)).toEqual([id]);
    expect(await zc().clusters.getLabels(id)).toEqual({ [OWNER_LABEL]: MARK });
    await p.delete!(id, outs);
  });

  it("an unmarked cluster of that name is not taken: the create fails with the next step", async () => {
    const projectId = (await zc().projects.list())[0]!.projectId;
    const foreign = await zc().clusters.createServerless({ clusterName: "lost-foreign", projectId, regionId: "gcp-us-west1" });
    const { p } = providerFor("Cluster", emu);
    // A 500 before acting: the name is taken by a cluster without this resource's mark.
    await emu.control.injectFault({ method: "POST", path: "/v2/clusters/createServerless", kind: "status", status: 500 });
    const message = await rejectionMessage(p.create({ clusterName: "lost-foreign", plan: "Serverless", regionId: "gcp-us-west1", ownerMark: MARK }));
    expect(message).toMatch(/cannot tell.*does not carry this resource's ownership mark.*Next step: .*adopt: true/);
    expect((await clustersNamed("lost-foreign")).map((c) => c.clusterId)).toEqual([foreign.clusterId]);
  });

  it("a create that meets its own marked cluster (an interrupted run) takes it over; another mark needs adopt", async () => {
    const { p, logs } = providerFor("Cluster", emu);
    const first = await up(p, { clusterName: "lost-own", plan: "Serverless", regionId: "gcp-us-west1", ownerMark: MARK });
    const again = await up(p, { clusterName: "lost-own", plan: "Serverless", regionId: "gcp-us-west1", ownerMark: MARK });
    expect(again.id).toBe(first.id);
    expect(logs.join("\n")).toMatch(/carries this resource's ownership mark.*taking it over/);
    const other = await rejectionMessage(p.create({ clusterName: "lost-own", plan: "Serverless", regionId: "gcp-us-west1", ownerMark: "fedcba9876543210" }));
    expect(other).toMatch(/already exists .*without this resource's ownership mark; set adopt: true/);
    await p.delete!(first.id, first.outs);
  });
});

describe("Collection and CollectionIndex: a lost create answer", () => {
  it("the collection is found by name and spec: exactly one, and the create sent once", async () => {
    const { p } = providerFor("Collection", emu);
    await emu.control.injectFault({ target: clusterId, method: "POST", path: "/v2/vectordb/collections/create", kind: "lose-answer" });
    await emu.control.clearCalls();
    const { id, outs } = await up(p, { endpoint, token, collectionName: "lost_coll", schema: { fields } });
    expect(id).toBe("default/lost_coll");
    expect(outs).toMatchObject({ collectionName: "lost_coll" });
    expect(await createCalls("collections/create")).toBe(1);
    expect((await mc().collections.list()).filter((n) => n === "lost_coll")).toHaveLength(1);
  });

  it("the index is found by name and spec, and its build awaited", async () => {
    const { p } = providerFor("CollectionIndex", emu);
    await emu.control.injectFault({ target: clusterId, method: "POST", path: "/v2/vectordb/indexes/create", kind: "lose-answer", mode: "500" });
    await emu.control.clearCalls();
    const { outs } = await up(p, { endpoint, token, collectionName: "lost_coll", fieldName: "vec", indexName: "vec_idx", indexType: "HNSW", metricType: "L2", params: { M: 8, efConstruction: 64 } });
    expect(outs).toMatchObject({ indexName: "vec_idx", indexState: "Finished" });
    expect(await createCalls("indexes/create")).toBe(1);
    expect((await mc().indexes.list({ collectionName: "lost_coll" })).filter((n) => n === "vec_idx")).toHaveLength(1);
  });

  it("a create that found nothing after a failure is sent once more (names are unique)", async () => {
    const { p, logs } = providerFor("Collection", emu);
    await emu.control.injectFault({ target: clusterId, method: "POST", path: "/v2/vectordb/collections/create", kind: "status", status: 503 });
    await emu.control.clearCalls();
    await up(p, { endpoint, token, collectionName: "lost_twice", schema: { fields } });
    expect(await createCalls("collections/create")).toBe(2);
    expect(logs.join("\n")).toMatch(/created nothing; sending it again/);
  });
});

describe("ImportJob: a lost submit answer", () => {
  const job = () => ({ clusterId, collectionName: "lost_coll", objectUrls: ["s3://bucket/four.json"], accessKey: "AK", secretKey: "SK" });
  const rowCount = async () => Number((await mc().collections.getStats({ collectionName: "lost_coll" })).rowCount);

  it("finds the job the lost request started (new since the request, same files) and imports once", async () => {
    const before = await rowCount();
    const { p } = providerFor("ImportJob", emu);
    await emu.control.injectFault({ method: "POST", path: "/v2/vectordb/jobs/import/create", kind: "lose-answer" });
    await emu.control.clearCalls();
    const { id, outs } = await up(p, job());
    expect(id).toMatch(/^job-/);
    expect(outs).toMatchObject({ jobId: id, state: "Completed", importedRows: 4 });
    expect(await createCalls("import/create")).toBe(1);
    expect(await rowCount()).toBe(before + 4);
  });

  it("a failure before acting is not re-sent: it says nothing was imported and what to do", async () => {
    const before = await rowCount();
    const { p } = providerFor("ImportJob", emu);
    await emu.control.injectFault({ method: "POST", path: "/v2/vectordb/jobs/import/create", kind: "status", status: 500 });
    await emu.control.clearCalls();
    const message = await rejectionMessage(p.create(job()));
    expect(message).toMatch(/answer was lost.*nothing it would have created exists yet.*Next step: .*ImportJob\.get.*run `pulumi up` again/);
    expect(await createCalls("import/create")).toBe(1);
    expect(await rowCount()).toBe(before);
  });

  it("an unfinished import of the same files (an interrupted run) is followed, not submitted again", async () => {
    await emu.control.setTransition("import", "manual");
    try {
      const started = await zc().importJobs.create({ clusterId, collectionName: "lost_coll", objectUrls: [["s3://bucket/four.json"]], accessKey: "AK", secretKey: "SK" });
      const before = await rowCount();
      const { p, logs } = providerFor("ImportJob", emu);
      await emu.control.clearCalls();
      const created = p.create(job());
      await new Promise((r) => setTimeout(r, 300));
      await emu.control.advance("import");
      const { id } = await created;
      expect(id).toBe(started.jobId);
      expect(await createCalls("import/create")).toBe(0);
      expect(logs.join("\n")).toMatch(/interrupted run submitted it\); following it instead/);
      expect(await rowCount()).toBe(before + 4);
    } finally {
      await emu.control.setTransition("import", "immediate");
    }
  });
});

describe("ImportJob: the job noted on the collection", () => {
  const job = () => ({ clusterId, collectionName: "lost_coll", objectUrls: ["s3://bucket/four.json"], accessKey: "AK", secretKey: "SK", ownerMark: MARK });
  const rowCount = async () => Number((await mc().collections.getStats({ collectionName: "lost_coll" })).rowCount);
  const note = async () => (await mc().collections.describe({ collectionName: "lost_coll" })).properties?.find((kv) => kv.key === `pulumi-zilliz.import.${MARK}`)?.value;

  it("a create after an interrupted run follows the job it noted, even finished, instead of importing again", async () => {
    const { p, logs } = providerFor("ImportJob", emu);
    const first = await up(p, job());
    expect(await note()).toBe(first.id);
    const rows = await rowCount();
    // The engine lost the result (a killed run): the same resource is created again.
    await emu.control.clearCalls();
    const again = await up(p, job());
    expect(again.id).toBe(first.id);
    expect(await createCalls("import/create")).toBe(0);
    expect(await rowCount()).toBe(rows);
    expect(logs.join("\n")).toMatch(/submitted it before \(noted on the collection by an interrupted run\); following it/);
    // Destroy forgets the job and its note; the rows stay.
    await p.delete!(again.id, again.outs);
    expect(await note()).toBeUndefined();
    expect(await rowCount()).toBe(rows);
  });

  it("a noted job that failed is not followed: the next create imports anew", async () => {
    const { p } = providerFor("ImportJob", emu);
    const failed = await p.create({ ...job(), objectUrls: ["s3://bucket/missing.json"] }).then(
      () => undefined,
      (e: { id?: string }) => e.id,
    );
    expect(failed).toMatch(/^job-/);
    expect(await note()).toBe(failed);
    await emu.control.clearCalls();
    const retried = await p.create({ ...job(), objectUrls: ["s3://bucket/missing.json"] }).then(
      () => undefined,
      (e: { id?: string }) => e.id,
    );
    expect(retried).not.toBe(failed);
    expect(await createCalls("import/create")).toBe(1);
  });
});

describe("a cluster whose password was never received", () => {
  it("a taken-over cluster has no password; endpoint wiring with its `user:` token signs in with the API key", async () => {
    const { p: clusters } = providerFor("Cluster", emu);
    await emu.control.injectFault({ method: "POST", path: "/v2/clusters/createServerless", kind: "lose-answer" });
    const cluster = await up(clusters, { clusterName: "lost-pw", plan: "Serverless", regionId: "gcp-us-west1", ownerMark: MARK });
    expect(cluster.outs).toMatchObject({ username: "", password: "" });
    const wiredToken = `${cluster.outs.username as string}:${cluster.outs.password as string}`;
    const { p, logs } = providerFor("Collection", emu);
    const { outs } = await up(p, { endpoint: cluster.outs.connectAddress, token: wiredToken, collectionName: "pw_coll", schema: { fields } });
    expect(outs.collectionName).toBe("pw_coll");
    expect(logs.join("\n")).toMatch(/has no password .*signing in with the provider's API key/);
    // A real password is used as given: a wrong one is refused (the fallback is only for a missing one).
    const wrong = await rejectionMessage(p.create({ endpoint: cluster.outs.connectAddress, token: "db_x:wrong", collectionName: "pw_coll2", schema: { fields } }));
    expect(wrong).toMatch(/auth|401|unauthenticated/i);
  });
});
