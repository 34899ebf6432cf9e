/** The LegacyIndex's properties: one table, from which its class, check, diff and stored shape derive. */
import { z } from "zod";
import { LEGACY_INDEX_PARAMS, LEGACY_INDEX_TYPES, legacyIndexProblems, type LegacyIndexType } from "../../client";
import { canonicalMap } from "../shared/canonical-map";
import { unknownKeyMessage } from "../shared/closest-name";
import type { DiffPlan } from "../shared/plan";
import type { StateOf } from "../shared/resource-definition";
import { defineSpec, input, type InputsOf, type Props } from "../shared/spec";
import { legacyTarget } from "./legacy-connection";
import { reportProblems } from "./legacy-problems";

export const legacyIndexSpec = defineSpec({
  ...legacyTarget,
  /**
   * The collection to index (wire: the `{collection_name}` of `/collections/{collection_name}/indexes`).
   * Changing it replaces the index. The id is this name: a 0.x collection has one index.
   * Replacing the collection replaces this too (dropping a 0.x collection drops it).
   * @example books.collectionName
   */
  // Unknown means the collection is being replaced (the engine asks so when the collection goes first): the
  // server drops what the collection held, so this goes and comes back with it.
  collectionName: input(z.string().min(1), { change: "replace", whenUnknown: "replace" }),
  /**
   * The index type (wire `index_type`): `FLAT`, `IVFFLAT`, `IVFSQ8`, `IVFSQ8H`, `IVFPQ`, `HNSW`, `RNSG` or
   * `ANNOY`. Binary collections take `FLAT` or `IVFFLAT`. Changing it replaces the index (drop, then create).
   * @example "IVFSQ8"
   */
  indexType: input(z.enum(LEGACY_INDEX_TYPES), { change: "replace" }),
  /**
   * Build parameters (wire `params`), checked per type at preview: `nlist` (IVFFLAT, IVFSQ8, IVFSQ8H, IVFPQ;
   * 1 ~ 65536), `m` (IVFPQ; divides the dimension), `M` 4 ~ 64 and `efConstruction` 8 ~ 512 (HNSW),
   * `search_length`, `out_degree`, `candidate_pool_size`, `knng` (RNSG), `n_trees` (ANNOY); none for FLAT.
   * Changing them replaces the index (the API keeps one index per collection: drop, then create).
   * @example { nlist: 1024 }
   */
  params: input(z.record(z.string(), z.number()).optional(), { change: "replace", canonical: (v) => canonicalMap(v as Record<string, unknown>) }),
  /**
   * Take over the collection's existing index if type and parameters match (refused listing the
   * differences otherwise). A collection that shows `FLAT` has no index: it is simply built. Only read at
   * create.
   * @example true
   */
  adopt: input(z.boolean().optional(), { change: "create-only" }),
});

export type LegacyIndexSpec = typeof legacyIndexSpec;
export type LegacyIndexInputs = InputsOf<LegacyIndexSpec>;
export type LegacyIndexState = StateOf<LegacyIndexSpec>;

/** The parameters an index type takes (the server ignores the others; here they are typos). */
export function paramsOf(indexType: string): string[] {
  return Object.keys(LEGACY_INDEX_PARAMS[indexType as LegacyIndexType] ?? {});
}

/** Type and parameters checked at preview: ranges per type, and parameters the type does not take. */
export function refineLegacyIndex(v: LegacyIndexInputs, ctx: z.RefinementCtx): void {
  const params = v.params ?? {};
  reportProblems(ctx, legacyIndexProblems(v.indexType, params), { index_type: "indexType" });
  const known = paramsOf(v.indexType);
  for (const key of Object.keys(params)) {
    if (known.includes(key)) continue;
    const message = known.length === 0 ? `${v.indexType} takes no parameters; remove "${key}"` : `${v.indexType}: ${unknownKeyMessage(key, known)}`;
    ctx.addIssue({ code: "custom", path: ["params", key], message });
  }
}

/**
 * One index per collection: building the new index first and dropping the old one after would drop the new
 * one, so on the same collection the old index goes first.
 */
export function adjustLegacyIndexPlan(plan: DiffPlan, olds: LegacyIndexState, news: Props): void {
  plan.deleteBeforeReplace = plan.replaces.length > 0 && olds.collectionName === news.collectionName;
}
