/**
 * The fault soak (issue 9): the quickstart program (examples/quickstart) run again and again against
 * zilliz-local with a mix of probabilistic faults on the control plane and every data plane. Per run:
 * `up` under faults (did it converge the first time?), then, with the faults cleared, a recovery `up` if
 * needed, a census of orphans (objects on the server the stack does not hold) and duplicates (rows imported
 * twice, a second import job or cluster), a `refresh` that must find nothing, and a `destroy`.
 *
 * Shared by `npm run soak` (bench/soak.ts, 20 runs, reported in docs/benchmarks.md) and the e2e test
 * (test/e2e/fault-soak.test.ts, a short version); it talks to the emulator over HTTP only.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { ConfigMap, PulumiFn, Stack } from "@pulumi/pulumi/automation";

/** One fault of the mix, as posted to `/__emulator/faults` (target "*": every plane). */
export interface MixEntry {
  label: string;
  probability: number;
  fault: Record<string, unknown>;
}

/** ≈10% of API calls fail: 1 − 0.98³ · 0.985³ = 10.05%. */
export const DEFAULT_MIX: MixEntry[] = [
  { label: "429", probability: 0.02, fault: { kind: "status", status: 429, retryAfterSeconds: 1 } },
  { label: "500", probability: 0.02, fault: { kind: "status", status: 500 } },
  { label: "503", probability: 0.02, fault: { kind: "status", status: 503 } },
  { label: "reset", probability: 0.015, fault: { kind: "drop" } },
  { label: "latency 300 ms", probability: 0.015, fault: { kind: "latency", latencyMs: 300 } },
  // Served, then the answer is lost: reset before any byte, or a 500 in its place.
  { label: "lose-answer", probability: 0.015, fault: { kind: "lose-answer", mode: "reset" } },
];

/** The share of calls the mix fails (each fault is offered the calls the ones before it spared). */
export function mixRate(mix: MixEntry[]): number {
  return 1 - mix.reduce((spared, m) => spared * (1 - m.probability), 1);
}

/** What one run found. */
export interface SoakRun {
  run: number;
  seed: number;
  /** The first `up`, under faults, succeeded. */
  firstUp: boolean;
  firstUpError?: string;
  /** When the first failed: the `up` with faults cleared succeeded (no state surgery, no program edit). */
  recovered?: boolean;
  recoveryError?: string;
  /** Objects on the server that the stack does not hold, e.g. `collection docs`. */
  orphans: string[];
  /** Things that exist more than once, e.g. `rows: 48 (expected 24)`. */
  duplicates: string[];
  /** `refresh --expect-no-changes` after the run succeeded. */
  refreshClean: boolean;
  refreshError?: string;
  destroyed: boolean;
  /** API calls of the faulted `up`, and how many the emulator logged in all. */
  upCalls: number;
  /** Calls of the faulted `up` that a fault hit (latency included). */
  faultsFired: number;
  seconds: number;
}

/** How the caller gives the soak its engine stacks (bench and tests build them their own way). */
export type StackFactory = (label: string, program: PulumiFn, config: ConfigMap) => Promise<{ stack: Stack; cleanup(): void | Promise<void> }>;

export interface SoakOptions {
  emulator: { url: string; apiKey: string };
  repoRoot: string;
  makeStack: StackFactory;
  runs: number;
  mix?: MixEntry[];
  /** Seed of run 1; run k uses seed + k − 1. */
  seed?: number;
  log?: (line: string) => void;
}

const KIND = "pulumi-nodejs:dynamic/zilliz:";

/** The quickstart as an inline program: the example module, loaded fresh for each engine run. */
function quickstartProgram(repoRoot: string): PulumiFn {
  const req = createRequire(path.join(repoRoot, "package.json"));
  const file = path.join(repoRoot, "examples", "quickstart", "index.js");
  return async () => {
    delete req.cache[req.resolve(file)];
    return { ...(req(file) as Record<string, unknown>) };
  };
}

