import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../../src/emulator";
import { request } from "../../unit/emulator/http";
import { stubDataPlaneFactory } from "../../unit/emulator/stub-data-plane";

let dir: string;
let stateFile: string;
const running: RunningEmulator[] = [];

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "zilliz-local-state-"));
  stateFile = path.join(dir, "state.json");
});
afterEach(async () => {
  for (const e of running.splice(0)) await e.close();
  rmSync(dir, { recursive: true, force: true });
});

async function start(): Promise<RunningEmulator> {
  const emulator = await startEmulator({ stateFile, legacyPort: false, createDataPlane: stubDataPlaneFactory().factory });
  running.push(emulator);
  return emulator;
}

async function createClusterWithImport(e: RunningEmulator) {
  const project = (await request(e.url, "GET", "/v2/projects", { key: e.apiKey })).body.data[0].projectId;
  const created = await request(e.url, "POST", "/v2/clusters/createDedicated", {
    key: e.apiKey,
    body: { clusterName: "kept", projectId: project, regionId: "aws-us-west-2", cuType: "Performance-optimized", cuSize: 2 },
  });
  const clusterId = created.body.data.clusterId as string;
  const job = await request(e.url, "POST", "/v2/vectordb/jobs/import/create", {
    key: e.apiKey,
    body: { clusterId, collectionName: "docs", objectUrls: [["s3://bucket/a.parquet"]] },
  });
  return { project, clusterId, password: created.body.data.password as string, jobId: job.body.data.jobId as string };
}

describe("state file", () => {
  it("keeps projects, clusters, import jobs, data planes and the API key across a restart, on the same port", async () => {
    const first = await start();
    const { project, clusterId, password, jobId } = await createClusterWithImport(first);
    const address = (await request(first.url, "GET", `/v2/clusters/${clusterId}`, { key: first.apiKey })).body.data.connectAddress;
    // Written atomically: a complete JSON file and no temp file left behind.
    expect(JSON.parse(readFileSync(stateFile, "utf8")).controlPlane.clusters).toHaveLength(1);
    expect(readdirSync(dir)).toEqual(["state.json"]);
    await first.close();
    running.splice(0);

    const second = await start();
    expect(second.apiKey).toBe(first.apiKey);
    expect((await request(second.url, "GET", "/v2/projects", { key: second.apiKey })).body.data[0].projectId).toBe(project);
    const described = (await request(second.url, "GET", `/v2/clusters/${clusterId}`, { key: second.apiKey })).body.data;
    expect(described).toMatchObject({ clusterId, status: "RUNNING", cuSize: 2, connectAddress: address });
    const progress = await request(second.url, "POST", "/v2/vectordb/jobs/import/getProgress", { key: second.apiKey, body: { clusterId, jobId } });
    expect(progress.body.data).toMatchObject({ jobId, state: "Completed", collectionName: "docs" });
    const dataPlane = await request(address, "POST", "/v2/vectordb/collections/list", { key: `db_admin:${password}`, body: {} });
    expect(dataPlane.status).toBe(200);
    expect(second.notes).toEqual([]);
  });

  it("moves a data plane to another port when its old one is taken, and says so", async () => {
    const first = await start();
    const { clusterId } = await createClusterWithImport(first);
    const oldAddress = (await request(first.url, "GET", `/v2/clusters/${clusterId}`, { key: first.apiKey })).body.data.connectAddress;
    await first.close();
    running.splice(0);
    const squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(Number(new URL(oldAddress).port), "127.0.0.1", resolve));
    try {
      const second = await start();
      const newAddress = (await request(second.url, "GET", `/v2/clusters/${clusterId}`, { key: second.apiKey })).body.data.connectAddress;
      expect(newAddress).not.toBe(oldAddress);
      expect(second.notes.join("\n")).toContain(clusterId);
    } finally {
      squatter.close();
    }
  });

  it("refuses a file that is not a state file instead of starting empty", async () => {
    const { writeFileSync } = await import("node:fs");
    writeFileSync(stateFile, JSON.stringify({ something: "else" }));
    await expect(start()).rejects.toThrow(/not a zilliz-local state file/);
  });
});
