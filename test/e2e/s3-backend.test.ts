/**
 * Team state on an S3-compatible store, through the real engine: stacks of this package's resources kept in a
 * bucket of a real moto server (signature checking on) instead of a file:// folder. One moto and one
 * zilliz-local serve the whole file; each scenario keeps its state under its own key prefix of one bucket.
 *
 * - round trip: up → the state objects are in the bucket → preview and refresh find nothing → destroy → rm;
 * - lock: a second `up` of the same stack while the first holds the lock fails on the lock, the first
 *   finishes, and the state afterwards is whole; two `up`s started together never both run;
 * - two machines: separate work dirs and PULUMI_HOMEs share the bucket (one with the canonical URL, one with
 *   the URL as written); B sees A's stack and destroys it, and A's refresh then finds it empty.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { ConcurrentUpdateError, LocalWorkspace, type PulumiFn, type Stack } from "@pulumi/pulumi/automation";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveBackendUrl } from "../../src/environments/backend-url";
import { startTestEmulator, type TestEmulator } from "../support/emulator";
import { startMoto, type RunningMoto } from "../support/moto";
import { pulumiCommand, repoRoot, stateResources } from "../support/pulumi";

// The classes come from the built package, as a user's program loads them.
const zilliz = createRequire(`${repoRoot}/package.json`)("pulumi-zilliz");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const offline = require("../../scripts/pulumi-offline.js") as {
  offlineEnv(o: { stateDir: string; homeDir: string }): Record<string, string>;
};

const BUCKET = "team-state";
const PROJECT = "s3-backend";

let moto: RunningMoto;
let emulator: TestEmulator;
const scratch: string[] = [];

/** The backend URL as a team would write it (SDK v1 spelling), for state under `prefix/`. */
function backendUrl(prefix: string): string {
  const hostPort = moto.endpoint.replace(/^http:\/\//, "");
  return `s3://${BUCKET}/${prefix}?endpoint=${hostPort}&s3ForcePathStyle=true&disableSSL=true&region=us-east-1`;
}

/** A cluster and a collection on it; the name keeps scenarios apart on the one emulator. */
function program(name: string, gate?: { entered: () => void; release: Promise<void> }): PulumiFn {
  return async () => {
    gate?.entered();
    await gate?.release;
    const cluster = new zilliz.Cluster("search", { clusterName: name, plan: "Serverless", regionId: "aws-us-west-2" });
    const docs = new zilliz.Collection("docs", {
      clusterId: cluster.id,
      collectionName: "docs",
      schema: { fields: [{ name: "id", dataType: "Int64", isPrimary: true }, { name: "vec", dataType: "FloatVector", dim: 4 }] },
    });
    return { clusterId: cluster.clusterId, endpoint: cluster.connectAddress, collection: docs.collectionName };
  };
}

/**
 * One "machine": its own work dir (where Pulumi.<stack>.yaml lands) and PULUMI_HOME, on the shared bucket.
 * The engine gets only the env resolveBackendUrl returns plus the offline settings, as zilliz-env passes it.
 */
async function machine(label: string, prefix: string, stackName: string, fn: PulumiFn, asWritten = false): Promise<Stack> {
  // Inside the repo (ignored by git): the dynamic provider must resolve pulumi-zilliz from the program's folder.
  const root = path.join(repoRoot, ".pulumi-local", "e2e");
  mkdirSync(root, { recursive: true });
  const base = mkdtempSync(path.join(root, `s3-${label}-`));
  scratch.push(base);
  const workDir = path.join(base, "program");
  mkdirSync(workDir);
  const backend = resolveBackendUrl(backendUrl(prefix), { credentials: { accessKeyId: moto.reader.accessKey, secretAccessKey: moto.reader.secretKey } });
  const env = { ...offline.offlineEnv({ stateDir: path.join(base, "unused-file-state"), homeDir: path.join(base, "home") }), ...backend.env };
  if (asWritten) env.PULUMI_BACKEND_URL = backendUrl(prefix);
  const stack = await LocalWorkspace.createOrSelectStack(
    { projectName: PROJECT, stackName, program: fn },
    {
      workDir,
      pulumiCommand: await pulumiCommand(),
      pulumiHome: env.PULUMI_HOME,
      envVars: env,
      // `asWritten`: hand the engine the URL as a team writes it (SDK v1 names, scheme-less endpoint) instead of
      // the canonical form, to show both reach the same state.
      projectSettings: { name: PROJECT, runtime: "nodejs", backend: { url: asWritten ? backendUrl(prefix) : backend.url } },
    },
  );
  await stack.setAllConfig({
    "zilliz:cloudApiUrl": { value: emulator.url },
    "zilliz:apiKey": { value: emulator.apiKey, secret: true },
  });
  return stack;
}

async function liveClusters(name: string): Promise<string[]> {
  const res = await fetch(`${emulator.url}/v2/clusters?pageSize=100`, { headers: { Authorization: `Bearer ${emulator.apiKey}` } });
  const body = (await res.json()) as { code: number; data: { clusters: Array<{ clusterId: string; clusterName: string; status: string }> } };
  expect(body.code).toBe(0);
  return body.data.clusters.filter((c) => c.clusterName === name && c.status !== "DELETED" && c.status !== "DELETING").map((c) => c.clusterId);
}

async function collections(endpoint: string): Promise<string[]> {
  const res = await fetch(`${endpoint}/v2/vectordb/collections/list`, {
    method: "POST",
    headers: { Authorization: `Bearer ${emulator.apiKey}`, "Content-Type": "application/json" },
    body: "{}",
  });
  const body = (await res.json()) as { code: number; data: string[] };
  expect(body.code).toBe(0);
  return body.data;
}

beforeAll(async () => {
  [moto, emulator] = await Promise.all([startMoto(), startTestEmulator()]);
  // The DIY backend does not create its bucket: a missing one fails with NoSuchBucket. Create it empty.
  moto.put(BUCKET, {});
});
afterAll(async () => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
  await emulator?.close();
  await moto?.stop();
});

