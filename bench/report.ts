/**
 * The pure half of the benchmark: result shapes, ratios, the issue-9 target verdicts, the Markdown
 * report and the SVG chart. No I/O here, so it can be unit-tested (test/unit/bench/report.test.ts).
 */

/** The engine steps measured on both stacks, in the order they run. */
export const STEPS = ["up (from empty)", "preview (no changes)", "up (no-op)", "refresh", "destroy"] as const;
export type StepName = (typeof STEPS)[number];

/** One engine step on one stack. */
export interface StepResult {
  step: StepName;
  /** Wall time; the median when the step ran several times. */
  ms: number;
  /** Every run's time when the step was repeated (`--repeat`). */
  samplesMs?: number[];
  /** API calls the emulator logged during the step (control plane + data planes). */
  calls: number;
  controlCalls: number;
  dataCalls: number;
  /** Calls per route, `METHOD /path` with ids replaced by `{}`. */
  routes: Record<string, number>;
  /** Peak resident memory (VmHWM) of the dynamic-provider process, in KiB, when it could be sampled. */
  providerPeakKb?: number;
}

/** State size per resource kind, from `pulumi stack export`. */
export interface StateSize {
  kind: string;
  count: number;
  /** Average bytes of the serialised `__provider` output. */
  providerBytes: number;
  /** Average bytes of the whole resource entry in the exported state. */
  stateBytes: number;
}

/** Both stacks at one size N (1 cluster + N collections + N indexes vs 2N+1 no-op resources). */
export interface SizeResult {
  n: number;
  resources: number;
  ours: StepResult[];
  noop: StepResult[];
  oursState: StateSize[];
  noopState: StateSize[];
  /** Resources of our stack whose stored inputs a refresh changed although nothing drifted (wanted: 0). */
  refreshRewroteInputs?: number;
  /** Previews of no-op resources carrying our stack's inputs and wiring (the engine's floor for them). */
  sameInputsPreview?: StepResult[];
}

/** API calls of one lifecycle step for one resource kind, next to what a hand-written script needs. */
export interface LifecycleRow {
  kind: "Cluster" | "Collection" | "CollectionIndex" | "all";
  step: string;
  calls: number;
  minimum: number;
  /** Why the minimum is what it is. */
  minimumReason: string;
  routes: Record<string, number>;
}

/** One measurement of how long a wait takes to notice a server-side change. */
export interface WaitSample {
  /** How long after the create the server finished (the emulator's manual transition was advanced). */
  advancedAfterMs: number;
  /** From the advance to the provider's next describe (the one that saw RUNNING). */
  noticedAfterMs: number;
  /** Describes sent by the wait, including the one that noticed. */
  polls: number;
  /** Most polls of this wait within any one second (the control plane allows 20/s per endpoint). */
  maxPollsPerSecond: number;
}

/** Everything one run produced. */
export interface BenchResult {
  startedAt: string;
  machine: { cpus: number; cpuModel: string; node: string; pulumi: string; totalMemMb: number };
  sizes: SizeResult[];
  lifecycle: LifecycleRow[];
  waits: WaitSample[];
  /** API calls of a Cluster create alone, used to attribute the rest of `up` to collection+index pairs. */
  clusterCreateCalls: number;
}

/** ours / no-op, rounded to two decimals; Infinity when the no-op time is 0. */
export function ratio(ours: number, noop: number): number {
  if (noop <= 0) return ours <= 0 ? 1 : Number.POSITIVE_INFINITY;
  return Math.round((ours / noop) * 100) / 100;
}

/** Replaces identifier segments so calls group by endpoint (`GET /v2/clusters/{}`), as the client's limiter does. */
export function routeOf(method: string, path: string): string {
  const bare = path.split("?", 1)[0] ?? "";
  return `${method} ${bare
    .split("/")
    .map((s) => (s === "" || /^[A-Za-z][A-Za-z0-9_]*$/.test(s) ? s : "{}"))
    .join("/")}`;
}

/** A verdict on one issue-9 target. */
export interface TargetVerdict {
  target: string;
  measured: string;
  met: boolean;
}

function stepOf(list: StepResult[], step: StepName): StepResult | undefined {
  return list.find((s) => s.step === step);
}

/**
 * The issue-9 targets ("Speed at scale"), judged at one size: refresh ≤ 2× the no-op stack with exactly
 * one read call per resource; up from empty ≤ 5 calls per collection+index pair; preview ≤ 1.10× with 0 calls.
 */
