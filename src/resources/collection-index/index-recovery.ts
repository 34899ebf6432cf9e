/**
 * How a CollectionIndex create finds its own index: indexes carry no mark, so by name and spec. An index that
 * exists exactly as requested is taken over (after a lost answer, or after an interrupted run); one with other
 * settings is never taken without `adopt: true`.
 */
import type { IndexDescription } from "../../client";
import type { Lookup } from "../shared/outcome-unknown";

/** After a lost create answer: found when the index now exists with the requested settings. */
export async function lookUpIndex(describe: () => Promise<IndexDescription | undefined>, sameSpec: (d: IndexDescription) => boolean, name: string): Promise<Lookup<IndexDescription>> {
  const d = await describe();
  if (!d) return { absent: true };
  if (sameSpec(d)) return { found: d };
  return { unknowable: `an index named "${name}" exists with other settings` };
}

/** What to do when the outcome cannot be known. */
export function indexNextStep(name: string, collectionName: string): string {
  return `describe the indexes of "${collectionName}": if "${name}" is the index this run created, set adopt: true on it for one \`pulumi up\`; if there is none, run \`pulumi up\` again`;
}
