/**
 * How a Collection create finds its own collection when it cannot be told directly. The REST create takes no
 * property, so a collection cannot carry an ownership mark from its first moment; "ours" is therefore decided
 * by name and spec: after a lost answer, the collection of that name with exactly the requested spec; after an
 * interrupted run, such a collection that also holds no entities (what an interrupted create leaves behind).
 * A collection with data, or with another spec, is never taken without `adopt: true`.
 */
import type { MilvusClient } from "../../client";
import type { Lookup } from "../shared/outcome-unknown";
import type { RuntimeContext } from "../shared/runtime-context";

type Ref = { collectionName: string; dbName?: string };

/** After a lost create answer: found when the collection now exists with the requested spec. */
export async function lookUpCollection(mc: MilvusClient, ref: Ref, sameSpec: () => Promise<boolean>): Promise<Lookup<true>> {
  if (!(await mc.collections.has(ref))) return { absent: true };
  if (await sameSpec()) return { found: true };
  return { unknowable: `a collection named "${ref.collectionName}" exists with another schema or settings` };
}

/**
 * A create that meets an existing collection without `adopt`: true (take it over) when it has the requested
 * spec and no entities, which is what an interrupted run of this very resource leaves.
 */
export async function isEmptyTwin(ctx: RuntimeContext, mc: MilvusClient, ref: Ref, sameSpec: () => Promise<boolean>): Promise<boolean> {
  if (!(await sameSpec())) return false;
  if (Number((await mc.collections.getStats(ref)).rowCount) > 0) return false;
  ctx.log(`collection ${ref.collectionName}: exists with exactly this spec and no entities (an interrupted run created it); taking it over`);
  return true;
}

/** What to do when the outcome cannot be known. */
export function collectionNextStep(name: string): string {
  return `look at the cluster's collections: if "${name}" is the collection this run created, set adopt: true on it for one \`pulumi up\` (then remove it); if there is none, run \`pulumi up\` again`;
}
