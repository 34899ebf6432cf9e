/**
 * Autoscaling settings of a Dedicated cluster (zilliz-cloud-api.md §2.3): `autoscaling.cu` and
 * `autoscaling.replica`, each a `{min, max}` range or a `{schedules}` list. `cuSize` excludes `autoscaling.cu`
 * and `replica` excludes `autoscaling.replica` in the same body.
 */
import { EmulatorError } from "../errors";
import type { AutoscalingRange, AutoscalingRule, AutoscalingSchedule, AutoscalingSettings } from "./cloud-records";
import { checkCuSize } from "./cluster-rules";

const MAX_REPLICA = 10;
const MAX_CU_TIMES_REPLICA = 1024;

function isRange(rule: AutoscalingRule | undefined): rule is AutoscalingRange {
  return rule !== undefined && "min" in rule;
}

/** The largest value a rule can reach (a range's max, or a schedule's largest target). */
function ceiling(rule: AutoscalingRule | undefined, fallback: number): number {
  if (rule === undefined) return fallback;
  return isRange(rule) ? rule.max : Math.max(...rule.schedules.map((s) => s.target));
}

function checkSchedules(value: unknown, checkTarget: (n: unknown) => number): AutoscalingSchedule[] {
  if (!Array.isArray(value) || value.length === 0) throw new EmulatorError("missingParameter", "schedules must be a non-empty array.");
  return value.map((raw) => {
    const s = (raw ?? {}) as Record<string, unknown>;
    if (typeof s.cron !== "string" || s.cron.trim().split(/\s+/).length < 5) throw new EmulatorError("missingParameter", "schedules[].cron must be a cron expression.");
    const timezone = typeof s.timezone === "string" && s.timezone !== "" ? s.timezone : "UTC";
    return { cron: s.cron, target: checkTarget(s.target), timezone };
  });
}

/** One rule; `null` removes it [G]; range bounds go through `checkValue`. */
function checkRule(value: unknown, checkValue: (n: unknown) => number, name: string): AutoscalingRule | undefined {
  if (value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) throw new EmulatorError("missingParameter", `autoscaling.${name} must be an object.`);
  const v = value as Record<string, unknown>;
  const hasRange = v.min !== undefined || v.max !== undefined;
  if (hasRange && v.schedules !== undefined) throw new EmulatorError("missingParameter", `autoscaling.${name}: min/max and schedules exclude each other.`);
  if (!hasRange) return { schedules: checkSchedules(v.schedules, checkValue) };
  const min = checkValue(v.min);
  const max = checkValue(v.max);
  if (min > max) throw new EmulatorError("invalidClassSpec", `autoscaling.${name}.min must not exceed max.`);
  return { min, max };
}

/**
 * Validates the `autoscaling` of a create or modify body against the cluster's plan, and merges it over the
 * current settings: a key present replaces that rule, an absent key keeps it [G].
 */
export function checkAutoscaling(
  body: Record<string, unknown>,
  current: AutoscalingSettings | undefined,
  plan: string,
  replica: number,
): AutoscalingSettings {
  const value = body.autoscaling;
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new EmulatorError("missingParameter", "autoscaling must be an object.");
  const a = value as Record<string, unknown>;
  if ("cu" in a && body.cuSize !== undefined) throw new EmulatorError("missingParameter", "cuSize and autoscaling.cu exclude each other.");
  if ("replica" in a && body.replica !== undefined) throw new EmulatorError("missingParameter", "replica and autoscaling.replica exclude each other.");
  const next: AutoscalingSettings = { ...current };
  if ("cu" in a) next.cu = checkRule(a.cu, (n) => checkCuSize(n, plan, "v2"), "cu");
  if ("replica" in a) next.replica = checkRule(a.replica, checkReplicaBound, "replica");
  if (next.cu === undefined) delete next.cu;
  if (next.replica === undefined) delete next.replica;
  // Why: the documented cap cuSize × replica ≤ 1024 must hold at the largest size autoscaling may reach.
  if (ceiling(next.cu, 0) * ceiling(next.replica, replica) > MAX_CU_TIMES_REPLICA) {
    throw new EmulatorError("invalidClassSpec", "cuSize x replica must be at most 1024 at the autoscaling maximum.");
  }
  return next;
}

function checkReplicaBound(value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > MAX_REPLICA) {
    throw new EmulatorError("invalidClassSpec", `replica must be from 1 to ${MAX_REPLICA}.`);
  }
  return value;
}

/** [G] Once a range applies, the running size is brought inside it (a schedule leaves it as it is). */
export function clampToRange(value: number, rule: AutoscalingRule | undefined): number {
  return isRange(rule) ? Math.min(rule.max, Math.max(rule.min, value)) : value;
}

/** True when the settings hold no rule (then describe leaves `autoscaling` out). */
export function isEmptyAutoscaling(settings: AutoscalingSettings | undefined): boolean {
  return settings === undefined || (settings.cu === undefined && settings.replica === undefined);
}

/** [G] The size a new cluster starts at when create leaves `cuSize` (or `replica`) to autoscaling: the lowest one. */
export function startValue(rule: AutoscalingRule): number {
  return isRange(rule) ? rule.min : Math.min(...rule.schedules.map((s) => s.target));
}
