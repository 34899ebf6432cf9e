/** Lazy completion of an asynchronous state, the way clusters do it: decided at read time from the start time. */
import type { TransitionMode } from "../transition-mode";

/** True when work started at `startedAt` is finished under `mode` (manual work waits for an explicit advance). */
export function isSettled(startedAt: number, mode: TransitionMode, now: number): boolean {
  return mode.kind === "immediate" || (mode.kind === "time" && now - startedAt >= mode.ms);
}
