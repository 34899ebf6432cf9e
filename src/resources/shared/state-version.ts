/**
 * The shape version every resource stores in its outputs. Old states always run the installed code (the
 * `__provider` text never changes), so what a resource stores is a contract: a state written by an older
 * release is upgraded when it is read, diffed or updated, never rejected.
 */
import type { Props } from "./spec";

/** The shape written by this release. 0.1.0 wrote none, which counts as 1. */
export const STATE_VERSION = 2;

/** The output key holding the shape version. */
export const STATE_VERSION_KEY = "stateVersion";

/** The stored shape version of a state (1 when absent). */
export function stateVersionOf(state: Props): number {
  const v = state[STATE_VERSION_KEY];
  return typeof v === "number" ? v : 1;
}

/** The state in today's shape, through the resource's own upgrade step when it is older. */
export function upgradeState(state: Props, upgrade: ((state: Props, fromVersion: number) => Props) | undefined): Props {
  const version = stateVersionOf(state);
  if (version > STATE_VERSION) {
    throw new Error(`this state was written by a newer pulumi-zilliz (state version ${version}, this release understands up to ${STATE_VERSION}); upgrade the package`);
  }
  const upgraded = version < STATE_VERSION && upgrade ? upgrade(state, version) : state;
  return { ...upgraded, [STATE_VERSION_KEY]: STATE_VERSION };
}
