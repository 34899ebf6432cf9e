/**
 * Asynchronous transitions (collection load, index build, import job) as clocks read on demand:
 * `immediate` is done at once, `time:<ms>` after that many milliseconds, `manual` when `advance` says so.
 */
import type { TransitionMode } from "../transition-mode";
import type { Transition } from "./state";

/** Starts a transition under the mode in force now. */
export function startTransition(mode: TransitionMode, now = Date.now()): Transition {
  return { startedAt: now, mode: mode.kind, ms: mode.kind === "time" ? mode.ms : 0, advanced: false };
}

/** Progress 0..100 of a transition; 100 means finished. */
export function transitionProgress(t: Transition, now = Date.now()): number {
  if (t.mode === "immediate" || t.advanced) return 100;
  if (t.mode === "manual") return 0;
  if (t.ms <= 0) return 100;
  const elapsed = now - t.startedAt;
  return elapsed >= t.ms ? 100 : Math.min(99, Math.floor((elapsed / t.ms) * 100));
}

export function isDone(t: Transition, now = Date.now()): boolean {
  return transitionProgress(t, now) >= 100;
}