export function judgeTargets(size: SizeResult, clusterCreateCalls: number): TargetVerdict[] {
  const out: TargetVerdict[] = [];
  const refresh = stepOf(size.ours, "refresh");
  const refreshNoop = stepOf(size.noop, "refresh");
  if (refresh && refreshNoop) {
    const r = ratio(refresh.ms, refreshNoop.ms);
    out.push({ target: "refresh ≤ 2× no-op", measured: `${r}×`, met: r <= 2 });
    const perResource = refresh.calls / size.resources;
    out.push({
      target: "refresh: exactly 1 read call per resource",
      measured: `${refresh.calls} calls for ${size.resources} resources (${perResource.toFixed(2)} per resource)`,
      met: refresh.calls === size.resources,
    });
  }
  if (size.refreshRewroteInputs !== undefined) {
    out.push({ target: "refresh leaves stored inputs byte-identical", measured: `${size.refreshRewroteInputs} of ${size.resources} rewritten`, met: size.refreshRewroteInputs === 0 });
  }
  const up = stepOf(size.ours, "up (from empty)");
  if (up && size.n > 0) {
    const perPair = (up.calls - clusterCreateCalls) / size.n;
    out.push({
      target: "up from empty ≤ 5 calls per collection+index pair",
      measured: `${perPair.toFixed(2)} per pair ((${up.calls} − ${clusterCreateCalls} for the cluster) / ${size.n})`,
      met: perPair <= 5,
    });
  }
  const preview = stepOf(size.ours, "preview (no changes)");
  const previewNoop = stepOf(size.noop, "preview (no changes)");
  if (preview && previewNoop) {
    const r = ratio(preview.ms, previewNoop.ms);
    out.push({ target: "preview ≤ 1.10× no-op", measured: `${r}×${sameInputsNote(size, preview, previewNoop)}`, met: r <= 1.1 });
    out.push({ target: "preview: 0 API calls", measured: `${preview.calls} calls`, met: preview.calls === 0 });
  }
  return out;
}

/** Where the preview time goes: the engine's cost of our inputs and wiring, and what the provider adds. */
function sameInputsNote(size: SizeResult, preview: StepResult, previewNoop: StepResult): string {
  const runs = size.sameInputsPreview ?? [];
  if (runs.length === 0) return "";
  const floor = [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)]!;
  return ` (no-op resources with our inputs and wiring: ${seconds(floor.ms)} s = ${ratio(floor.ms, previewNoop.ms)}× the no-op stack; ours = ${ratio(preview.ms, floor.ms)}× that floor)`;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(2);
}

/** The time, followed by every run's time when the step was repeated (the median is the one shown first). */
function timeCell(r: StepResult): string {
  return r.samplesMs && r.samplesMs.length > 1 ? `${seconds(r.ms)} (${r.samplesMs.map(seconds).join(", ")})` : seconds(r.ms);
}

function memory(kb: number | undefined): string {
  return kb === undefined ? "–" : `${Math.round(kb / 1024)} MiB`;
}

