/** The benchmark's pure parts: ratios, endpoint grouping, target verdicts, the Markdown report and the chart. */
import { describe, expect, it } from "vitest";
import { judgeTargets, ratio, renderChart, renderMarkdown, routeOf, STEPS, type BenchResult, type SizeResult, type StepResult } from "../../../bench/report";

function step(name: StepResult["step"], ms: number, calls = 0, controlCalls = 0): StepResult {
  return { step: name, ms, calls, controlCalls, dataCalls: calls - controlCalls, routes: {} };
}

/** A size where ours is `factor` times the no-op stack on every step. */
function size(n: number, opts: { factor: number; upCalls: number; refreshCalls: number; previewCalls?: number; rewrote?: number }): SizeResult {
  const calls: Record<string, number> = { "up (from empty)": opts.upCalls, refresh: opts.refreshCalls, "preview (no changes)": opts.previewCalls ?? 0 };
  return {
    n,
    resources: 2 * n + 1,
    ours: STEPS.map((s) => step(s, 1000 * opts.factor, calls[s] ?? 0, 1)),
    noop: STEPS.map((s) => step(s, 1000)),
    oursState: [{ kind: "Collection", count: n, providerBytes: 900, stateBytes: 2400 }],
    noopState: [{ kind: "no-op dynamic resource", count: 2 * n + 1, providerBytes: 1400, stateBytes: 3800 }],
    refreshRewroteInputs: opts.rewrote,
  };
}

