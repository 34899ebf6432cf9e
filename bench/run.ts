/**
 * `npm run bench`: measures pulumi-zilliz through the real engine against zilliz-local, side by side with
 * a stack of no-op dynamic resources, and writes results.json, results.md and chart.svg.
 *
 *   npm run bench                       N = 25 and 100, lifecycle calls, wait latency
 *   npm run bench -- --sizes 5          a quick run while developing
 *   npm run bench -- --with-200         adds N = 200
 *   npm run bench -- --out <dir>        where the results go (default .pulumi-local/bench)
 *   npm run bench -- --repeat 3          runs preview, up no-op and refresh 3 times each (median reported)
 *   npm run bench -- --skip-lifecycle --skip-waits
 *
 * A benchmark, not a test: it asserts nothing about time and is never part of `npm test`.
 */
import { cpus, totalmem } from "node:os";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Stack } from "@pulumi/pulumi/automation";
import type { RunningEmulator } from "../dist/emulator";
import { benchStack, countCalls, measureStep, pulumiCommand, repoRoot, stateSizes, storedInputs } from "./engine";
import { clustersProgram, lifecycleProgram, noopProgram, oursProgram, sameInputsNoopProgram, SCHEMA, type LifecycleDesired } from "./programs";
import { renderChart, renderMarkdown, type BenchResult, type LifecycleRow, type SizeResult, type StepName, type StepResult, type WaitSample } from "./report";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startEmulator } = require(path.join(repoRoot, "dist", "emulator")) as typeof import("../dist/emulator");

interface Args {
  sizes: number[];
  /** Runs of each repeatable step (preview, up no-op, refresh); the median is reported. */
  repeat: number;
  out: string;
  lifecycle: boolean;
  waits: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { sizes: [25, 100], repeat: 1, out: path.join(repoRoot, ".pulumi-local", "bench"), lifecycle: true, waits: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--sizes") args.sizes = (argv[++i] ?? "").split(",").map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0);
    else if (a === "--with-200") args.sizes = [...new Set([...args.sizes, 200])];
    else if (a === "--out") args.out = path.resolve(argv[++i] ?? args.out);
    else if (a === "--repeat") args.repeat = Math.max(1, Math.floor(Number(argv[++i])) || 1);
    else if (a === "--skip-lifecycle") args.lifecycle = false;
    else if (a === "--skip-waits") args.waits = false;
    else throw new Error(`bench: unknown argument ${a} (see bench/run.ts)`);
  }
  if (args.sizes.length === 0) throw new Error("bench: --sizes needs positive integers, e.g. --sizes 25,100");
  return args;
}

const log = (msg: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);

/** Engine calls of one step; `changes` is recorded so a perpetual diff shows in the results. */
const STEP_RUNS: Record<StepName, (s: Stack) => Promise<unknown>> = {
  "up (from empty)": (s) => s.up(),
  "preview (no changes)": (s) => s.preview(),
  "up (no-op)": (s) => s.up(),
  refresh: (s) => s.refresh(),
  destroy: (s) => s.destroy(),
};

/** Steps that leave the state as they found it, so they can run again for a median. */
const REPEATABLE = new Set<StepName>(["preview (no changes)", "up (no-op)", "refresh"]);

