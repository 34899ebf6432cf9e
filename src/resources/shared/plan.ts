/**
 * The diff, derived from a resource's spec: which inputs changed, and whether each change updates in place
 * or replaces. Pure (no API call), so a no-change preview costs nothing.
 */
import { comparable, inputProps, type InputProp, type Props, type Spec } from "./spec";
import { stableEqual } from "./stable-equal";
import { containsUnknown } from "./unknowns";

/** What a diff decides (the engine's `DiffResult` without the unused `stables`). */
export interface DiffPlan {
  changes: boolean;
  replaces: string[];
  deleteBeforeReplace: boolean;
  /** Properties that change in place (including local-only ones), in spec order. */
  updates: string[];
  /** True when the state records unfinished work that the next update must resume. */
  resume: boolean;
}

/**
 * Compares the stored state with the new inputs, property by property, in their canonical forms with
 * defaults applied, so that what the server only fills in or normalises never shows as a change.
 *
 * Unknown values (preview's placeholder for an output of a resource that is being created or updated) never
 * plan a replacement on their own: they plan an update, and at apply time the engine diffs again with the
 * real value and replaces only if it really moved. A property marked `whenUnknown: "replace"` is the
 * exception: its value can only be unknown when what it names is being replaced (a `clusterId: cluster.id`,
 * an index's `collectionName` while its collection is replaced), and the object goes with it.
 */
export function planFromSpec(spec: Spec, olds: Props, news: Props): DiffPlan {
  const replaces: string[] = [];
  const updates: string[] = [];
  for (const [key, prop] of inputProps(spec)) {
    if (prop.change === "create-only") continue;
    const nv = news[key];
    // An unset input whose default depends on an unknown one (cuType's default depends on the plan) is unknown too.
    if (containsUnknown(nv) || (nv === undefined && defaultReadsUnknown(prop, news))) {
      (prop.whenUnknown === "replace" ? replaces : updates).push(key);
      continue;
    }
    // Unset means "what the server chose": nothing to compare.
    if (prop.serverChosen && nv === undefined) continue;
    // The server chose it and the program now names one: the same value or not, only the server knows, so
    // the update checks it when applied (and fails, naming the property, if it really differs).
    if (prop.serverChosen && olds[key] === undefined) {
      updates.push(key);
      continue;
    }
    if (stableEqual(comparable(prop, olds[key], olds), comparable(prop, nv, news))) continue;
    (prop.change === "replace" ? replaces : updates).push(key);
  }
  const resume = olds.pendingWork !== undefined;
  return { changes: replaces.length + updates.length > 0 || resume, replaces, deleteBeforeReplace: false, updates, resume };
}

/** True when the property's default is computed from the inputs and reads an unknown one. */
function defaultReadsUnknown(prop: InputProp, news: Props): boolean {
  if (typeof prop.default !== "function") return false;
  let unknown = false;
  const watched = new Proxy(news, {
    get(target, key) {
      const value = (target as Record<PropertyKey, unknown>)[key];
      if (containsUnknown(value)) unknown = true;
      return value;
    },
  });
  (prop.default as (p: Props) => unknown)(watched);
  return unknown;
}

/** Recomputes `changes` after a resource moved keys between the lists. */
export function settle(plan: DiffPlan): DiffPlan {
  plan.changes = plan.replaces.length + plan.updates.length > 0 || plan.resume;
  if (plan.replaces.length === 0) plan.deleteBeforeReplace = false;
  return plan;
}
