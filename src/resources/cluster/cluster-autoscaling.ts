/**
 * Cluster autoscaling (zilliz-cloud-api.md §2.3): `autoscaling.cu` and `autoscaling.replica`, each a
 * `{min, max}` range or a list of cron `schedules`. The input type, its canonical form (what the server
 * echoes compares equal to what the program wrote), and the modify body that moves the server to it.
 */
import { z } from "zod";
import type { Autoscaling } from "../../client";
import { strictObject } from "../shared/strict-object";

const schedule = strictObject({
  /** A 5-field cron expression, e.g. `0 8 * * 1-5`. */
  cron: z.string().refine((v) => v.trim().split(/\s+/).length >= 5, "expected a cron expression of at least 5 fields, e.g. \"0 8 * * 1-5\""),
  target: z.number().int().min(1),
  /** IANA time zone; default UTC. */
  timezone: z.string().min(1).optional(),
});

/** One rule: a range (min and max) or schedules, not both. */
function rule(max: number) {
  return strictObject({ min: z.number().int().min(1).max(max).optional(), max: z.number().int().min(1).max(max).optional(), schedules: z.array(schedule).min(1).optional() }).superRefine((r, ctx) => {
    const range = r.min !== undefined || r.max !== undefined;
    if (range && r.schedules !== undefined) ctx.addIssue({ code: "custom", message: "min/max and schedules exclude each other" });
    else if (range && (r.min === undefined || r.max === undefined)) ctx.addIssue({ code: "custom", message: "give both min and max" });
    else if (!range && r.schedules === undefined) ctx.addIssue({ code: "custom", message: "give min and max, or schedules" });
    else if (r.min !== undefined && r.max !== undefined && r.min > r.max) ctx.addIssue({ code: "custom", path: ["min"], message: "min must not exceed max" });
    for (const [i, s] of (r.schedules ?? []).entries()) if (s.target > max) ctx.addIssue({ code: "custom", path: ["schedules", i, "target"], message: `at most ${max}` });
  });
}

/** The `autoscaling` input's type. */
export const autoscalingType = strictObject({ cu: rule(1024).optional(), replica: rule(10).optional() });
/** The `autoscaling` input. */
export type AutoscalingInput = z.output<typeof autoscalingType>;

type Rule = { min: number; max: number } | { schedules: Array<{ cron: string; target: number; timezone: string }> };
/** Autoscaling in canonical form: only the rules set, schedules with their time zone. */
export type CanonicalAutoscaling = { cu?: Rule; replica?: Rule };

/** UTC spelled one way (`Etc/UTC` is what Terraform defaults to, `UTC` what the docs show). */
const zone = (tz: unknown) => (typeof tz !== "string" || tz === "" || tz === "Etc/UTC" ? "UTC" : tz);

function canonicalRule(value: unknown): Rule | undefined {
  if (value === null || typeof value !== "object") return undefined;
  const r = value as { min?: unknown; max?: unknown; schedules?: unknown };
  if (typeof r.min === "number" && typeof r.max === "number") return { min: r.min, max: r.max };
  if (Array.isArray(r.schedules) && r.schedules.length > 0) {
    return { schedules: r.schedules.map((s: { cron?: unknown; target?: unknown; timezone?: unknown }) => ({ cron: String(s.cron).trim(), target: Number(s.target), timezone: zone(s.timezone) })) };
  }
  return undefined;
}

/** The canonical form of an `autoscaling` value (input or server echo); `undefined` when no rule is set. */
export function canonicalAutoscaling(value: unknown): CanonicalAutoscaling | undefined {
  if (value === null || typeof value !== "object") return undefined;
  const v = value as { cu?: unknown; replica?: unknown };
  const cu = canonicalRule(v.cu);
  const replica = canonicalRule(v.replica);
  if (cu === undefined && replica === undefined) return undefined;
  return { ...(cu ? { cu } : {}), ...(replica ? { replica } : {}) };
}

/** True when the inputs let autoscaling drive the CU size (or the replica count). */
export const scalesCu = (p: { autoscaling?: unknown }): boolean => canonicalAutoscaling(p.autoscaling)?.cu !== undefined;
export const scalesReplica = (p: { autoscaling?: unknown }): boolean => canonicalAutoscaling(p.autoscaling)?.replica !== undefined;

/**
 * The modify body that moves the server from `have` to `want`: each rule wanted is sent, each rule to drop
 * is sent as `null` (both keys named, since the API may replace the whole object, as Terraform assumes).
 */
export function autoscalingBody(want: CanonicalAutoscaling | undefined, have: CanonicalAutoscaling | undefined): Autoscaling {
  const body: Autoscaling = {};
  for (const key of ["cu", "replica"] as const) {
    if (want?.[key] !== undefined) body[key] = want[key];
    else if (have?.[key] !== undefined) body[key] = null;
  }
  return body;
}
