/**
 * The exit code a pipeline branches on: 0 ok, 1 failed, 2 drift (always, for `drift`) or pending changes
 * (`preview --expect-no-changes`). A failure anywhere wins over drift: a run that could not look at every
 * environment cannot claim "only drifted".
 */
import type { EnvResult } from "./env-result";

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_CHANGES = 2;

/** True when the result means "something differs": drift found, or a preview with pending changes. */
export function hasPendingChanges(r: EnvResult, expectNoChanges: boolean): boolean {
  if (r.command === "drift") return (r.drifted?.length ?? 0) > 0;
  if (r.command === "preview" && expectNoChanges) return (r.plan?.rows.length ?? 0) > 0;
  return false;
}

/** The process exit code for the results of one invocation (one result per environment). */
export function exitCodeOf(results: readonly EnvResult[], options: { expectNoChanges?: boolean } = {}): number {
  if (results.length === 0 || results.some((r) => r.status === "failed")) return EXIT_FAILED;
  return results.some((r) => hasPendingChanges(r, options.expectNoChanges ?? false)) ? EXIT_CHANGES : EXIT_OK;
}