async function measureSize(emulator: RunningEmulator, n: number, repeat: number): Promise<SizeResult> {
  const resources = 2 * n + 1;
  const config = { "zilliz:cloudApiUrl": { value: emulator.url }, "zilliz:apiKey": { value: emulator.apiKey, secret: true } };
  const ours = await benchStack(`ours-${n}`, oursProgram(n, `bench-${n}-${Date.now().toString(36)}`), config);
  const noop = await benchStack(`noop-${n}`, noopProgram(resources));
  // The floor for our inputs (see sameInputsNoopProgram): created untimed, previewed with the others.
  const same = await benchStack(`same-${n}`, sameInputsNoopProgram(n));
  const result: SizeResult = { n, resources, ours: [], noop: [], oursState: [], noopState: [], sameInputsPreview: [] };
  try {
    for (const step of Object.keys(STEP_RUNS) as StepName[]) {
      if (step === "refresh") {
        // Sizes in state are read before the refresh; the refresh must then leave stored inputs untouched.
        result.oursState = await stateSizes(ours.stack, (r) => (r.type.startsWith("pulumi-nodejs:dynamic/zilliz:") ? r.type.slice(r.type.lastIndexOf(":") + 1) : undefined));
        result.noopState = await stateSizes(noop.stack, (r) => (r.type === "pulumi-nodejs:dynamic:Resource" ? "no-op dynamic resource" : undefined));
      }
      const before = step === "refresh" ? await storedInputs(ours.stack) : undefined;
      // Interleaved (ours, then no-op) so that a noisy neighbour hits both sides alike.
      const oursRuns: StepResult[] = [];
      const noopRuns: StepResult[] = [];
      for (let k = 0; k < (REPEATABLE.has(step) ? repeat : 1); k++) {
        oursRuns.push(await measureStep(emulator, step, () => STEP_RUNS[step](ours.stack)));
        noopRuns.push(await measureStep(emulator, step, () => STEP_RUNS[step](noop.stack)));
        if (step === "preview (no changes)") result.sameInputsPreview!.push(await measureStep(emulator, step, () => same.stack.preview()));
      }
      if (step === "up (from empty)") await same.stack.up();
      const o = median(oursRuns);
      const b = median(noopRuns);
      log(`N=${n} ${step}: ours ${oursRuns.map((r) => r.ms).join("/")} ms, ${o.calls} calls; no-op ${noopRuns.map((r) => r.ms).join("/")} ms`);
      if (before) {
        const after = await storedInputs(ours.stack);
        result.refreshRewroteInputs = [...before.entries()].filter(([urn, inputs]) => after.get(urn) !== inputs).length;
      }
      result.ours.push(o);
      result.noop.push(b);
    }
    await same.stack.destroy();
  } finally {
    ours.cleanup();
    noop.cleanup();
    same.cleanup();
  }
  return result;
}

