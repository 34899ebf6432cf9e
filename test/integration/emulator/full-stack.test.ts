/**
 * The emulator with its bundled parts (real data plane, legacy 0.x API): a cluster's data plane is reachable at
 * its connectAddress, control-plane imports land rows there, and everything survives a restart.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../../src/emulator";
import { request } from "../../unit/emulator/http";

let dir: string;
const running: RunningEmulator[] = [];
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "zilliz-local-full-"));
});
afterEach(async () => {
  for (const e of running.splice(0)) await e.close();
  rmSync(dir, { recursive: true, force: true });
});

async function start(options: Parameters<typeof startEmulator>[0] = {}): Promise<RunningEmulator> {
  const emulator = await startEmulator({ stateFile: path.join(dir, "state.json"), ...options });
  running.push(emulator);
  return emulator;
}

describe("bundled data plane and legacy API", () => {
  it("imports through the control plane into the cluster's data plane, in manual import mode, and keeps it all across a restart", async () => {
    const rows = path.join(dir, "rows.json");
    writeFileSync(rows, JSON.stringify({ rows: [{ id: 1, vector: [1, 0] }, { id: 2, vector: [0, 1] }] }));
    const e = await start({ transitions: { cluster: { kind: "immediate" }, import: { kind: "manual" } } });
    const key = e.apiKey;
    const project = (await request(e.url, "GET", "/v2/projects", { key })).body.data[0].projectId;
    const created = (
      await request(e.url, "POST", "/v2/clusters/createServerless", { key, body: { clusterName: "full", projectId: project, regionId: "gcp-us-west1" } })
    ).body.data;
    const address = (await request(e.url, "GET", `/v2/clusters/${created.clusterId}`, { key })).body.data.connectAddress;
    const userPass = `${created.username}:${created.password}`;
    const made = await request(address, "POST", "/v2/vectordb/collections/create", { key: userPass, body: { collectionName: "c", dimension: 2 } });
    expect(made.body.code).toBe(0);

    const jobId = (
      await request(e.url, "POST", "/v2/vectordb/jobs/import/create", {
        key,
        body: { clusterId: created.clusterId, collectionName: "c", objectUrls: [[`file://${rows}`]] },
      })
    ).body.data.jobId;
    let controlUrl = e.url;
    const progress = () => request(controlUrl, "POST", "/v2/vectordb/jobs/import/getProgress", { key, body: { clusterId: created.clusterId, jobId } });
    expect(["Pending", "Importing"]).toContain((await progress()).body.data.state);
    e.control.advance("import");
    expect((await progress()).body.data).toMatchObject({ state: "Completed", progress: 100, importedRows: 2 });

    // The legacy 0.x API on its own port.
    expect(e.legacyUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const legacy = await request(e.legacyUrl!, "POST", "/collections", { body: { collection_name: "old", dimension: 8, index_file_size: 1024, metric_type: "L2" } });
    expect(legacy.status).toBe(201);

    await e.close();
    running.splice(0);
    // Let fetch's pool see the closed keep-alive sockets before the same port answers again.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const again = await start();
    controlUrl = again.url;
    const stats = await request(address, "POST", "/v2/vectordb/collections/get_stats", { key: userPass, body: { collectionName: "c" } });
    expect(stats.body).toMatchObject({ code: 0, data: { rowCount: 2 } });
    expect((await progress()).body.data.state).toBe("Completed");
    const legacyList = await request(again.legacyUrl!, "GET", "/collections");
    expect(legacyList.body.collections.map((c: { collection_name: string }) => c.collection_name)).toEqual(["old"]);
  });

  it("the org API key works on every cluster's data plane, another cluster's password does not", async () => {
    const e = await start();
    const key = e.apiKey;
    const project = (await request(e.url, "GET", "/v2/projects", { key })).body.data[0].projectId;
    const a = (await request(e.url, "POST", "/v2/clusters/createFree", { key, body: { clusterName: "a", projectId: project, regionId: "gcp-us-west1" } })).body.data;
    const b = (await request(e.url, "POST", "/v2/clusters/createFree", { key, body: { clusterName: "b", projectId: project, regionId: "gcp-us-west1" } })).body.data;
    const addressA = (await request(e.url, "GET", `/v2/clusters/${a.clusterId}`, { key })).body.data.connectAddress;
    expect((await request(addressA, "POST", "/v2/vectordb/collections/list", { key, body: {} })).body.code).toBe(0);
    const wrong = await request(addressA, "POST", "/v2/vectordb/collections/list", { key: `${b.username}:${b.password}`, body: {} });
    expect(wrong.body.code).not.toBe(0);
  });

  it("passes importRoot to the data planes; the control plane still wants URLs (10003 for a bare key)", async () => {
    writeFileSync(path.join(dir, "keyed.json"), JSON.stringify([{ id: 7, vector: [1, 1] }]));
    const e = await start({ importRoot: dir });
    const key = e.apiKey;
    const project = (await request(e.url, "GET", "/v2/projects", { key })).body.data[0].projectId;
    const clusterId = (
      await request(e.url, "POST", "/v2/clusters/createServerless", { key, body: { clusterName: "root", projectId: project, regionId: "gcp-us-west1" } })
    ).body.data.clusterId;
    const address = (await request(e.url, "GET", `/v2/clusters/${clusterId}`, { key })).body.data.connectAddress;
    await request(address, "POST", "/v2/vectordb/collections/create", { key, body: { collectionName: "c", dimension: 2 } });
    const bare = await request(e.url, "POST", "/v2/vectordb/jobs/import/create", { key, body: { clusterId, collectionName: "c", objectUrls: [["keyed.json"]] } });
    expect(bare.body.code).toBe(10003);
    // The Milvus-native import on the cluster endpoint takes bucket keys, resolved under importRoot.
    const native = await request(address, "POST", "/v2/vectordb/jobs/import/create", { key, body: { collectionName: "c", files: [["keyed.json"]] } });
    expect(native.body.code).toBe(0);
    const stats = await request(address, "POST", "/v2/vectordb/collections/get_stats", { key, body: { collectionName: "c" } });
    expect(stats.body).toMatchObject({ code: 0, data: { rowCount: 1 } });
  });
});
