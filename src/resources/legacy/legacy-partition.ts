import { resourceClass, type ResourceInstance } from "../shared/resource-class";
import type { ArgsOf } from "../shared/spec";
import { legacyPartitionSpec, type LegacyPartitionSpec } from "./legacy-partition-spec";

/** Arguments of a {@link LegacyPartition} (documented property by property in its spec). */
export type LegacyPartitionArgs = ArgsOf<LegacyPartitionSpec>;

/**
 * A partition of a collection on a Milvus 0.x server, named by its tag. A drop of a partition holding vectors
 * is refused unless `allowDataLoss`. The id is `<collectionName>/<partitionTag>`.
 *
 * Adopting: `LegacyPartition.get(name, "old_books/2019", { endpoint })`, or `adopt: true`.
 *
 * @example
 * new LegacyPartition("books-2019", { endpoint: "http://milvus-old:19121", collectionName: books.collectionName, partitionTag: "2019" });
 */
export const LegacyPartition = resourceClass<LegacyPartitionSpec>("LegacyPartition", legacyPartitionSpec);
/** A {@link LegacyPartition} instance. */
export type LegacyPartition = ResourceInstance<LegacyPartitionSpec>;
