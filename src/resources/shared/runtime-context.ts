/** What every resource's run-time operations receive, and the small rules they all share. */
import { ZillizError, type ErrorKind } from "../../client";
import type { ProgressLogger } from "./progress-log";
import type { ProviderConfig } from "./provider-config";

/** The provider process's context for one call. */
export interface RuntimeContext {
  config: ProviderConfig;
  log: ProgressLogger;
  /** Overrides the first poll interval of waits (tests); default 1 s, growing to 10 s. */
  pollIntervalMs?: number;
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
export function deadlineMs(inputs: { waitTimeoutSeconds?: number }, defaultSeconds: number): number {
  const s = inputs.waitTimeoutSeconds;
  return (typeof s === "number" && s > 0 ? s : defaultSeconds) * 1000;
}

/** One setting an adopted object has that the program cannot apply in place. */
export interface Mismatch {
  property: string;
  existing: unknown;
  wanted: unknown;
}

/** A clear refusal listing the settings that differ, for `adopt: true` on a mismatching object. */
export function adoptRefusal(what: string, mismatches: Mismatch[]): Error {
  const lines = mismatches.map((m) => `  ~ ${m.property}: existing ${JSON.stringify(m.existing)}, wanted ${JSON.stringify(m.wanted)}`);
  return new Error(`cannot adopt ${what}: these settings differ from the inputs and cannot be changed in place:\n${lines.join("\n")}\nChange the inputs to match, or remove adopt to create a new object under another name.`);
}

/** The text of any error, for logs and pending-work reasons. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
