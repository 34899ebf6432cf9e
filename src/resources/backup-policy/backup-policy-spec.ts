/** The BackupPolicy's properties: one table, from which its class, check, diff and stored shape derive. */
import { z } from "zod";
import { clusterIdType } from "../shared/data-plane-target";
import type { StateOf } from "../shared/resource-definition";
import { defineSpec, input, output, type InputsOf, type Props } from "../shared/spec";
import { strictObject } from "../shared/strict-object";

/** Weekdays as the server stores them: distinct, ascending, comma-separated. */
export function canonicalFrequency(value: unknown): unknown {
  if (typeof value !== "string") return value;
  return [...new Set(value.split(",").map((d) => d.trim()))].sort().join(",");
}

/**
 * Copies compared by region, in region order (the server does not promise an order), each with its
 * retention: a copy without one keeps the policy's, so a server that fills it in shows no change.
 */
export function canonicalCopies(value: unknown, props: Props = {}): unknown {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return value;
  return [...value]
    .map((c: { regionId?: unknown; retentionDays?: unknown }) => ({ regionId: c.regionId, retentionDays: c.retentionDays ?? props.retentionDays }))
    .sort((a, b) => String(a.regionId).localeCompare(String(b.regionId)));
}

export const backupPolicySpec = defineSpec({
  /**
   * The Dedicated cluster whose automatic backups this policy governs (wire it as `cluster.id`). The id of the
   * policy is this cluster id. Changing it replaces the policy (the old cluster's policy is disabled).
   * @example "in01-0123456789abcdef"
   */
  clusterId: input(clusterIdType, { change: "replace", whenUnknown: "replace" }),
  /**
   * The weekdays a backup runs on, ISO numbering (1 = Monday … 7 = Sunday), comma-separated, each at most
   * once; compared in any order. Updates in place.
   * @example "1,3,5"
   */
  frequency: input(
    z.string().regex(/^[1-7](,[1-7])*$/, "expected ISO weekdays 1-7, comma-separated, e.g. \"1,3,5\"").refine((v) => new Set(v.split(",")).size === v.split(",").length, "each weekday at most once"),
    { change: "update", canonical: canonicalFrequency },
  ),
  /**
   * The UTC window a backup starts in, `HH:MM-HH:MM` (start and end differ). Updates in place.
   * @example "02:00-04:00"
   */
  startTime: input(
    z.string().regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, "expected a UTC window HH:MM-HH:MM, e.g. \"02:00-04:00\"").refine((v) => v.slice(0, 5) !== v.slice(6), "the window must not be empty (start and end differ)"),
    { change: "update" },
  ),
  /**
   * How many days an automatic backup is kept, 1–30. Updates in place.
   * @example 7
   */
  retentionDays: input(z.number().int().min(1).max(30), { change: "update" }),
  /**
   * Whether automatic backups run. Default true. Updates in place; `destroy` disables the policy (the cluster
   * keeps its schedule settings, and the backups already made stay until they expire).
   * @example false
   */
  enabled: input(z.boolean().optional(), { change: "update", default: true }),
  /**
   * Regions each automatic backup is copied to (another region than the cluster's; Enterprise clusters),
   * each with its own retention in days (default: the policy's). Default none. Updates in place.
   * @example [{ regionId: "aws-us-east-1", retentionDays: 14 }]
   */
  crossRegionCopies: input(
    z.array(strictObject({ regionId: z.string().regex(/^[a-z]+-[a-z0-9-]+$/, "expected a region id like aws-us-east-1"), retentionDays: z.number().int().min(1).max(30).optional() })).optional(),
    { change: "update", canonical: (v, props) => canonicalCopies(v, props) },
  ),

  /** `ENABLED` or `DISABLED`, as the server last reported it. */
  status: output<string>(),
});

export type BackupPolicySpec = typeof backupPolicySpec;
export type BackupPolicyInputs = InputsOf<BackupPolicySpec>;
export type BackupPolicyState = StateOf<BackupPolicySpec>;

/** Each copy region at most once. */
export function refineBackupPolicy(v: BackupPolicyInputs, ctx: z.RefinementCtx): void {
  const regions = (v.crossRegionCopies ?? []).map((c) => c.regionId);
  if (new Set(regions).size !== regions.length) ctx.addIssue({ code: "custom", path: ["crossRegionCopies"], message: "each region at most once" });
}
