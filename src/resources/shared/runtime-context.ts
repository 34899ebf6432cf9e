/** What every resource's run-time operations receive: config from `configure()` and a progress logger. */
import { ZillizError, type ErrorKind } from "../../client";
import type { DiffPlan } from "./plan";
import type { ProgressLogger } from "./progress-log";
import type { ProviderConfig } from "./provider-config";

/** The provider process's context for one call. */
export interface RuntimeContext {
  config: ProviderConfig;
  log: ProgressLogger;
  /** Overrides the first poll interval of waits (tests); default 1 s, growing to 10 s. */
  pollIntervalMs?: number;
}

/** The engine-facing shape of one resource kind, implemented in each resource folder. */
export interface ResourceOps {
  /** The zod schema `check` validates with. */
  readonly schema: import("zod").ZodType;
  plan(olds: Record<string, unknown>, news: Record<string, unknown>): DiffPlan;
  create(ctx: RuntimeContext, inputs: Record<string, unknown>): Promise<{ id: string; outs: Record<string, unknown> }>;
  read(ctx: RuntimeContext, id: string, props: Record<string, unknown>): Promise<{ id?: string; props?: Record<string, unknown>; inputs?: Record<string, unknown> }>;
  update(ctx: RuntimeContext, id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<{ outs: Record<string, unknown> }>;
  delete(ctx: RuntimeContext, id: string, props: Record<string, unknown>): Promise<void>;
}

// Kinds after which the request may have been carried out although no (valid) answer came back.
const MAYBE_DONE: readonly ErrorKind[] = ["connection", "server_error", "unknown", "response_validation"];

/**
 * True when a create call failed in a way that leaves its outcome unknown (the connection dropped, the
 * server erred after acting, the answer was unreadable): the caller must look before creating again.
 */
export function outcomeUnknown(e: unknown): boolean {
  if (!ZillizError.isZillizError(e)) return true;
  return MAYBE_DONE.includes(e.kind);
}

/** Milliseconds from an optional `waitTimeoutSeconds` input. */
export function deadlineMs(inputs: Record<string, unknown>, defaultSeconds: number): number {
  const s = inputs.waitTimeoutSeconds;
  return (typeof s === "number" && s > 0 ? s : defaultSeconds) * 1000;
}

/** The input keys of a state bag (outputs minus the computed ones), `__provider` dropped. */
export function pickInputs(props: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (props[k] !== undefined) out[k] = props[k];
  return out;
}

/** A clear refusal listing the settings that differ, for `adopt: true` on a mismatching object. */
export function adoptRefusal(what: string, mismatches: Array<{ property: string; existing: unknown; wanted: unknown }>): Error {
  const lines = mismatches.map((m) => `  ~ ${m.property}: existing ${JSON.stringify(m.existing)}, wanted ${JSON.stringify(m.wanted)}`);
  return new Error(`cannot adopt ${what}: its settings differ from the inputs:\n${lines.join("\n")}\nChange the inputs to match, or remove adopt to create a new object under another name.`);
}