/** API calls of each lifecycle step, one kind changing at a time, next to a hand-written script's minimum. */
async function measureLifecycle(emulator: RunningEmulator): Promise<{ rows: LifecycleRow[]; clusterCreateCalls: number }> {
  const cluster = { clusterName: `life-${Date.now().toString(36)}`, plan: "Enterprise", regionId: "aws-us-west-2", cuType: "Performance-optimized", cuSize: 1 };
  const collection = { collectionName: "docs", schema: SCHEMA };
  const index = { fieldName: "vec", indexType: "HNSW", metricType: "COSINE", params: { M: 16, efConstruction: 200 } };
  let desired: LifecycleDesired = {};
  const config = { "zilliz:cloudApiUrl": { value: emulator.url }, "zilliz:apiKey": { value: emulator.apiKey, secret: true } };
  const life = await benchStack("lifecycle", lifecycleProgram(() => desired), config);
  const rows: LifecycleRow[] = [];
  const steps: Array<{ kind: LifecycleRow["kind"]; step: string; desired: LifecycleDesired | "destroy"; minimum: number; minimumReason: string }> = [
    { kind: "Cluster", step: "create", desired: { cluster }, minimum: 2, minimumReason: "create + 1 describe that sees RUNNING and the endpoint (projectId known)" },
    { kind: "Collection", step: "create", desired: { cluster, collection }, minimum: 1, minimumReason: "collections/create" },
    { kind: "CollectionIndex", step: "create", desired: { cluster, collection, index }, minimum: 2, minimumReason: "indexes/create + 1 describe that sees it built" },
    { kind: "all", step: "no-op up", desired: { cluster, collection, index }, minimum: 0, minimumReason: "nothing changed; state is trusted" },
    { kind: "Cluster", step: "in-place change (cuSize 1→2)", desired: { cluster: { ...cluster, cuSize: 2 }, collection, index }, minimum: 2, minimumReason: "modify + 1 describe at the new size" },
    { kind: "Collection", step: "in-place change (description)", desired: { cluster: { ...cluster, cuSize: 2 }, collection: { ...collection, description: "notes" }, index }, minimum: 1, minimumReason: "alter_properties" },
    {
      kind: "CollectionIndex",
      step: "replace (HNSW→IVF_FLAT)",
      desired: { cluster: { ...cluster, cuSize: 2 }, collection: { ...collection, description: "notes" }, index: { ...index, indexType: "IVF_FLAT", params: { nlist: 128 } } },
      minimum: 3,
      minimumReason: "drop + create + 1 describe",
    },
    { kind: "CollectionIndex", step: "destroy", desired: { cluster: { ...cluster, cuSize: 2 }, collection: { ...collection, description: "notes" } }, minimum: 1, minimumReason: "indexes/drop" },
    {
      kind: "Collection",
      step: "replace (vector dim 8→16)",
      desired: { cluster: { ...cluster, cuSize: 2 }, collection: { ...collection, description: "notes", schema: { fields: [SCHEMA.fields[0], { ...SCHEMA.fields[1], dim: 16 }] } } },
      minimum: 2,
      minimumReason: "drop + create",
    },
    { kind: "Collection", step: "destroy", desired: { cluster: { ...cluster, cuSize: 2 } }, minimum: 1, minimumReason: "collections/drop" },
    {
      kind: "Cluster",
      step: "replace (cuType)",
      desired: { cluster: { ...cluster, cuSize: 2, cuType: "Capacity-optimized", allowDataLoss: true } },
      minimum: 3,
      minimumReason: "create + 1 describe + drop",
    },
    { kind: "Cluster", step: "destroy", desired: "destroy", minimum: 1, minimumReason: "drop" },
  ];
  let clusterCreateCalls = 0;
  try {
    for (const s of steps) {
      emulator.control.calls.clear();
      if (s.desired === "destroy") await life.stack.destroy();
      else {
        desired = s.desired;
        await life.stack.up();
      }
      const c = countCalls(emulator);
      if (s.kind === "Cluster" && s.step === "create") clusterCreateCalls = c.calls;
      rows.push({ kind: s.kind, step: s.step, calls: c.calls, minimum: s.minimum, minimumReason: s.minimumReason, routes: c.routes });
      log(`lifecycle ${s.kind} ${s.step}: ${c.calls} calls (minimum ${s.minimum})`);
    }
  } finally {
    life.cleanup();
  }
  return { rows, clusterCreateCalls };
}