describe("ratio", () => {
  it("divides and rounds to two decimals", () => {
    expect(ratio(3000, 2000)).toBe(1.5);
    expect(ratio(1000, 3000)).toBe(0.33);
    expect(ratio(31_000, 2_200)).toBe(14.09);
  });
  it("handles a zero baseline", () => {
    expect(ratio(0, 0)).toBe(1);
    expect(ratio(5, 0)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("routeOf", () => {
  it("groups calls by endpoint like the client's limiter", () => {
    expect(routeOf("GET", "/v2/clusters/in01-6183d6bac30f801")).toBe("GET /v2/clusters/{}");
    expect(routeOf("GET", "/v2/clusters/in01-1/labels")).toBe("GET /v2/clusters/{}/labels");
    expect(routeOf("POST", "/v2/vectordb/collections/describe")).toBe("POST /v2/vectordb/collections/describe");
    expect(routeOf("GET", "/v2/clusters?pageSize=10")).toBe("GET /v2/clusters");
  });
});

describe("judgeTargets", () => {
  it("passes a stack that meets every issue-9 target", () => {
    // N=100: refresh 201 calls for 201 resources; up = 4 for the cluster + 5 per pair.
    const verdicts = judgeTargets(size(100, { factor: 1.05, upCalls: 504, refreshCalls: 201, rewrote: 0 }), 4);
    expect(verdicts.map((v) => [v.target, v.met])).toEqual([
      ["refresh ≤ 2× no-op", true],
      ["refresh: exactly 1 read call per resource", true],
      ["refresh leaves stored inputs byte-identical", true],
      ["up from empty ≤ 5 calls per collection+index pair", true],
      ["preview ≤ 1.10× no-op", true],
      ["preview: 0 API calls", true],
    ]);
  });

  it("fails each target it misses, with the measured value", () => {
    const verdicts = judgeTargets(size(100, { factor: 14, upCalls: 905, refreshCalls: 301, previewCalls: 3, rewrote: 101 }), 5);
    expect(verdicts.every((v) => !v.met)).toBe(true);
    expect(verdicts.find((v) => v.target.startsWith("refresh ≤"))?.measured).toBe("14×");
    expect(verdicts.find((v) => v.target.startsWith("refresh:"))?.measured).toBe("301 calls for 201 resources (1.50 per resource)");
    expect(verdicts.find((v) => v.target.startsWith("up from empty"))?.measured).toBe("9.00 per pair ((905 − 5 for the cluster) / 100)");
    expect(verdicts.find((v) => v.target.includes("byte-identical"))?.measured).toBe("101 of 201 rewritten");
  });

  it("puts the 1.10× preview limit exactly at the boundary", () => {
    expect(judgeTargets(size(5, { factor: 1.1, upCalls: 0, refreshCalls: 11 }), 0).find((v) => v.target.startsWith("preview ≤"))?.met).toBe(true);
    expect(judgeTargets(size(5, { factor: 1.11, upCalls: 0, refreshCalls: 11 }), 0).find((v) => v.target.startsWith("preview ≤"))?.met).toBe(false);
  });

  it("reports the same-inputs floor next to the preview ratio, as the median of its runs, without changing the verdict", () => {
    const s = size(100, { factor: 1.2, upCalls: 505, refreshCalls: 201 });
    s.sameInputsPreview = [1300, 1150, 1100].map((ms) => step("preview (no changes)", ms));
    const preview = judgeTargets(s, 5).find((v) => v.target.startsWith("preview ≤"))!;
    expect(preview.met).toBe(false);
    expect(preview.measured).toBe("1.2× (no-op resources with our inputs and wiring: 1.15 s = 1.15× the no-op stack; ours = 1.04× that floor)");
  });
});

const result: BenchResult = {
  startedAt: "2026-12-01T17:00:00.000Z",
  machine: { cpus: 2, cpuModel: "Test CPU", node: "v20.0.0", pulumi: "3.248.0", totalMemMb: 4096 },
  sizes: [size(25, { factor: 1.5, upCalls: 130, refreshCalls: 52, rewrote: 0 }), size(100, { factor: 3, upCalls: 504, refreshCalls: 202, rewrote: 0 })],
  lifecycle: [{ kind: "Collection", step: "create", calls: 5, minimum: 1, minimumReason: "collections/create", routes: { "data POST /v2/vectordb/collections/create": 1 } }],
  waits: [{ advancedAfterMs: 1500, noticedAfterMs: 1480, polls: 3, maxPollsPerSecond: 2 }],
  clusterCreateCalls: 4,
};

describe("renderMarkdown", () => {
  const md = renderMarkdown(result);
  it("has one table row per step and size with both times, the ratio and the calls", () => {
    expect(md).toContain("| step | ours (s; median, then each run) | no-op (s) | ratio |");
    expect(md).toContain("### N = 100 (1 cluster + 100 collections + 100 indexes vs 201 no-op resources)");
    expect(md).toContain("| refresh | 3.00 | 1.00 | 3× | 202 (1 / 201) | – / – |");
    expect(md).toContain("| up (from empty) | 1.50 | 1.00 | 1.5× | 130 (1 / 129) | – / – |");
  });
  it("lists state sizes, verdicts, lifecycle calls and wait latency", () => {
    expect(md).toContain("| Collection | 100 | 900 | 2400 |");
    expect(md).toContain("- **not met**: refresh ≤ 2× no-op — 3×");
    expect(md).toContain("- met: refresh ≤ 2× no-op — 1.5×");
    expect(md).toContain("| Collection | create | 5 | 1 | data POST /v2/vectordb/collections/create ×1 | collections/create |");
    expect(md).toContain("| 1.50 | 1.48 | 3 | 2 |");
  });
});

describe("repeated steps", () => {
  it("show the median first, then every run", () => {
    const repeated = structuredClone(result);
    const refresh = repeated.sizes[0]!.ours.find((s) => s.step === "refresh")!;
    refresh.ms = 1200;
    refresh.samplesMs = [1500, 1200, 900];
    expect(renderMarkdown(repeated)).toContain("| refresh | 1.20 (1.50, 1.20, 0.90) | 1.00 | 1.2× |");
  });
});

describe("renderChart", () => {
  it("draws one bar per step and size, labels each, and marks the two time targets", () => {
    const svg = renderChart(result);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
    expect(svg.match(/<rect x="\d+\.\d" y="[\d.]+" width="[\d.]+" height="[\d.]+" fill="#/g)).toHaveLength(STEPS.length * 2); // bars (legend swatches have integer x)
    expect(svg).toContain(">N = 100 (201 resources)</text>");
    expect(svg.match(/stroke="#c00000"/g)).toHaveLength(3); // refresh, preview, legend
    expect(svg).not.toContain("NaN");
  });
});