async function control(url: string, method: string, what: string, body?: unknown): Promise<any> {
  const res = await fetch(`${url}/__emulator/${what}`, {
    method,
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const parsed = (await res.json()) as { code: number; data?: unknown; message?: string };
  if (parsed.code !== 0) throw new Error(`emulator ${method} ${what}: ${parsed.message}`);
  return parsed.data;
}

/** The provider's own error lines of a failed engine command (not the command line or the summary). */
const shortError = (e: unknown) => {
  const lines = (e instanceof Error ? e.message : String(e)).split("\n").map((l) => l.trim());
  const errors = lines.filter((l) => /error: /.test(l) && !/update failed|Command failed/.test(l));
  return (errors.length > 0 ? errors : lines.filter((l) => /error|fail/i.test(l))).slice(0, 3).join(" | ").slice(0, 600);
};

/** Counts what the server has that the stack does not, and what exists twice. */
export function census(server: any, resources: Array<Record<string, any>>, expectedRows: number): { orphans: string[]; duplicates: string[] } {
  const orphans: string[] = [];
  const duplicates: string[] = [];
  const ofKind = (k: string) => resources.filter((r) => r.type === `${KIND}${k}`);
  const held = (k: string, key: string) => new Set(ofKind(k).map((r) => String(r.outputs?.[key] ?? r.inputs?.[key])));

  const clusterIds = new Set(ofKind("Cluster").map((r) => String(r.id)));
  const live = (server.controlPlane?.clusters ?? []).filter((c: any) => c.status !== "DELETED");
  for (const c of live) if (!clusterIds.has(c.clusterId)) orphans.push(`cluster ${c.clusterName} (${c.clusterId})`);
  const byName = new Map<string, number>();
  for (const c of live) byName.set(c.clusterName, (byName.get(c.clusterName) ?? 0) + 1);
  for (const [name, n] of byName) if (n > 1) duplicates.push(`cluster ${name} ×${n}`);

  const collections = held("Collection", "collectionName");
  const indexes = held("CollectionIndex", "indexName");
  const aliases = held("Alias", "aliasName");
  const users = held("User", "userName");
  const roles = held("Role", "roleName");
  const importJobs = ofKind("ImportJob").length;
  for (const [clusterId, plane] of Object.entries<any>(server.dataPlanes ?? {})) {
    if (!live.some((c: any) => c.clusterId === clusterId)) continue;
    const db = plane.databases?.default ?? { collections: {}, aliases: {} };
    for (const [name, coll] of Object.entries<any>(db.collections ?? {})) {
      if (!collections.has(name)) orphans.push(`collection ${name} on ${clusterId}`);
      for (const ix of coll.indexes ?? []) if (!indexes.has(ix.name)) orphans.push(`index ${name}.${ix.name}`);
      const rows = (coll.rows ?? []).length;
      if (rows > expectedRows) duplicates.push(`rows in ${name}: ${rows} (expected ${expectedRows})`);
    }
    for (const alias of Object.keys(db.aliases ?? {})) if (!aliases.has(alias)) orphans.push(`alias ${alias}`);
    for (const user of Object.keys(plane.users ?? {})) if (user !== "root" && !users.has(user)) orphans.push(`user ${user}`);
    for (const role of Object.keys(plane.roles ?? {})) if (!["admin", "public"].includes(role) && !roles.has(role)) orphans.push(`role ${role}`);
    const jobs = Object.values<any>(plane.imports ?? {}).filter((j) => !j.failure).length;
    if (jobs > importJobs) duplicates.push(`import jobs: ${jobs} (the stack holds ${importJobs})`);
  }
  return { orphans, duplicates };
}

/** Runs the soak and returns one record per run. */
export async function runSoak(o: SoakOptions): Promise<SoakRun[]> {
  const mix = o.mix ?? DEFAULT_MIX;
  const log = o.log ?? (() => undefined);
  const program = quickstartProgram(o.repoRoot);
  const rows = (JSON.parse(readFileSync(path.join(o.repoRoot, "examples", "quickstart", "data", "docs.json"), "utf8")) as { rows?: unknown[] } | unknown[]);
  const expectedRows = Array.isArray(rows) ? rows.length : (rows.rows ?? []).length;
  const config: ConfigMap = { "zilliz:cloudApiUrl": { value: o.emulator.url }, "zilliz:apiKey": { value: o.emulator.apiKey, secret: true } };
  const results: SoakRun[] = [];
  for (let run = 1; run <= o.runs; run++) {
    const seed = (o.seed ?? 1) + run - 1;
    const started = performance.now();
    await control(o.emulator.url, "POST", "reset", {});
    const { stack, cleanup } = await o.makeStack(`soak-${run}`, program, config);
    const r: SoakRun = { run, seed, firstUp: false, orphans: [], duplicates: [], refreshClean: false, destroyed: false, upCalls: 0, faultsFired: 0, seconds: 0 };
    try {
      for (const [i, m] of mix.entries()) await control(o.emulator.url, "POST", "faults", { target: "*", path: "*", ...m.fault, probability: m.probability, ...(i === 0 ? { seed } : {}) });
      try {
        await stack.up();
        r.firstUp = true;
      } catch (e) {
        r.firstUpError = shortError(e);
      }
      r.upCalls = ((await control(o.emulator.url, "GET", "calls")) as { total: number }).total;
      r.faultsFired = ((await control(o.emulator.url, "GET", "faults")) as Array<{ fired?: number }>).reduce((n, f) => n + (f.fired ?? 0), 0);
      await control(o.emulator.url, "DELETE", "faults");
      if (!r.firstUp) {
        try {
          await stack.up();
          r.recovered = true;
        } catch (e) {
          r.recovered = false;
          r.recoveryError = shortError(e);
        }
      }
      const resources = ((await stack.exportStack()).deployment.resources ?? []) as Array<Record<string, any>>;
      Object.assign(r, census(await control(o.emulator.url, "GET", "state"), resources, expectedRows));
      try {
        await stack.refresh({ expectNoChanges: true });
        r.refreshClean = true;
      } catch (e) {
        r.refreshError = shortError(e);
      }
      try {
        await stack.destroy();
        r.destroyed = true;
      } catch {
        r.destroyed = false;
      }
    } finally {
      await cleanup();
    }
    r.seconds = Math.round((performance.now() - started) / 100) / 10;
    results.push(r);
    log(`run ${run} (seed ${seed}): first up ${r.firstUp ? "converged" : `FAILED (${r.firstUpError}); recovery up ${r.recovered ? "ok" : `failed: ${r.recoveryError}`}`}, orphans ${r.orphans.length}${r.orphans.length ? ` [${r.orphans.join("; ")}]` : ""}, duplicates ${r.duplicates.length}${r.duplicates.length ? ` [${r.duplicates.join("; ")}]` : ""}, refresh ${r.refreshClean ? "clean" : `NOT clean (${r.refreshError})`}, ${r.upCalls} calls, ${r.faultsFired} faulted, ${r.seconds} s`);
  }
  return results;
}

/** The totals a report states. */
export function summarize(runs: SoakRun[]) {
  return {
    runs: runs.length,
    convergedFirstUp: runs.filter((r) => r.firstUp).length,
    recovered: runs.filter((r) => r.recovered === true).length,
    orphans: runs.reduce((n, r) => n + r.orphans.length, 0),
    duplicates: runs.reduce((n, r) => n + r.duplicates.length, 0),
    refreshClean: runs.filter((r) => r.refreshClean).length,
    destroyed: runs.filter((r) => r.destroyed).length,
    calls: runs.reduce((n, r) => n + r.upCalls, 0),
    faultsFired: runs.reduce((n, r) => n + r.faultsFired, 0),
  };
}
