/**
 * Issue 9, crash recovery through the real engine: `pulumi up` (the CLI, as a user runs it) is SIGKILLed with its
 * whole process tree (CLI, language host, program, dynamic provider) while a create, a build, an import or a delete
 * is in flight. Then the user does what the docs say, without editing the program: `pulumi cancel` when the stack
 * is locked, then `pulumi up` (or `pulumi destroy`). Each ends with exactly the declared objects on the emulator
 * and in the state, no pending operation, a data-plane call that works, and no state surgery.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../support/emulator";
import { killTree, runPulumi, startPulumi, until, type CliResult } from "../support/crash";
import { repoRoot } from "../support/pulumi";
import { dataPlane, liveClusters, rowCount } from "../support/zilliz-rest";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const offline = require("../../scripts/pulumi-offline.js") as { ensurePulumiBin(): string; offlineEnv(o: { stateDir: string; homeDir: string; binDir?: string }): Record<string, string> };

const ROWS_URL = pathToFileURL(path.join(repoRoot, "test", "e2e", "fixtures", "kernel", "rows.json")).href;

/** The program every scenario runs, unchanged from the killed run to the recovery. */
const PROGRAM = `
const pulumi = require("@pulumi/pulumi");
const zilliz = require("pulumi-zilliz");
const cluster = new zilliz.Cluster("crash", { clusterName: "crash-c", plan: "Serverless", regionId: "gcp-us-west1", labels: { team: "search" } });
const docs = new zilliz.Collection("docs", {
  clusterId: cluster.id,
  collectionName: "docs",
  loaded: true,
  schema: { fields: [
    { name: "id", dataType: "Int64", isPrimary: true },
    { name: "title", dataType: "VarChar", maxLength: 64 },
    { name: "vec", dataType: "FloatVector", dim: 4 },
  ] },
});
const vec = new zilliz.CollectionIndex("vec", { clusterId: cluster.id, collectionName: docs.collectionName, fieldName: "vec", indexName: "vec", indexType: "HNSW", metricType: "L2", params: { M: 8, efConstruction: 64 } });
new zilliz.ImportJob("rows", { clusterId: cluster.id, collectionName: docs.collectionName, objectUrls: [${JSON.stringify(ROWS_URL)}] }, { dependsOn: [vec] });
exports.connectAddress = cluster.connectAddress;
exports.username = cluster.username;
exports.password = cluster.password;
`;

const TYPES = ["Cluster", "Collection", "CollectionIndex", "ImportJob"].map((k) => `pulumi-nodejs:dynamic/zilliz:${k}`);
const UP = ["up", "--yes", "--skip-preview", "--non-interactive"];

