import { resourceClass, type ResourceInstance } from "../shared/resource-class";
import type { ArgsOf } from "../shared/spec";
import { indexSpec, type IndexSpec } from "./index-spec";

/** Arguments of a {@link CollectionIndex} (documented property by property in its spec). */
export type CollectionIndexArgs = ArgsOf<IndexSpec>;
/** Build params, an open map checked per index type (e.g. `{ M: 16, efConstruction: 200 }` for HNSW). */
export type IndexBuildParams = NonNullable<CollectionIndexArgs["params"]>;

/**
 * An index on one field of a collection. Any change to the index itself replaces it; when the collection is
 * loaded it is released around the drop and reloaded once its vector fields are indexed again. A renamed
 * collection is followed in place. The id is `<dbName>/<collectionName>/<indexName>` as created.
 *
 * Adopting: `CollectionIndex.get(name, "default/documents/vec", { clusterId })`, or `adopt: true`.
 *
 * @example
 * new CollectionIndex("vec", { clusterId: cluster.id, collectionName: docs.collectionName, fieldName: "vec", indexType: "HNSW", metricType: "COSINE", params: { M: 16, efConstruction: 200 } });
 */
export const CollectionIndex = resourceClass<IndexSpec>("CollectionIndex", indexSpec);
/** A {@link CollectionIndex} instance. */
export type CollectionIndex = ResourceInstance<IndexSpec>;
