import { stableEqual } from "./stable-equal";
import { containsUnknown } from "./unknowns";

/** What a pure diff decides (the engine's `DiffResult` without the unused `stables`). */
export interface DiffPlan {
  changes: boolean;
  replaces: string[];
  deleteBeforeReplace: boolean;
  /** Properties that change in place, in the order the update will apply them. */
  updates: string[];
}

/**
 * Compares old state and new inputs property by property after `normalise` turned both into the canonical
 * form (so values the server only normalises never show a change). An unknown new value always counts as
 * a change: preview cannot know whether it will differ.
 */
export function planChanges(opts: {
  olds: Record<string, unknown>;
  news: Record<string, unknown>;
  properties: readonly string[];
  replaceOn: readonly string[];
  normalise?: (key: string, value: unknown, side: "old" | "new") => unknown;
  deleteBeforeReplace?: boolean;
}): DiffPlan {
  const norm = opts.normalise ?? ((_k: string, v: unknown) => v);
  const replaces: string[] = [];
  const updates: string[] = [];
  for (const key of opts.properties) {
    if (key === "__provider") continue;
    const nv = opts.news[key];
    const changed = containsUnknown(nv) || !stableEqual(norm(key, opts.olds[key], "old"), norm(key, nv, "new"));
    if (!changed) continue;
    if (opts.replaceOn.includes(key)) replaces.push(key);
    else updates.push(key);
  }
  return {
    changes: replaces.length + updates.length > 0,
    replaces,
    deleteBeforeReplace: replaces.length > 0 && (opts.deleteBeforeReplace ?? false),
    updates,
  };
}
