import type { EngineEvent, OpType } from "@pulumi/pulumi/automation";
import { describe, expect, it } from "vitest";
import type { EnvResult } from "../../../src/environments/env-result";
import { formatOutputs, visibleOutputs } from "../../../src/environments/outputs-view";
import { ProgressView } from "../../../src/environments/progress-view";

const TYPE = "pulumi-nodejs:dynamic/zilliz:";
const meta = (op: OpType, kind: string, name: string) => ({ op, urn: `urn:pulumi:pr-1::zilliz-env::${kind.includes(":") ? kind : TYPE + kind}::${name}`, type: kind.includes(":") ? kind : TYPE + kind, provider: "" });
const pre = (op: OpType, kind: string, name: string, planning = false): EngineEvent => ({ sequence: 0, timestamp: 0, resourcePreEvent: { metadata: meta(op, kind, name), planning } });
const done = (op: OpType, kind: string, name: string): EngineEvent => ({ sequence: 0, timestamp: 0, resOutputsEvent: { metadata: meta(op, kind, name) } });
const failed = (op: OpType, kind: string, name: string): EngineEvent => ({ sequence: 0, timestamp: 0, resOpFailedEvent: { metadata: meta(op, kind, name), status: 1, steps: 1 } });
const diag = (severity: string, message: string, urn?: string): EngineEvent => ({ sequence: 0, timestamp: 0, diagnosticEvent: { severity: severity as never, message, color: "never", ...(urn ? { urn } : {}) } });

/** A view with a clock the test moves, collecting what it writes. */
function view(json: boolean) {
  const lines: string[] = [];
  let now = 1_000;
  const v = new ProgressView("pr-1", { json, write: (l) => lines.push(l), now: () => now });
  return { v, lines, tick: (ms: number) => (now += ms) };
}

const events = (tick: (ms: number) => void): Array<EngineEvent | (() => void)> => [
  pre("create", "pulumi:pulumi:Stack", "zilliz-env-pr-1"),
  pre("create", "Cluster", "search"),
  () => tick(2_500),
  diag("debug", "Registering resource: t=..."),
  diag("info", "cluster search: CREATING (2 s)\n", meta("create", "Cluster", "search").urn),
  done("create", "Cluster", "search"),
  pre("same", "Alias", "docs_live"),
  done("same", "Alias", "docs_live"),
  pre("update", "Collection", "docs"),
  () => tick(400),
  failed("update", "Collection", "docs"),
];
const feed = (v: ProgressView, tick: (ms: number) => void) => {
  for (const e of events(tick)) typeof e === "function" ? e() : v.onEvent(e);
};

describe("ProgressView", () => {
  it("prints a line when a step starts and one with its elapsed time when it ends, skipping unchanged resources and debug chatter", () => {
    const { v, lines, tick } = view(false);
    feed(v, tick);
    expect(lines.join("")).toBe(
      [
        "[pr-1] create   Cluster search ...",
        "[pr-1]   search: cluster search: CREATING (2 s)",
        "[pr-1] created  Cluster search (2.5s)",
        "[pr-1] update   Collection docs ...",
        "[pr-1] FAILED   Collection docs after 0.4s (update)",
        "",
      ].join("\n"),
    );
  });

  it("writes one JSON object per line with resource, op, status and elapsed time", () => {
    const { v, lines, tick } = view(true);
    feed(v, tick);
    const parsed = lines.map((l) => JSON.parse(l));
    expect(parsed.filter((p) => p.type === "resource").map((p) => [p.resource, p.kind, p.op, p.status, p.elapsedMs])).toEqual([
      ["search", "Cluster", "create", "started", 0],
      ["search", "Cluster", "create", "done", 2500],
      ["docs", "Collection", "update", "started", 0],
      ["docs", "Collection", "update", "failed", 400],
    ]);
    expect(parsed.find((p) => p.type === "diagnostic")).toEqual({ type: "diagnostic", env: "pr-1", severity: "info", resource: "search", message: "cluster search: CREATING (2 s)" });
    expect(lines.every((l) => l.endsWith("\n") && !l.slice(0, -1).includes("\n"))).toBe(true);
  });

  it("prints planned steps of a preview once each", () => {
    const { v, lines } = view(false);
    v.onEvent(pre("replace", "Collection", "docs", true));
    v.onEvent({ sequence: 0, timestamp: 0, resOutputsEvent: { metadata: meta("replace", "Collection", "docs"), planning: true } });
    expect(lines).toEqual(["[pr-1] plan replace  Collection docs\n"]);
  });

  it("closes with a summary: counts and drift in a terminal, the whole result (secrets masked) as JSON", () => {
    const result: EnvResult = {
      env: "pr-1", command: "drift", status: "succeeded", elapsedMs: 5_400, changes: { same: 5, update: 1 },
      drifted: [{ kind: "Cluster", name: "search", urn: "u", change: "update", properties: ["labels"] }, { kind: "Alias", name: "a", urn: "v", change: "delete", properties: [] }],
    };
    const t = view(false);
    t.v.summary(result);
    expect(t.lines).toEqual(["[pr-1] drift succeeded in 5.4s (same 5, update 1); DRIFT in Cluster search (labels); Alias a (gone)\n"]);
    const j = view(true);
    j.v.summary({ ...result, command: "outputs", drifted: undefined, outputs: { tokens: { value: { a: "u:p" }, secret: true }, endpoints: { value: { s: "http://x" }, secret: false } } });
    expect(JSON.parse(j.lines[0]!)).toEqual({ type: "summary", env: "pr-1", command: "outputs", status: "succeeded", elapsedMs: 5400, changes: { same: 5, update: 1 }, outputs: { tokens: "[secret]", endpoints: { s: "http://x" } } });
    const f = view(false);
    f.v.summary({ env: "pr-1", command: "up", status: "failed", error: "boom", elapsedMs: 100, changes: {} });
    expect(f.lines).toEqual(["[pr-1] up failed in 0.1s: boom\n"]);
  });
});

describe("outputs view", () => {
  const outputs = { tokens: { value: { clusters: { s: "u:p" } }, secret: true }, endpoints: { value: { s: "http://x" }, secret: false } };
  it("masks secret outputs unless asked to show them", () => {
    expect(visibleOutputs(outputs, false)).toEqual({ tokens: "[secret]", endpoints: { s: "http://x" } });
    expect(visibleOutputs(outputs, true)).toEqual({ tokens: { clusters: { s: "u:p" } }, endpoints: { s: "http://x" } });
    expect(formatOutputs("pr-1", outputs, false)).toBe('# pr-1\n{\n  "tokens": "[secret]",\n  "endpoints": {\n    "s": "http://x"\n  }\n}\n');
  });
});
