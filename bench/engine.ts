/**
 * The benchmark's I/O half: stacks on a throwaway file:// backend driven by the real engine (Automation API,
 * the CLI built by scripts/ensure-pulumi.sh), the emulator's call log, and provider memory from /proc.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { LocalWorkspace, PulumiCommand, type ConfigMap, type PulumiFn, type Stack } from "@pulumi/pulumi/automation";
import type { RunningEmulator } from "../dist/emulator";
import { routeOf, type StateSize, type StepName, type StepResult } from "./report";

/** The repository root (the compiled bench runs from .pulumi-local/bench-build/bench). */
export const repoRoot: string = findRepoRoot(__dirname);

function findRepoRoot(from: string): string {
  let dir = from;
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { name?: string };
      if (pkg.name === "pulumi-zilliz") return dir;
    } catch {
      // no package.json here: keep climbing
    }
    const up = path.dirname(dir);
    if (up === dir) throw new Error("bench: cannot find the pulumi-zilliz repository root");
    dir = up;
  }
}

// Plain CommonJS helpers shared with the e2e tests and `npm start`.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const offline = require(path.join(repoRoot, "scripts", "pulumi-offline.js")) as {
  ensurePulumiBin(): string;
  offlineEnv(o: { stateDir: string; homeDir: string }): Record<string, string>;
};

let command: Promise<PulumiCommand> | undefined;
/** The engine, built or found once. */
export function pulumiCommand(): Promise<PulumiCommand> {
  command ??= PulumiCommand.get({ root: path.dirname(offline.ensurePulumiBin()) });
  return command;
}

/** An inline-program stack in its own scratch folder (inside the repo, so `pulumi-zilliz` resolves as for a user). */
export async function benchStack(label: string, program: PulumiFn, config?: ConfigMap): Promise<{ stack: Stack; cleanup(): void }> {
  const scratch = path.join(repoRoot, ".pulumi-local", "bench", "stacks");
  mkdirSync(scratch, { recursive: true });
  const base = mkdtempSync(path.join(scratch, `${label}-`));
  const stateDir = path.join(base, "state");
  const homeDir = path.join(base, "home");
  const workDir = path.join(base, "program");
  mkdirSync(workDir);
  const cmd = await pulumiCommand();
  const stack = await LocalWorkspace.createOrSelectStack(
    { projectName: `bench-${label}`, stackName: "bench", program },
    {
      workDir,
      pulumiCommand: cmd,
      pulumiHome: homeDir,
      envVars: offline.offlineEnv({ stateDir, homeDir }),
      projectSettings: { name: `bench-${label}`, runtime: "nodejs", backend: { url: `file://${stateDir}` } },
    },
  );
  if (config) await stack.setAllConfig(config);
  return { stack, cleanup: () => rmSync(base, { recursive: true, force: true }) };
}

/**
 * Samples the peak resident memory (VmHWM) of the dynamic-provider processes started under this process
 * (other agents on the machine run their own engines, so ancestry decides).
 */
export class ProviderMemorySampler {
  private timer: NodeJS.Timeout | undefined;
  private peak: number | undefined;
  private readonly ours = new Map<number, boolean>();

  start(everyMs = 200): void {
    this.peak = undefined;
    this.timer = setInterval(() => this.sample(), everyMs);
  }

  /** Stops and returns the peak in KiB (undefined when no provider process was seen). */
  stop(): number | undefined {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.sample();
    return this.peak;
  }

  private sample(): void {
    let pids: number[];
    try {
      pids = readdirSync("/proc").filter((d) => /^\d+$/.test(d)).map(Number);
    } catch {
      return; // not Linux: memory is reported as unknown
    }
    for (const pid of pids) {
      try {
        if (!this.isOurProvider(pid)) continue;
        const status = readFileSync(`/proc/${pid}/status`, "utf8");
        const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
        if (hwm) this.peak = Math.max(this.peak ?? 0, Number(hwm[1]));
      } catch {
        // the process ended between the listing and the read
      }
    }
  }

  private isOurProvider(pid: number): boolean {
    const known = this.ours.get(pid);
    if (known !== undefined) return known;
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    let mine = false;
    if (cmdline.includes("dynamic-provider")) {
      // Walk up the parents (node ← sh launcher ← pulumi ← this process); a few levels suffice.
      let p = pid;
      for (let i = 0; i < 8 && p > 1; i++) {
        const stat = readFileSync(`/proc/${p}/stat`, "utf8");
        p = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        if (p === process.pid) {
          mine = true;
          break;
        }
      }
    }
    this.ours.set(pid, mine);
    return mine;
  }
}

/** Runs one engine step, timing it and counting the emulator's API calls and the provider's peak memory. */
export async function measureStep(emulator: RunningEmulator, step: StepName, run: () => Promise<unknown>): Promise<StepResult> {
  emulator.control.calls.clear();
  const sampler = new ProviderMemorySampler();
  sampler.start();
  const started = performance.now();
  let providerPeakKb: number | undefined;
  try {
    await run();
  } finally {
    providerPeakKb = sampler.stop();
  }
  const ms = Math.round(performance.now() - started);
  return { step, ms, ...countCalls(emulator), providerPeakKb };
}

/** The emulator's calls since the last clear, totalled and grouped by endpoint. */
export function countCalls(emulator: RunningEmulator): Pick<StepResult, "calls" | "controlCalls" | "dataCalls" | "routes"> {
  const { calls } = emulator.control.calls.summary();
  const routes: Record<string, number> = {};
  let control = 0;
  for (const c of calls) {
    if (c.target === "control") control++;
    const key = `${c.target === "control" ? "" : "data "}${routeOf(c.method, c.path)}`;
    routes[key] = (routes[key] ?? 0) + 1;
  }
  return { calls: calls.length, controlCalls: control, dataCalls: calls.length - control, routes };
}

/** Average `__provider` and entry bytes per resource kind in the exported state (the stack itself excluded). */
export async function stateSizes(stack: Stack, kindOf: (r: { type: string; urn: string }) => string | undefined): Promise<StateSize[]> {
  const deployment = await stack.exportStack();
  const resources = (deployment.deployment?.resources ?? []) as Array<{ type: string; urn: string; outputs?: Record<string, unknown> }>;
  const byKind = new Map<string, { count: number; provider: number; state: number }>();
  for (const r of resources) {
    const kind = kindOf(r);
    if (!kind) continue;
    const acc = byKind.get(kind) ?? { count: 0, provider: 0, state: 0 };
    acc.count++;
    acc.provider += Buffer.byteLength(JSON.stringify(r.outputs?.__provider ?? ""));
    acc.state += Buffer.byteLength(JSON.stringify(r));
    byKind.set(kind, acc);
  }
  return [...byKind.entries()].map(([kind, a]) => ({ kind, count: a.count, providerBytes: Math.round(a.provider / a.count), stateBytes: Math.round(a.state / a.count) }));
}

/** The exported `inputs` of every resource by URN, to see whether a refresh rewrote any. */
export async function storedInputs(stack: Stack): Promise<Map<string, string>> {
  const deployment = await stack.exportStack();
  const resources = (deployment.deployment?.resources ?? []) as Array<{ urn: string; inputs?: unknown }>;
  return new Map(resources.map((r) => [r.urn, JSON.stringify(r.inputs ?? null)]));
}
