/** The LegacyPartition's properties: one table, from which its class, check, diff and stored shape derive. */
import { z } from "zod";
import { legacyPartitionTagProblem } from "../../client";
import type { DiffPlan } from "../shared/plan";
import type { StateOf } from "../shared/resource-definition";
import { defineSpec, input, type InputsOf, type Props } from "../shared/spec";
import { legacyTarget } from "./legacy-connection";

export const legacyPartitionSpec = defineSpec({
  ...legacyTarget,
  /**
   * The collection the partition belongs to (wire: the `{collection_name}` of
   * `/collections/{collection_name}/partitions`). Changing it replaces the partition.
   * Replacing the collection replaces this too (dropping a 0.x collection drops it).
   * @example books.collectionName
   */
  // Unknown means the collection is being replaced (the engine asks so when the collection goes first): the
  // server drops what the collection held, so this goes and comes back with it.
  collectionName: input(z.string().min(1), { change: "replace", whenUnknown: "replace" }),
  /**
   * The partition's tag (wire `partition_tag`): 1 to 255 letters, digits, `_` or `$`, not starting with `$`;
   * `_default` is the collection's own and cannot be managed. Changing it replaces the partition (the API
   * has no rename). The id is `<collectionName>/<partitionTag>`.
   * @example "2019"
   */
  partitionTag: input(z.string(), { change: "replace" }),
  /**
   * Lets a replacement or destroy drop the partition while it holds vectors (default false: refused after
   * reading its row count). It must be in the state before the change, or set the stack config
   * `zilliz:allowDataLoss true` for one `up` (or `destroy --run-program`). No server call.
   * @example true
   */
  allowDataLoss: input(z.boolean().optional(), { change: "local" }),
  /** Take over an existing partition with this tag (a partition has no other setting). Only read at create. @example true */
  adopt: input(z.boolean().optional(), { change: "create-only" }),
});

export type LegacyPartitionSpec = typeof legacyPartitionSpec;
export type LegacyPartitionInputs = InputsOf<LegacyPartitionSpec>;
export type LegacyPartitionState = StateOf<LegacyPartitionSpec>;

/** The id: `<collectionName>/<partitionTag>` (a 0.x collection name holds no `/`). */
export function partitionId(p: { collectionName: string; partitionTag: string }): string {
  return `${p.collectionName}/${p.partitionTag}`;
}

/** The tag rule of the server, checked at preview. */
export function refineLegacyPartition(v: LegacyPartitionInputs, ctx: z.RefinementCtx): void {
  const problem = legacyPartitionTagProblem(v.partitionTag);
  if (problem !== undefined) ctx.addIssue({ code: "custom", path: ["partitionTag"], message: problem });
}

/** A tag is unique per collection: when the replacement keeps collection and tag, the old one goes first. */
export function adjustLegacyPartitionPlan(plan: DiffPlan, olds: LegacyPartitionState, news: Props): void {
  plan.deleteBeforeReplace = plan.replaces.length > 0 && olds.collectionName === news.collectionName && olds.partitionTag === news.partitionTag;
}
