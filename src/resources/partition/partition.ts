import { resourceClass, type ResourceInstance } from "../shared/resource-class";
import type { ArgsOf } from "../shared/spec";
import { partitionSpec, type PartitionSpec } from "./partition-spec";

/** Arguments of a {@link Partition} (documented property by property in its spec). */
export type PartitionArgs = ArgsOf<PartitionSpec>;

/**
 * A partition of a collection. `loaded` changes in place; a new name replaces it; a renamed collection is
 * followed in place. Dropping a partition that holds entities needs `allowDataLoss`. The id is
 * `<dbName>/<collectionName>/<partitionName>` as created.
 *
 * Adopting: `Partition.get(name, "default/documents/year_2024", { clusterId })`, or `adopt: true`.
 *
 * @example
 * new Partition("y2024", { clusterId: cluster.id, collectionName: docs.collectionName, partitionName: "year_2024" });
 */
export const Partition = resourceClass<PartitionSpec>("Partition", partitionSpec);
/** A {@link Partition} instance. */
export type Partition = ResourceInstance<PartitionSpec>;