interface Project {
  dir: string;
  env: Record<string, string>;
  bin: string;
  stateDir: string;
  pulumi(args: string[]): Promise<CliResult>;
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A program folder inside the repo (node_modules resolve as in a user's project) and a stack on a file:// backend. */
async function project(label: string, emu: TestEmulator): Promise<Project> {
  const scratch = path.join(repoRoot, ".pulumi-local", "e2e");
  mkdirSync(scratch, { recursive: true });
  const base = mkdtempSync(path.join(scratch, `crash-${label}-`));
  made.push(base);
  const dir = path.join(base, "program");
  mkdirSync(dir);
  writeFileSync(path.join(dir, "Pulumi.yaml"), "name: crash-recovery\nruntime:\n  name: nodejs\n  options:\n    typescript: false\nmain: index.js\n");
  writeFileSync(path.join(dir, "index.js"), PROGRAM);
  const bin = offline.ensurePulumiBin();
  const stateDir = path.join(base, "state");
  const env = offline.offlineEnv({ stateDir, homeDir: path.join(base, "home"), binDir: bin });
  const p: Project = { dir, env, bin, stateDir, pulumi: (args) => runPulumi(bin, dir, env, args) };
  for (const args of [["stack", "init", "test"], ["config", "set", "zilliz:cloudApiUrl", emu.url], ["config", "set", "--secret", "zilliz:apiKey", emu.apiKey], ["config", "set", "zilliz:allowDataLoss", "true"]]) {
    const r = await p.pulumi(args);
    if (r.code !== 0) throw new Error(`pulumi ${args.join(" ")}: ${r.stderr}`);
  }
  return p;
}

/** The DIY backend's lock files of the stack (what `pulumi cancel` has to clear). */
function locks(p: Project): string[] {
  const dir = path.join(p.stateDir, ".pulumi", "locks");
  const out: string[] = [];
  const walk = (d: string) => {
    if (!existsSync(d)) return;
    for (const e of readdirSync(d, { withFileTypes: true })) e.isDirectory() ? walk(path.join(d, e.name)) : out.push(path.join(d, e.name));
  };
  walk(dir);
  return out;
}

/** Starts `pulumi up` (or destroy), waits until `arrived` says the call to interrupt reached the emulator, kills the tree. */
async function killDuring(p: Project, emu: TestEmulator, args: string[], arrived: (calls: Array<{ target: string; method: string; path: string }>) => boolean): Promise<string> {
  const run = startPulumi(p.bin, p.dir, p.env, args);
  let ended = false;
  void run.exited.then(() => (ended = true));
  await until(`the call to interrupt (output so far: ${run.output().slice(-2000)})`, async () => {
    if (ended) throw new Error(`pulumi ended before the kill:\n${run.output()}`);
    return arrived((await emu.control.calls()).calls);
  });
  // A moment for the server to act on the call, then the whole tree goes at once.
  await new Promise((r) => setTimeout(r, 300));
  await killWholeTree(run.child.pid!, run.exited);
  return run.output();
}

/** SIGKILLs the tree (the CLI, the language host, the program, the provider) and waits until none of it runs. */
async function killWholeTree(pid: number, exited: Promise<unknown>): Promise<void> {
  const tree = killTree(pid);
  // The CLI and at least the language host and the dynamic provider (which run in process groups of their own).
  expect(tree.length).toBeGreaterThanOrEqual(3);
  await exited;
  await until("every killed process to be gone", () => tree.every((p) => !alive(p)), 15_000);
}

/** True while a process runs (a zombie waiting for its parent counts as gone). */
function alive(pid: number): boolean {
  try {
    return !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

/** `pulumi cancel` when the stack is locked (what a user does after a killed run); returns what it said. */
async function cancelIfLocked(p: Project): Promise<{ lockedBefore: number; cancel?: CliResult }> {
  const lockedBefore = locks(p).length;
  if (lockedBefore === 0) return { lockedBefore };
  return { lockedBefore, cancel: await p.pulumi(["cancel", "--yes", "--non-interactive"]) };
}

function expectOk(r: CliResult, what: string): void {
  expect(r.code, `${what} failed:\n${r.stdout}\n${r.stderr}`).toBe(0);
}

/** Exactly the declared objects on the server and in the state, and a data-plane call that works. */
async function expectConverged(p: Project, emu: TestEmulator): Promise<void> {
  const clusters = await liveClusters(emu);
  expect(clusters.map((c) => c.clusterName)).toEqual(["crash-c"]);
  const address = clusters[0]!.connectAddress;
  expect((await dataPlane(emu, address, "collections/list", {})).data).toEqual(["docs"]);
  expect((await dataPlane(emu, address, "indexes/list", { collectionName: "docs" })).data).toEqual(["vec"]);
  // Imported once: the rows file has 4 rows.
  expect(await rowCount(emu, address, "docs")).toBe(4);
  const exported = await p.pulumi(["stack", "export"]);
  expectOk(exported, "stack export");
  const deployment = JSON.parse(exported.stdout).deployment as { resources: Array<{ type: string }>; pending_operations?: unknown[] };
  expect(deployment.pending_operations ?? []).toEqual([]);
  for (const type of TYPES) expect(deployment.resources.filter((r) => r.type === type), type).toHaveLength(1);
  // Credentials: the stack's own outputs; a taken-over cluster has no password, and the API key works instead.
  const outputs = await p.pulumi(["stack", "output", "--json", "--show-secrets"]);
  expectOk(outputs, "stack output");
  const out = JSON.parse(outputs.stdout) as { connectAddress: string; username: string; password: string };
  expect(out.connectAddress).toBe(address);
  const token = out.password ? `${out.username}:${out.password}` : emu.apiKey;
  const search = await fetch(`${address}/v2/vectordb/entities/query`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify({ collectionName: "docs", filter: "id > 0", outputFields: ["title"], limit: 10 }),
  }).then((r) => r.json() as Promise<{ code: number; data: unknown[] }>);
  expect(search.code).toBe(0);
  expect(search.data).toHaveLength(4);
  // And the next preview has nothing to do.
  const preview = await p.pulumi(["preview", "--expect-no-changes", "--non-interactive", "--diff"]);
  if (preview.code !== 0) console.log(`[preview] ${preview.stdout}\n${preview.stderr}`);
  expectOk(preview, "preview --expect-no-changes");
}

/**
 * v3.248.0 keeps a pending create in the state after an \`up\` that created the resource anyway, and a
 * non-interactive \`pulumi refresh\` keeps it too: only \`--clear-pending-creates\` drops the stale record.
 */
async function clearPendingCreates(p: Project): Promise<void> {
  const pending = async () => (JSON.parse((await p.pulumi(["stack", "export"])).stdout).deployment.pending_operations ?? []) as unknown[];
  const before = await pending();
  const plain = await p.pulumi(["refresh", "--yes", "--non-interactive", "--skip-preview"]);
  expectOk(plain, "refresh");
  expect((await pending()).length).toBe(before.length);
  expectOk(await p.pulumi(["refresh", "--yes", "--non-interactive", "--skip-preview", "--clear-pending-creates"]), "refresh --clear-pending-creates");
  expect(await pending()).toEqual([]);
}

async function destroyAll(p: Project, emu: TestEmulator): Promise<void> {
  await emu.control.clearFaults();
  for (const kind of ["cluster", "load", "index", "import"] as const) await emu.control.setTransition(kind, "immediate");
  expectOk(await p.pulumi(["destroy", "--yes", "--skip-preview", "--non-interactive"]), "destroy");
  expect(await liveClusters(emu)).toEqual([]);
}

type Call = { target: string; method: string; path: string };
const posted = (fragment: string) => (calls: Call[]) => calls.some((c) => c.method === "POST" && c.path.includes(fragment));

/** The cluster of the stack once it exists on the emulator (its data-plane faults need its id). */
async function clusterIdOnceCreated(emu: TestEmulator): Promise<string> {
  let id = "";
  await until("the cluster to exist", async () => ((id = (await liveClusters(emu))[0]?.clusterId ?? ""), id !== ""));
  return id;
}

/** After the kill: unlock, let the server finish, `pulumi up` (the program unchanged), drop the stale record. */
async function recover(p: Project, emu: TestEmulator, label: string, during?: (emu: TestEmulator) => Promise<void>): Promise<CliResult> {
  const { lockedBefore, cancel } = await cancelIfLocked(p);
  // v3.248.0 with a DIY backend: the killed CLI leaves its lock file, and `pulumi cancel` removes it.
  expect(lockedBefore).toBeGreaterThan(0);
  expectOk(cancel!, "cancel");
  expect(cancel!.stdout).toMatch(/has been canceled/);
  expect(locks(p)).toEqual([]);
  await emu.control.clearFaults();
  await emu.control.clearCalls();
  let up: CliResult;
  if (during) {
    const run = startPulumi(p.bin, p.dir, p.env, UP);
    // An up that ends early (it failed) must fail the test at once, not after `during` gives up waiting.
    const endedEarly = run.exited.then(() => {
      throw new Error(`${label}: the recovery up ended before the test could act:\n${run.output()}`);
    });
    const acting = during(emu).catch((e: Error) => {
      killTree(run.child.pid!);
      throw new Error(`${e.message}; the recovery up so far:\n${run.output()}`);
    });
    await Promise.race([acting, endedEarly]);
    endedEarly.catch(() => undefined);
    up = { code: await run.exited, stdout: run.output(), stderr: "" };
  } else {
    up = await p.pulumi(UP);
  }
  expectOk(up, `${label}: recovery up`);
  expect(up.stdout).toMatch(/pending operations from previous deployment/);
  await clearPendingCreates(p);
  return up;
}

describe("a killed `pulumi up` converges with `pulumi cancel` + `pulumi up`, the program unchanged", () => {
  it("killed during the cluster create (the cluster is CREATING): the next up takes over its own marked cluster", async () => {
    const emu = await startTestEmulator({ legacyPort: false });
    try {
      const p = await project("cluster", emu);
      await emu.control.setTransition("cluster", "manual");
      const output = await killDuring(p, emu, UP, posted("/v2/clusters/create"));
      expect(output).not.toMatch(/Update (succeeded|failed)/);
      expect((await liveClusters(emu)).map((c) => c.status)).toEqual(["CREATING"]);
      await emu.control.setTransition("cluster", "immediate");
      await emu.control.advance("cluster");
      const up = await recover(p, emu, "cluster");
      expect(up.stdout).toMatch(/carries this resource's ownership mark \(an interrupted run created it\); taking it over/);
      expect((await emu.control.calls()).calls.filter((c) => c.path.includes("/v2/clusters/create"))).toHaveLength(1);
      await expectConverged(p, emu);
      await destroyAll(p, emu);
    } finally {
      await emu.close();
    }
  });

  it("killed right after the collection create was served: the next up takes over the empty twin", async () => {
    const emu = await startTestEmulator({ legacyPort: false });
    try {
      const p = await project("collection", emu);
      // A slow cluster create leaves time to arm the fault below before the collection is created.
      await emu.control.setTransition("cluster", "time:3000");
      const run = startPulumi(p.bin, p.dir, p.env, UP);
      const clusterId = await clusterIdOnceCreated(emu);
      // The describe that follows the create hangs: the kill lands after the collection exists.
      await emu.control.injectFault({ target: clusterId, method: "POST", path: "/v2/vectordb/collections/describe", kind: "latency", latencyMs: 60_000, times: 5 });
      await until("the collection create", async () => (await emu.control.calls()).calls.some((c) => c.target === clusterId && c.path.endsWith("/collections/create")));
      await new Promise((r) => setTimeout(r, 300));
      await killWholeTree(run.child.pid!, run.exited);
      const address = (await liveClusters(emu))[0]!.connectAddress;
      expect((await dataPlane(emu, address, "collections/list", {})).data).toEqual(["docs"]);
      const up = await recover(p, emu, "collection");
      expect(up.stdout).toMatch(/no entities \(an interrupted run created it\); taking it over/);
      await expectConverged(p, emu);
      await destroyAll(p, emu);
    } finally {
      await emu.close();
    }
  });

  it("killed during the index build: the next up takes over the identical index and waits for its build", async () => {
    const emu = await startTestEmulator({ legacyPort: false });
    try {
      const p = await project("index", emu);
      await emu.control.setTransition("index", "manual");
      await killDuring(p, emu, UP, (calls) => calls.some((c) => c.target !== "control" && c.path.endsWith("/indexes/create")));
      await emu.control.setTransition("index", "immediate");
      await emu.control.advance("index");
      const up = await recover(p, emu, "index");
      expect(up.stdout).toMatch(/exactly as requested; taking it over/);
      await expectConverged(p, emu);
      await destroyAll(p, emu);
    } finally {
      await emu.close();
    }
  });

  it("killed right after the import submit, before its job was noted: the next up follows the unfinished job", async () => {
    const emu = await startTestEmulator({ legacyPort: false });
    try {
      const p = await project("import", emu);
      await emu.control.setTransition("import", "manual");
      // A slow index build leaves time to arm the fault below before the import starts.
      await emu.control.setTransition("index", "time:3000");
      const run = startPulumi(p.bin, p.dir, p.env, UP);
      const clusterId = await clusterIdOnceCreated(emu);
      // Once the index exists, refuse every later property change (a 503, retried and given up): the note of the job
      // is never written, neither before the kill nor late (a held request would land during the recovery).
      await until("the index create", async () => (await emu.control.calls()).calls.some((c) => c.target === clusterId && c.path.endsWith("/indexes/create")));
      await emu.control.injectFault({ target: clusterId, method: "POST", path: "/v2/vectordb/collections/alter_properties", kind: "status", status: 503, times: 50 });
      await until("the import submit", async () => posted("/v2/vectordb/jobs/import/create")((await emu.control.calls()).calls));
      await new Promise((r) => setTimeout(r, 300));
      await killWholeTree(run.child.pid!, run.exited);
      const up = await recover(p, emu, "import", async (e) => {
        // The job is still running when the recovery looks for it; it finishes while the up follows it.
        await until("the recovery to look at the job list", async () => posted("/v2/vectordb/jobs/import/list")((await e.control.calls()).calls));
        await new Promise((r) => setTimeout(r, 500));
        await e.control.advance("import");
      });
      expect(up.stdout).toMatch(/an interrupted run submitted it\); following it instead of importing again/);
      expect((await emu.control.calls()).calls.filter((c) => c.path.includes("jobs/import/create"))).toHaveLength(0);
      await expectConverged(p, emu);
      await destroyAll(p, emu);
    } finally {
      await emu.close();
    }
  });

  it("killed after the import was noted, and the job finished before the next up: it is not imported again", async () => {
    const emu = await startTestEmulator({ legacyPort: false });
    try {
      const p = await project("import-done", emu);
      await emu.control.setTransition("import", "manual");
      await killDuring(p, emu, UP, (calls) => {
        // The note is the first property change after the submit.
        const submit = calls.findIndex((c) => c.method === "POST" && c.path.includes("/v2/vectordb/jobs/import/create"));
        return submit >= 0 && calls.slice(submit + 1).some((c) => c.path.endsWith("/collections/alter_properties"));
      });
      // The import completes while nobody watches.
      await emu.control.advance("import");
      const address = (await liveClusters(emu))[0]!.connectAddress;
      expect(await rowCount(emu, address, "docs")).toBe(4);
      const up = await recover(p, emu, "import-done");
      expect(up.stdout).toMatch(/submitted it before \(noted on the collection by an interrupted run\); following it instead of importing again/);
      expect((await emu.control.calls()).calls.filter((c) => c.path.includes("jobs/import/create"))).toHaveLength(0);
      await expectConverged(p, emu);
      await destroyAll(p, emu);
    } finally {
      await emu.close();
    }
  });
});

describe("a killed `pulumi destroy` finishes with `pulumi cancel` + `pulumi destroy`", () => {
  it("killed while the cluster is DELETING: the next destroy waits until it is gone, and the state is empty", async () => {
    const emu = await startTestEmulator({ legacyPort: false });
    try {
      const p = await project("destroy", emu);
      expectOk(await p.pulumi(UP), "up");
      await emu.control.setTransition("cluster", "manual");
      await killDuring(p, emu, ["destroy", "--yes", "--skip-preview", "--non-interactive"], (calls) => calls.some((c) => c.method === "DELETE" && c.path.endsWith("/drop")));
      expect((await cloudStatuses(emu))).toEqual(["DELETING"]);
      const { lockedBefore, cancel } = await cancelIfLocked(p);
      expect(lockedBefore).toBeGreaterThan(0);
      expectOk(cancel!, "cancel");
      await emu.control.setTransition("cluster", "immediate");
      await emu.control.advance("cluster");
      const destroy = await p.pulumi(["destroy", "--yes", "--skip-preview", "--non-interactive"]);
      expectOk(destroy, "recovery destroy");
      expect(await liveClusters(emu)).toEqual([]);
      const deployment = JSON.parse((await p.pulumi(["stack", "export"])).stdout).deployment as { resources?: unknown[]; pending_operations?: unknown[] };
      expect(deployment.resources ?? []).toEqual([]);
      expect(deployment.pending_operations ?? []).toEqual([]);
    } finally {
      await emu.close();
    }
  });
});

/** Status of every cluster that is not DELETED. */
async function cloudStatuses(emu: TestEmulator): Promise<string[]> {
  const res = await fetch(`${emu.url}/v2/clusters?pageSize=100`, { headers: { Authorization: `Bearer ${emu.apiKey}` } });
  const body = (await res.json()) as { data: { clusters: Array<{ status: string }> } };
  return body.data.clusters.map((c) => c.status).filter((s) => s !== "DELETED");
}