/** How long after the server finishes a cluster create the provider's wait notices it, for a few finish times. */
async function measureWaits(emulator: RunningEmulator, finishAfterMs: number[]): Promise<WaitSample[]> {
  const config = { "zilliz:cloudApiUrl": { value: emulator.url }, "zilliz:apiKey": { value: emulator.apiKey, secret: true } };
  const probe = await benchStack("waits", clustersProgram(finishAfterMs.length, `wait-${Date.now().toString(36)}`), config);
  emulator.control.setTransition("cluster", "manual");
  emulator.control.calls.clear();
  const describes = (id?: string) =>
    emulator.control.calls
      .summary()
      .calls.filter((c) => c.target === "control" && c.method === "GET" && /^\/v2\/clusters\/[^/]+$/.test(c.path) && (id === undefined || c.path.endsWith(`/${id}`)));
  const samples: WaitSample[] = [];
  const up = probe.stack.up();
  let upError: unknown;
  up.catch((e: unknown) => {
    upError = e;
  });
  try {
    // The ids, in the order their waits started (the first describe follows the create at once).
    const firstSeen = new Map<string, number>();
    const deadline = Date.now() + 120_000;
    while (firstSeen.size < finishAfterMs.length) {
      if (upError) throw upError;
      if (Date.now() > deadline) throw new Error("bench: the cluster creates never started polling");
      for (const c of describes()) {
        const id = c.path.slice(c.path.lastIndexOf("/") + 1);
        if (!firstSeen.has(id)) firstSeen.set(id, Date.parse(c.time));
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    const plan = [...firstSeen.entries()].map(([id, start], i) => ({ id, start, finishAfter: finishAfterMs[i] ?? 0, advancedAt: 0 }));
    for (const p of [...plan].sort((a, b) => a.start + a.finishAfter - (b.start + b.finishAfter))) {
      const wait = p.start + p.finishAfter - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      emulator.control.advance("cluster", p.id);
      p.advancedAt = Date.now();
    }
    emulator.control.setTransition("cluster", "immediate");
    await up;
    for (const p of plan) {
      const times = describes(p.id).map((c) => Date.parse(c.time));
      const noticed = times.find((t) => t >= p.advancedAt);
      const polls = times.filter((t) => noticed !== undefined && t <= noticed);
      samples.push({
        advancedAfterMs: p.advancedAt - p.start,
        noticedAfterMs: noticed === undefined ? Number.NaN : noticed - p.advancedAt,
        polls: polls.length,
        maxPollsPerSecond: maxInWindow(polls, 1000),
      });
      log(`wait: server done after ${p.advancedAt - p.start} ms, noticed ${noticed === undefined ? "never" : `${noticed - p.advancedAt} ms`} later, ${polls.length} polls`);
    }
    await probe.stack.destroy();
  } finally {
    emulator.control.setTransition("cluster", "immediate");
    await up.catch(() => undefined);
    probe.cleanup();
  }
  return samples;
}

/** The run with the median time, carrying every run's time in `samplesMs`. */
function median(runs: StepResult[]): StepResult {
  const sorted = [...runs].sort((a, b) => a.ms - b.ms);
  const mid = sorted[Math.floor((sorted.length - 1) / 2)] as StepResult;
  return runs.length > 1 ? { ...mid, samplesMs: runs.map((r) => r.ms) } : mid;
}

/** The most timestamps inside any window of `windowMs` (for "never above the rate limit"). */
function maxInWindow(times: number[], windowMs: number): number {
  let best = 0;
  for (const t of times) best = Math.max(best, times.filter((u) => u >= t && u < t + windowMs).length);
  return best;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const cmd = await pulumiCommand();
  const emulator = await startEmulator({ port: 0, legacyPort: false, transitions: { kind: "immediate" } });
  const result: BenchResult = {
    startedAt: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? "unknown", node: process.version, pulumi: cmd.version?.toString() ?? "unknown", totalMemMb: Math.round(totalmem() / 2 ** 20) },
    sizes: [],
    lifecycle: [],
    waits: [],
    clusterCreateCalls: 0,
  };
  // Saved after every phase, so a long run that fails late still leaves what it measured.
  const save = () => {
    mkdirSync(args.out, { recursive: true });
    writeFileSync(path.join(args.out, "results.json"), `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(path.join(args.out, "results.md"), `${renderMarkdown(result)}\n`);
    writeFileSync(path.join(args.out, "chart.svg"), renderChart(result));
  };
  try {
    if (args.lifecycle) {
      const life = await measureLifecycle(emulator);
      result.lifecycle = life.rows;
      result.clusterCreateCalls = life.clusterCreateCalls;
      save();
    }
    // Finish times that land between the wait's polls (1 s, doubling to a 10 s cap): best and worst cases.
    if (args.waits) {
      result.waits = await measureWaits(emulator, [1_500, 4_000, 8_000, 16_000]);
      save();
    }
    for (const n of args.sizes) {
      result.sizes.push(await measureSize(emulator, n, args.repeat));
      save();
    }
  } finally {
    await emulator.close();
  }
  process.stdout.write(`${renderMarkdown(result)}\n`);
  log(`wrote ${path.join(args.out, "results.{json,md}")} and chart.svg`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});

