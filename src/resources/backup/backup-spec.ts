/** The Backup's properties: one table, from which its class, check, diff and stored shape derive. */
import { z } from "zod";
import { clusterIdType } from "../shared/data-plane-target";
import type { StateOf } from "../shared/resource-definition";
import { defineSpec, input, output, type InputsOf } from "../shared/spec";
import { strictObject } from "../shared/strict-object";

export const DEFAULT_BACKUP_WAIT_SECONDS = 60 * 60;

/** Collections grouped by database, `dbName` defaulted, everything sorted: the order never counts. */
export function canonicalCollections(value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) return value;
  const byDb = new Map<string, Set<string>>();
  for (const entry of value as Array<{ dbName?: string; collectionNames?: string[] }>) {
    const db = entry?.dbName || "default";
    const names = byDb.get(db) ?? new Set<string>();
    for (const n of entry?.collectionNames ?? []) names.add(n);
    byDb.set(db, names);
  }
  return [...byDb.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([dbName, names]) => ({ dbName, collectionNames: [...names].sort() }));
}

const regionsCanonical = (value: unknown): unknown =>
  Array.isArray(value) && value.length > 0 ? [...value].map((c: { regionId?: unknown }) => String(c.regionId)).sort() : undefined;

export const backupSpec = defineSpec({
  /**
   * The Dedicated cluster to back up (wire it as `cluster.id`; it must be RUNNING). Changing it replaces the
   * backup (a new backup of the other cluster; the old one is deleted).
   * @example "in01-0123456789abcdef"
   */
  clusterId: input(clusterIdType, { change: "replace", whenUnknown: "replace" }),
  /**
   * Back up only these collections (a `COLLECTION` backup), grouped by database (`dbName` default
   * `default`). Default: the whole cluster (a `CLUSTER` backup). Changing it replaces the backup (a backup
   * is immutable: a new one is taken).
   * @example [{ dbName: "default", collectionNames: ["docs", "faq"] }]
   */
  collections: input(
    z.array(strictObject({ dbName: z.string().min(1).optional(), collectionNames: z.array(z.string().min(1)).min(1, "name at least one collection") })).min(1, "name at least one database entry, or leave collections out for a cluster backup").optional(),
    { change: "replace", canonical: canonicalCollections },
  ),
  /**
   * Other regions the backup is copied to (Enterprise clusters). Default none. Changing it replaces the backup.
   * @example [{ regionId: "aws-us-east-1" }]
   */
  crossRegionCopies: input(z.array(strictObject({ regionId: z.string().regex(/^[a-z]+-[a-z0-9-]+$/, "expected a region id like aws-us-east-1") })).optional(), {
    change: "replace",
    canonical: regionsCanonical,
  }),
  /**
   * Deadline, in seconds, for the wait until the backup is AVAILABLE (create) or gone (delete). Default
   * 3600. A create that times out stays in the stack; the next `up` resumes the wait. Updates in place (no server call).
   * @example 7200
   */
  waitTimeoutSeconds: input(z.number().int().min(1).max(24 * 3600).optional(), { change: "local" }),

  /** The backup id (the same as the resource id), e.g. `backup0_0123456789abcdef`. */
  backupId: output<string>(),
  /** The name the server gave the backup. */
  backupName: output<string>(),
  /** `CLUSTER` or `COLLECTION`. */
  backupType: output<string>(),
  /** The cloud job that made the backup (`GET /v2/jobs/{jobId}`). */
  jobId: output<string>(),
  /** `AVAILABLE` once made; `CREATING` in a state a timed-out wait left. */
  status: output<string>(),
  /** Size in bytes as the server reports it. */
  size: output<number>(),
  /** Creation time as the server reports it. */
  createTime: output<string>(),
  /** When the server deletes the backup on its own, if it says. */
  expireTime: output<string>(),
});

export type BackupSpec = typeof backupSpec;
export type BackupInputs = InputsOf<BackupSpec>;
export type BackupState = StateOf<BackupSpec>;
