/**
 * The `zilliz-local` bin as a user runs it: compiled by tsc, spawned with node, its printed URL and key used,
 * stopped with a signal.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { request } from "../../unit/emulator/http";
import { startMoto } from "../../support/moto";

const root = path.resolve(__dirname, "../../..");
const main = path.join(root, "dist/emulator/main.js");
const children: ChildProcess[] = [];
let dir: string;

beforeAll(() => {
  const started = Date.now();
  try {
    execFileSync("npx", ["tsc", "-p", "tsconfig.json"], { cwd: root, stdio: "pipe" });
  } catch (error) {
    // Type errors elsewhere in the tree still emit; the bin must have been written by this build.
    process.stderr.write(String((error as { stdout?: Buffer }).stdout ?? error));
  }
  expect(existsSync(main)).toBe(true);
  expect(statSync(main).mtimeMs).toBeGreaterThanOrEqual(started - 1000);
  dir = mkdtempSync(path.join(tmpdir(), "zilliz-local-cli-"));
}, 240_000);

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

/** Spawns the bin and resolves with the printed lines once the first one with a URL appears. */
async function spawnCli(args: string[]): Promise<{ child: ChildProcess; url: string; lines: string[] }> {
  const child = spawn(process.execPath, [main, ...args], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  const lines: string[] = [];
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed; stderr: ${stderr}`)), 20_000);
    createInterface({ input: child.stdout! }).on("line", (line) => {
      lines.push(line);
      const match = /listening on (http:\/\/\S+)/.exec(line);
      if (match) {
        clearTimeout(timer);
        setTimeout(() => resolve(match[1]), 50); // let the banner's other lines arrive
      }
    });
    child.on("exit", (code) => reject(new Error(`exited with ${code} before listening; stderr: ${stderr}`)));
  });
  return { child, url, lines };
}

function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  return new Promise((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.kill(signal);
  });
}

describe("zilliz-local CLI", () => {
  it("prints its URL and key, serves the control plane with the chosen transitions, and stops on SIGTERM", async () => {
    const { child, url, lines } = await spawnCli(["--port", "0", "--api-key", "cli-key", "--transitions", "manual", "--legacy-port", "off"]);
    expect(lines.join("\n")).toContain("API key: cli-key");
    const project = (await request(url, "GET", "/v2/projects", { key: "cli-key" })).body.data[0].projectId;
    const created = await request(url, "POST", "/v2/clusters/createServerless", {
      key: "cli-key",
      body: { clusterName: "cli", projectId: project, regionId: "gcp-us-west1" },
    });
    const id = created.body.data.clusterId;
    expect((await request(url, "GET", `/v2/clusters/${id}`, { key: "cli-key" })).body.data.status).toBe("CREATING");
    expect((await request(url, "GET", "/v2/clusters", { key: "wrong" })).status).toBe(401);
    expect(await stop(child, "SIGTERM")).toBe(0);
    await expect(fetch(url + "/v2/clouds")).rejects.toThrow();
  });

  it("keeps state across a restart with --state-file, stopping on SIGINT", async () => {
    const stateFile = path.join(dir, "state.json");
    const first = await spawnCli(["--port", "0", "--state-file", stateFile, "--legacy-port", "off"]);
    const key = /API key: (\S+)/.exec(first.lines.join("\n"))![1];
    const project = (await request(first.url, "GET", "/v2/projects", { key })).body.data[0].projectId;
    const id = (
      await request(first.url, "POST", "/v2/clusters/createFree", { key, body: { clusterName: "kept", projectId: project, regionId: "gcp-us-west1" } })
    ).body.data.clusterId;
    expect(await stop(first.child, "SIGINT")).toBe(0);

    const second = await spawnCli(["--port", "0", "--state-file", stateFile, "--legacy-port", "off"]);
    expect(second.lines.join("\n")).toContain(`API key: ${key}`);
    const described = await request(second.url, "GET", `/v2/clusters/${id}`, { key });
    expect(described.body.data).toMatchObject({ clusterId: id, clusterName: "kept", status: "RUNNING" });
    expect(await stop(second.child, "SIGTERM")).toBe(0);
  });

  it("--milvus-only serves a data plane alone with root:Milvus", async () => {
    const { child, url, lines } = await spawnCli(["--milvus-only", "--port", "0"]);
    expect(lines.join("\n")).toContain("root:Milvus");
    const ok = await request(url, "POST", "/v2/vectordb/collections/list", { key: "root:Milvus", body: {} });
    expect(ok.body).toMatchObject({ code: 0, data: [] });
    const denied = await request(url, "POST", "/v2/vectordb/collections/list", { key: "root:wrong", body: {} });
    expect(denied.body.code).not.toBe(0);
    expect((await request(url, "GET", "/v2/clusters", { key: "root:Milvus" })).status).toBe(404);
    expect(await stop(child, "SIGTERM")).toBe(0);
  });

  it("rejects a bad option with exit code 2 and the usage", async () => {
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [main, "--transitions", "sometimes"], { cwd: root });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      child.on("exit", (code) => resolve({ code, stderr }));
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("usage: zilliz-local");
  });

  it("--object-store-endpoint/--object-store-bucket: the built bin imports a Parquet key from an S3 server", async () => {
    const moto = await startMoto();
    try {
      moto.put("milvus", { "books.parquet": readFileSync(path.join(root, "test/fixtures/import/formats/books.parquet")) });
      const child = spawn(process.execPath, [main, "--milvus-only", "--port", "0", "--object-store-endpoint", moto.endpoint, "--object-store-bucket", "milvus"], {
        cwd: root,
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, ZILLIZ_LOCAL_OBJECT_STORE_ACCESS_KEY: moto.reader.accessKey, ZILLIZ_LOCAL_OBJECT_STORE_SECRET_KEY: moto.reader.secretKey },
      });
      children.push(child);
      const url = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout! }).on("line", (line) => {
          const match = /listening on (http:\/\/\S+)/.exec(line);
          if (match) resolve(match[1]!);
        });
        child.on("exit", (code) => reject(new Error(`exited with ${code}`)));
      });
      const post = (p: string, body: unknown) => request(url, "POST", p, { key: "root:Milvus", body });
      const schema = { fields: [
        { fieldName: "id", dataType: "Int64", isPrimary: true },
        { fieldName: "title", dataType: "VarChar", elementTypeParams: { max_length: 64 } },
        { fieldName: "v", dataType: "FloatVector", elementTypeParams: { dim: 4 } },
      ] };
      expect((await post("/v2/vectordb/collections/create", { collectionName: "books", schema })).body.code).toBe(0);
      const { jobId } = (await post("/v2/vectordb/jobs/import/create", { collectionName: "books", files: [["books.parquet"]] })).body.data;
      let job: { state: string; importedRows: number; reason?: string } = { state: "", importedRows: 0 };
      for (let i = 0; i < 300 && job.state !== "Completed" && job.state !== "Failed"; i++) {
        job = (await post("/v2/vectordb/jobs/import/describe", { jobId })).body.data;
        await new Promise((r) => setTimeout(r, 10));
      }
      expect(job, job.reason).toMatchObject({ state: "Completed", importedRows: 3 });
      expect(await stop(child, "SIGTERM")).toBe(0);
    } finally {
      await moto.stop();
    }
  });

  it("rejects an --object-store-endpoint that is not an http(s) URL", async () => {
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [main, "--object-store-endpoint", "s3://bucket"], { cwd: root });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      child.on("exit", (code) => resolve({ code, stderr }));
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--object-store-endpoint must be an http(s) URL, got "s3://bucket"');
  });
});
