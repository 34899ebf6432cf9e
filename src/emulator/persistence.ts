/** The state file: the whole emulator state as JSON, replaced atomically (temp file + rename) on each mutation. */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import type { ControlPlaneState } from "./control-plane/state";

/** What the state file holds. */
export interface PersistedState {
  version: 1;
  apiKey: string;
  controlPlane: ControlPlaneState;
  /** Each live cluster's data-plane snapshot, by cluster id. */
  dataPlanes: Record<string, unknown>;
  legacy?: unknown;
}

/** Writes the file so that a reader sees the old or the new content, never half of one. */
export function writeStateFile(path: string, state: PersistedState): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(state));
  renameSync(temp, path);
}

/** Reads the file, or undefined when there is none yet. A corrupt file is an error, not an empty state. */
export function readStateFile(path: string): PersistedState | undefined {
  if (!existsSync(path)) return undefined;
  const parsed = JSON.parse(readFileSync(path, "utf8")) as PersistedState;
  if (parsed.version !== 1 || !parsed.controlPlane) throw new Error(`${path} is not a zilliz-local state file (version 1)`);
  return parsed;
}