/** The Markdown report of a run. */
export function renderMarkdown(result: BenchResult): string {
  const lines: string[] = [];
  const m = result.machine;
  lines.push(`Run ${result.startedAt} on ${m.cpus} CPU(s) (${m.cpuModel}), ${m.totalMemMb} MiB RAM, Node ${m.node}, Pulumi ${m.pulumi}.`, "");
  for (const size of result.sizes) {
    lines.push(`### N = ${size.n} (1 cluster + ${size.n} collections + ${size.n} indexes vs ${size.resources} no-op resources)`, "");
    lines.push("| step | ours (s; median, then each run) | no-op (s) | ratio | ours API calls (control / data) | provider peak RSS ours / no-op |");
    lines.push("|---|---:|---:|---:|---:|---:|");
    for (const step of STEPS) {
      const o = stepOf(size.ours, step);
      const n = stepOf(size.noop, step);
      if (!o || !n) continue;
      lines.push(
        `| ${step} | ${timeCell(o)} | ${timeCell(n)} | ${ratio(o.ms, n.ms)}× | ${o.calls} (${o.controlCalls} / ${o.dataCalls}) | ${memory(o.providerPeakKb)} / ${memory(n.providerPeakKb)} |`,
      );
    }
    lines.push("", "| kind | count | `__provider` bytes | state bytes per resource |", "|---|---:|---:|---:|");
    for (const s of [...size.oursState, ...size.noopState]) lines.push(`| ${s.kind} | ${s.count} | ${s.providerBytes} | ${s.stateBytes} |`);
    lines.push("", "Targets at this size:", "");
    for (const v of judgeTargets(size, result.clusterCreateCalls)) lines.push(`- ${v.met ? "met" : "**not met**"}: ${v.target} — ${v.measured}`);
    lines.push("");
  }
  if (result.lifecycle.length > 0) {
    lines.push("### API calls per lifecycle step", "", "| kind | step | calls | hand-written minimum | calls made | why the minimum |", "|---|---|---:|---:|---|---|");
    for (const r of result.lifecycle) {
      const routes = Object.entries(r.routes)
        .map(([k, v]) => `${k} ×${v}`)
        .join(", ");
      lines.push(`| ${r.kind} | ${r.step} | ${r.calls} | ${r.minimum} | ${routes || "none"} | ${r.minimumReason} |`);
    }
    lines.push("");
  }
  if (result.waits.length > 0) {
    lines.push("### Noticing a server-side change during a wait (cluster create)", "", "| server done after (s) | noticed after (s) | polls | most polls in one second |", "|---:|---:|---:|---:|");
    for (const w of result.waits) lines.push(`| ${seconds(w.advancedAfterMs)} | ${seconds(w.noticedAfterMs)} | ${w.polls} | ${w.maxPollsPerSecond} |`);
    lines.push("");
  }
  return lines.join("\n");
}

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A grouped bar chart (SVG text) of the ours / no-op time ratio per step, one bar per size, with the targets marked. */
export function renderChart(result: BenchResult): string {
  const width = 760;
  const height = 360;
  const left = 60;
  const bottom = 300;
  const top = 40;
  const palette = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759"];
  const ratios = result.sizes.flatMap((s) => STEPS.map((st) => ratio(stepOf(s.ours, st)?.ms ?? 0, stepOf(s.noop, st)?.ms ?? 1)));
  const finite = ratios.filter((r) => Number.isFinite(r));
  const maxRatio = Math.max(2.5, Math.ceil(Math.max(0, ...finite)));
  const y = (r: number) => bottom - (Math.min(r, maxRatio) / maxRatio) * (bottom - top);
  const groupWidth = (width - left - 20) / STEPS.length;
  const barWidth = Math.min(28, (groupWidth - 20) / Math.max(1, result.sizes.length));
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`);
  parts.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  parts.push(`<text x="${width / 2}" y="22" text-anchor="middle" font-size="15">pulumi-zilliz time / no-op dynamic resources time (lower is better)</text>`);
  for (let t = 0; t <= maxRatio; t += maxRatio > 10 ? 2 : 1) {
    parts.push(`<line x1="${left}" x2="${width - 20}" y1="${y(t)}" y2="${y(t)}" stroke="#dddddd"/>`);
    parts.push(`<text x="${left - 8}" y="${y(t) + 4}" text-anchor="end">${t}×</text>`);
  }
  STEPS.forEach((step, i) => {
    const x0 = left + i * groupWidth + 10;
    result.sizes.forEach((size, j) => {
      const r = ratio(stepOf(size.ours, step)?.ms ?? 0, stepOf(size.noop, step)?.ms ?? 1);
      const x = x0 + j * barWidth;
      const h = bottom - y(r);
      parts.push(`<rect x="${x.toFixed(1)}" y="${y(r).toFixed(1)}" width="${(barWidth - 2).toFixed(1)}" height="${h.toFixed(1)}" fill="${palette[j % palette.length]}"/>`);
      parts.push(`<text x="${(x + barWidth / 2 - 1).toFixed(1)}" y="${(y(r) - 4).toFixed(1)}" text-anchor="middle" font-size="10">${Number.isFinite(r) ? r : "∞"}</text>`);
    });
    parts.push(`<text x="${(x0 + (result.sizes.length * barWidth) / 2).toFixed(1)}" y="${bottom + 18}" text-anchor="middle">${escapeXml(step)}</text>`);
    // The time targets: preview ≤ 1.10×, refresh ≤ 2×.
    const target = step === "refresh" ? 2 : step === "preview (no changes)" ? 1.1 : undefined;
    if (target !== undefined) {
      const x1 = x0 - 4;
      const x2 = x0 + result.sizes.length * barWidth + 2;
      parts.push(`<line x1="${x1.toFixed(1)}" x2="${x2.toFixed(1)}" y1="${y(target).toFixed(1)}" y2="${y(target).toFixed(1)}" stroke="#c00000" stroke-width="2" stroke-dasharray="5,3"/>`);
    }
  });
  result.sizes.forEach((size, j) => {
    const x = left + j * 150;
    parts.push(`<rect x="${x}" y="${height - 28}" width="12" height="12" fill="${palette[j % palette.length]}"/>`);
    parts.push(`<text x="${x + 18}" y="${height - 18}">N = ${size.n} (${size.resources} resources)</text>`);
  });
  parts.push(`<line x1="${left + result.sizes.length * 150}" x2="${left + result.sizes.length * 150 + 24}" y1="${height - 22}" y2="${height - 22}" stroke="#c00000" stroke-width="2" stroke-dasharray="5,3"/>`);
  parts.push(`<text x="${left + result.sizes.length * 150 + 30}" y="${height - 18}">issue-9 target</text>`);
  parts.push("</svg>");
  return `${parts.join("\n")}\n`;
}
