/**
 * How an asynchronous state machine in the emulator advances (cluster create/modify/suspend/resume/drop,
 * collection load, index build, import job).
 *
 * - `immediate`: the transient state is skipped; the object is in its final state on the next read.
 * - `time`: the transient state lasts `ms` milliseconds of wall-clock time.
 * - `manual`: the object stays in its transient state until a control call advances it.
 */
export type TransitionMode = { kind: "immediate" } | { kind: "time"; ms: number } | { kind: "manual" };

/** The kinds of asynchronous work whose transition mode can be set separately. */
export type TransitionKind = "cluster" | "load" | "index" | "import";

/** Parses the CLI/control-endpoint spelling: `immediate`, `time:<ms>` or `manual`. */
export function parseTransitionMode(text: string): TransitionMode {
  if (text === "immediate") return { kind: "immediate" };
  if (text === "manual") return { kind: "manual" };
  const match = /^time:(\d+)$/.exec(text);
  if (match) return { kind: "time", ms: Number(match[1]) };
  throw new Error(`invalid transition mode "${text}": expected immediate, manual or time:<ms>`);
}

/** The inverse of {@link parseTransitionMode}: `immediate`, `manual` or `time:<ms>`. */
export function formatTransitionMode(mode: TransitionMode): string {
  return mode.kind === "time" ? `time:${mode.ms}` : mode.kind;
}

/** Every kind, for settings that apply to all of them. */
export const TRANSITION_KINDS: readonly TransitionKind[] = ["cluster", "load", "index", "import"];
