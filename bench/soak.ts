/**
 * `npm run soak`: the fault soak of issue 9 — the quickstart under ≈10% mixed faults (429, 500, 503, resets,
 * latency, answers lost after acting) on the control plane and every data plane, 20 runs by default.
 *
 *   npm run soak                        20 runs, seeds 1…20
 *   npm run soak -- --runs 5 --seed 100
 *
 * Writes soak.json and soak.md to .pulumi-local/bench (or --out). A measurement, not a test: the e2e test
 * test/e2e/fault-soak.test.ts runs a short version with assertions.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import path from "node:path";
import { benchStack, repoRoot } from "./engine";
import { DEFAULT_MIX, mixRate, runSoak, summarize, type SoakRun } from "./soak-core";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startEmulator } = require(path.join(repoRoot, "dist", "emulator")) as typeof import("../dist/emulator");

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

function markdown(runs: SoakRun[], when: string): string {
  const s = summarize(runs);
  const lines = [
    `Run ${when} on ${cpus().length} CPU(s), Node ${process.version}; mix: ${DEFAULT_MIX.map((m) => `${m.label} ${(m.probability * 100).toFixed(1)}%`).join(", ")} (${(mixRate(DEFAULT_MIX) * 100).toFixed(1)}% of calls), target "*" (control plane and every data plane).`,
    "",
    `- converged on the first \`up\`: **${s.convergedFirstUp}/${s.runs}**${s.runs > s.convergedFirstUp ? ` (recovered by a second \`up\` with the faults cleared: ${s.recovered}/${s.runs - s.convergedFirstUp})` : ""}`,
    `- orphans: **${s.orphans}**; duplicates: **${s.duplicates}**`,
    `- refresh clean after the run: **${s.refreshClean}/${s.runs}**; destroyed: ${s.destroyed}/${s.runs}`,
    `- faults that hit a call of the faulted \`up\`: ${s.faultsFired} of ${s.calls} calls`,
    "",
    "| run | seed | first up | orphans | duplicates | refresh | API calls (faulted up) | faulted | s | first-up failure |",
    "|---:|---:|---|---:|---:|---|---:|---:|---:|---|",
    ...runs.map((r) => `| ${r.run} | ${r.seed} | ${r.firstUp ? "converged" : r.recovered ? "failed, recovered" : "failed"} | ${r.orphans.length} | ${r.duplicates.length} | ${r.refreshClean ? "clean" : "not clean"} | ${r.upCalls} | ${r.faultsFired} | ${r.seconds} | ${(r.firstUpError ?? "").replace(/\|/g, "\\|")} |`),
  ];
  return `${lines.join("\n")}\n`;
}

async function main(): Promise<void> {
  const runs = Number(arg("--runs", "20"));
  const seed = Number(arg("--seed", "1"));
  const out = arg("--out", path.join(repoRoot, ".pulumi-local", "bench"));
  mkdirSync(out, { recursive: true });
  const emulator = await startEmulator({ port: 0, legacyPort: false, transitions: { kind: "immediate" } });
  const when = new Date().toISOString();
  try {
    const results = await runSoak({
      emulator: { url: emulator.url, apiKey: emulator.apiKey },
      repoRoot,
      runs,
      seed,
      makeStack: (label, program, config) => benchStack(label, program, config),
      log: (line) => console.log(line),
    });
    writeFileSync(path.join(out, "soak.json"), `${JSON.stringify({ when, mix: DEFAULT_MIX, summary: summarize(results), runs: results }, null, 2)}\n`);
    writeFileSync(path.join(out, "soak.md"), markdown(results, when));
    console.log(JSON.stringify(summarize(results)));
    console.log(`written: ${path.join(out, "soak.md")}`);
  } finally {
    await emulator.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