describe("stack state in an S3 bucket (moto)", () => {
  it("round trip: up writes the state objects, preview and refresh find nothing, destroy and rm remove the stack", async () => {
    const stack = await machine("roundtrip", "roundtrip", "dev", program("s3-roundtrip"));
    const up = await stack.up();
    expect(up.summary.result).toBe("succeeded");
    expect(up.summary.resourceChanges).toEqual({ create: 3 });
    const clusterId = up.outputs.clusterId!.value as string;
    expect(await liveClusters("s3-roundtrip")).toEqual([clusterId]);
    expect(await collections(up.outputs.endpoint!.value as string)).toEqual(["docs"]);

    const keys = moto.list(BUCKET, "roundtrip/");
    const checkpoint = `roundtrip/.pulumi/stacks/${PROJECT}/dev.json`;
    expect(keys).toContain("roundtrip/.pulumi/meta.yaml");
    expect(keys).toContain(checkpoint);
    expect(keys.some((k) => k.startsWith(`roundtrip/.pulumi/history/${PROJECT}/dev/`) && k.endsWith(".history.json"))).toBe(true);
    // The lock exists only while an operation runs.
    expect(keys.filter((k) => k.includes("/.pulumi/locks/"))).toEqual([]);
    // The checkpoint in the bucket is the stack's state: it names the cluster, and the API key is only in it encrypted.
    const stored = moto.get(BUCKET, checkpoint).toString("utf8");
    expect(stored).toContain(clusterId);
    expect(stored).not.toContain(emulator.apiKey);

    await stack.preview({ expectNoChanges: true });
    const refresh = await stack.refresh({ expectNoChanges: true });
    expect(refresh.summary.result).toBe("succeeded");

    const destroy = await stack.destroy();
    expect(destroy.summary.resourceChanges).toEqual({ delete: 3 });
    expect(await liveClusters("s3-roundtrip")).toEqual([]);
    // The Automation API's removeStack is `pulumi stack rm` without --remove-backups: the checkpoint and its
    // history go, a copy of the checkpoint (dev.json.bak) and the per-update backups stay.
    await stack.workspace.removeStack("dev");
    expect((await stack.workspace.listStacks()).map((s) => s.name)).toEqual([]);
    const left = moto.list(BUCKET, "roundtrip/");
    expect(left.filter((k) => !k.startsWith(`roundtrip/.pulumi/backups/${PROJECT}/dev/`))).toEqual([
      "roundtrip/.pulumi/meta.yaml",
      `${checkpoint}.bak`,
    ]);
    expect(left.length).toBeGreaterThan(2);
  });

  it("lock: a second up of the same stack fails on the lock while the first runs, and the state stays whole", async () => {
    let entered!: () => void;
    const inProgram = new Promise<void>((resolve) => (entered = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const first = await machine("lock-a", "lock", "shared", program("s3-lock", { entered, release: released }));
    const second = await machine("lock-b", "lock", "shared", program("s3-lock"));

    const running = first.up();
    // The first up is inside its program, i.e. between taking the lock and releasing it.
    await inProgram;
    const locks = moto.list(BUCKET, "lock/.pulumi/locks/");
    expect(locks).toHaveLength(1);
    expect(locks[0]).toMatch(new RegExp(`^lock/\\.pulumi/locks/organization/${PROJECT}/shared/[0-9a-f-]{36}\\.json$`));

    const blocked = await second.up().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(blocked).toBeInstanceOf(ConcurrentUpdateError);
    const message = String((blocked as Error).message);
    expect(message).toContain("the stack is currently locked by 1 lock(s)");
    expect(message).toContain("pulumi cancel");
    // It names the lock object and who holds it.
    expect(message).toContain(`/.pulumi/locks/organization/${PROJECT}/shared/`);
    expect(message).toMatch(/created by \S+@\S+ \(pid \d+\)/);
    // The refused run took no lock of its own and changed nothing.
    expect(moto.list(BUCKET, "lock/.pulumi/locks/")).toEqual(locks);
    expect(await liveClusters("s3-lock")).toEqual([]);

    release();
    const up = await running;
    expect(up.summary.result).toBe("succeeded");
    expect(up.summary.resourceChanges).toEqual({ create: 3 });
    expect(moto.list(BUCKET, "lock/.pulumi/locks/")).toEqual([]);

    // Nothing corrupted: the other workspace reads the same state, plans nothing, and each resource exists once.
    await second.preview({ expectNoChanges: true });
    const resources = await stateResources(second);
    expect(resources.filter((r) => String(r.type).startsWith("pulumi-nodejs:dynamic")).map((r) => r.urn.split("::").pop())).toEqual(["search", "docs"]);
    expect(await liveClusters("s3-lock")).toEqual([up.outputs.clusterId!.value]);
    expect(await collections(up.outputs.endpoint!.value as string)).toEqual(["docs"]);

    const destroy = await second.destroy();
    expect(destroy.summary.resourceChanges).toEqual({ delete: 3 });
    expect(await liveClusters("s3-lock")).toEqual([]);
  });

  it("lock: two ups started at the same moment never both run; the stack converges to one copy", async () => {
    // The DIY lock is write-then-list (no conditional write): with a consistent store at most one of two
    // racing runs passes; when both write their lock before either lists, both give up.
    const a = await machine("race-a", "race", "shared", program("s3-race"));
    const b = await machine("race-b", "race", "shared", program("s3-race"));
    const results = await Promise.allSettled([a.up(), b.up()]);
    const passed = results.filter((r) => r.status === "fulfilled");
    expect(passed.length).toBeLessThanOrEqual(1);
    for (const r of results) {
      if (r.status === "rejected") expect(r.reason).toBeInstanceOf(ConcurrentUpdateError);
    }
    expect(moto.list(BUCKET, "race/.pulumi/locks/")).toEqual([]);
    // Whatever the race gave, one more up converges and the resources exist once.
    await a.up();
    await b.preview({ expectNoChanges: true });
    const clusters = await liveClusters("s3-race");
    expect(clusters).toHaveLength(1);
    expect((await b.outputs()).clusterId!.value).toBe(clusters[0]);
    const destroy = await b.destroy();
    expect(destroy.summary.resourceChanges).toEqual({ delete: 3 });
  });

  it("two machines: B selects A's stack, sees its outputs, plans nothing and destroys it; A's refresh then finds it empty", async () => {
    const a = await machine("machine-a", "team", "staging", program("s3-team"));
    const up = await a.up();
    expect(up.summary.resourceChanges).toEqual({ create: 3 });

    // B writes the backend URL the way a team's docs would (disableSSL, bare host:port), A uses the canonical form.
    const b = await machine("machine-b", "team", "staging", program("s3-team"), true);
    const seen = await b.outputs();
    expect(seen.clusterId!.value).toBe(up.outputs.clusterId!.value);
    expect(seen.collection!.value).toBe("docs");
    expect(seen.endpoint!.value).toBe(up.outputs.endpoint!.value);
    await b.preview({ expectNoChanges: true });

    const destroy = await b.destroy();
    expect(destroy.summary.resourceChanges).toEqual({ delete: 3 });
    expect(await liveClusters("s3-team")).toEqual([]);

    const refresh = await a.refresh({ expectNoChanges: true });
    expect(refresh.summary.result).toBe("succeeded");
    expect(await stateResources(a)).toEqual([]);
    expect(await a.outputs()).toEqual({});
  });
});
