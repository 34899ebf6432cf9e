/**
 * Engine events as progress: in a terminal, one line when a resource step starts and one when it ends
 * (with its elapsed time), prefixed by the environment so concurrent runs stay readable; with `--json`,
 * one JSON object per line for CI. Pure apart from the `write` and `now` it is given.
 */
import type { EngineEvent, StepEventMetadata } from "@pulumi/pulumi/automation";
import type { EnvResult } from "./env-result";
import { kindOf, nameOf } from "./event-names";
import { visibleOutputs } from "./outputs-view";

/** One JSON line of `--json` about a resource step. */
export interface ResourceLine {
  type: "resource";
  env: string;
  resource: string;
  kind: string;
  urn: string;
  op: string;
  status: "started" | "done" | "failed";
  /** Milliseconds since the step started (0 when it starts). */
  elapsedMs: number;
  /** True for a preview's planned step (nothing was done). */
  planning?: boolean;
}

// Steps that do nothing to a resource are not progress worth a line.
const QUIET_OPS = new Set(["same", "read"]);

/** Past tense of an operation, for the terminal's end line. */
const DONE: Record<string, string> = {
  create: "created",
  update: "updated",
  delete: "deleted",
  replace: "replaced",
  "create-replacement": "created replacement",
  "delete-replaced": "deleted replaced",
  refresh: "refreshed",
  import: "imported",
};

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;

/** A progress view for one environment's run. */
export class ProgressView {
  private readonly started = new Map<string, number>();

  constructor(
    private readonly env: string,
    private readonly options: { json: boolean; write: (line: string) => void; now?: () => number },
  ) {}

  private now(): number {
    return this.options.now ? this.options.now() : Date.now();
  }

  private line(text: string): void {
    this.options.write(`${text}\n`);
  }

  private resource(m: StepEventMetadata, status: ResourceLine["status"], planning: boolean | undefined): void {
    const key = `${m.urn}\u0000${m.op}`;
    const now = this.now();
    if (status === "started") this.started.set(key, now);
    const elapsedMs = status === "started" ? 0 : now - (this.started.get(key) ?? now);
    if (this.options.json) {
      const out: ResourceLine = { type: "resource", env: this.env, resource: nameOf(m.urn), kind: kindOf(m.type), urn: m.urn, op: m.op, status, elapsedMs };
      if (planning) out.planning = true;
      this.line(JSON.stringify(out));
      return;
    }
    const what = `${kindOf(m.type)} ${nameOf(m.urn)}`;
    if (planning) {
      // A preview plans; it does not wait on anything: one line per planned step.
      if (status === "started") this.line(`[${this.env}] plan ${m.op.padEnd(8)} ${what}`);
      return;
    }
    if (status === "started") this.line(`[${this.env}] ${m.op.padEnd(8)} ${what} ...`);
    else if (status === "done") this.line(`[${this.env}] ${(DONE[m.op] ?? m.op).padEnd(8)} ${what} (${seconds(elapsedMs)})`);
    else this.line(`[${this.env}] FAILED   ${what} after ${seconds(elapsedMs)} (${m.op})`);
  }

  /** Feed every engine event here (`onEvent` of up/preview/refresh/destroy). */
  onEvent(e: EngineEvent): void {
    const pre = e.resourcePreEvent;
    const out = e.resOutputsEvent;
    const failed = e.resOpFailedEvent;
    const step = pre?.metadata ?? out?.metadata ?? failed?.metadata;
    if (step && (step.type.startsWith("pulumi:") || QUIET_OPS.has(step.op))) return;
    if (pre) this.resource(pre.metadata, "started", pre.planning);
    else if (out && !out.planning) this.resource(out.metadata, "done", false);
    else if (failed) this.resource(failed.metadata, "failed", false);
    else if (e.diagnosticEvent) {
      const d = e.diagnosticEvent;
      // Debug chatter (the SDK types omit that severity) and ephemeral status stay out; info carries the provider's progress on long waits (cluster creation).
      if ((d.severity as string) === "debug" || d.ephemeral) return;
      const message = d.message.replace(/<\{%[^%]*%\}>/g, "").trim();
      if (message === "") return;
      if (this.options.json) this.line(JSON.stringify({ type: "diagnostic", env: this.env, severity: d.severity, resource: d.urn ? nameOf(d.urn) : undefined, message }));
      else this.line(`[${this.env}] ${d.severity === "info" ? "  " : `${d.severity}: `}${d.urn ? `${nameOf(d.urn)}: ` : ""}${message.replace(/\n/g, " ")}`);
    }
  }

  /** The closing line of the environment's run. */
  summary(r: EnvResult, options: { showSecrets?: boolean } = {}): void {
    if (this.options.json) {
      const { outputs, plan, ...rest } = r;
      this.line(
        JSON.stringify({
          type: "summary",
          ...rest,
          ...(plan ? { plan: { rows: plan.rows, destructive: plan.destructive, counts: plan.counts, markdown: plan.markdown } } : {}),
          ...(outputs ? { outputs: visibleOutputs(outputs, options.showSecrets ?? false) } : {}),
        }),
      );
      return;
    }
    const counts = Object.entries(r.changes)
      .filter(([, n]) => n > 0)
      .map(([op, n]) => `${op} ${n}`)
      .join(", ");
    const drift = r.drifted === undefined ? "" : r.drifted.length === 0 ? "; no drift" : `; DRIFT in ${r.drifted.map((d) => `${d.kind} ${d.name}${d.properties.length ? ` (${d.properties.join(", ")})` : d.change === "delete" ? " (gone)" : ""}`).join("; ")}`;
    const tail = r.status === "failed" ? `: ${r.error ?? "failed"}` : "";
    this.line(`[${r.env}] ${r.command} ${r.status} in ${seconds(r.elapsedMs)}${counts ? ` (${counts})` : ""}${drift}${tail}`);
  }
}
