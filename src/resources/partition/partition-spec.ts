/** The Partition's properties: one table, from which its class, check, diff and stored shape derive. */
import { z } from "zod";
import { dataPlaneTarget, milvusName, refineTarget } from "../shared/data-plane-target";
import type { StateOf } from "../shared/resource-definition";
import { defineSpec, input, type InputsOf } from "../shared/spec";

export const DEFAULT_PARTITION_WAIT_SECONDS = 10 * 60;

export const partitionSpec = defineSpec({
  ...dataPlaneTarget,
  /**
   * The collection. When it changes because the collection was renamed, the partition follows it in place
   * (no call but a check that the partition is there under the new name). To move a partition to another
   * collection, use the resource option `replaceOnChanges: ["collectionName"]`.
   * @example docs.collectionName
   */
  collectionName: input(milvusName("collection name"), { change: "update" }),
  /**
   * The partition's name (not `_default`, which every collection has). Changing it replaces the partition.
   * @example "year_2024"
   */
  partitionName: input(milvusName("partition name"), { change: "replace" }),
  /**
   * Whether the partition is loaded for search (`partitions/load` / `partitions/release`, in place). Unset:
   * whatever the server has (loading the whole collection loads its partitions too), never a change.
   * Loading needs the collection's vector fields to be indexed.
   * @example true
   */
  loaded: input(z.boolean().optional(), { change: "update", serverChosen: true }),
  /**
   * Let `destroy` (or a replacement) drop the partition although it holds entities. Default false: the
   * delete is refused, giving the row count. Updates in place (no server call).
   * @example true
   */
  allowDataLoss: input(z.boolean().optional(), { change: "local", default: false }),
  /**
   * Take over an existing partition of this name. Default false. Only read at create (changing it later does nothing).
   * @example true
   */
  adopt: input(z.boolean().optional(), { change: "create-only" }),
  /**
   * Deadline for the load wait, in seconds (default 600). Updates in place (no server call).
   * @example 1800
   */
  waitTimeoutSeconds: input(z.number().int().min(1).max(24 * 3600).optional(), { change: "local" }),
});

export type PartitionSpec = typeof partitionSpec;
export type PartitionInputs = InputsOf<PartitionSpec>;
export type PartitionState = StateOf<PartitionSpec>;

/** Exactly one target; `_default` exists in every collection and cannot be managed. */
export function refinePartition(v: PartitionInputs, ctx: z.RefinementCtx): void {
  refineTarget(v, ctx);
  if (v.partitionName === "_default") ctx.addIssue({ code: "custom", path: ["partitionName"], message: "_default is every collection's built-in partition: it cannot be created or dropped" });
}
