import { resourceClass, type ResourceInstance } from "../shared/resource-class";
import type { ArgsOf } from "../shared/spec";
import { legacyCollectionSpec, type LegacyCollectionSpec } from "./legacy-collection-spec";

/** Arguments of a {@link LegacyCollection} (documented property by property in its spec). */
export type LegacyCollectionArgs = ArgsOf<LegacyCollectionSpec>;

/**
 * A collection on a Milvus 0.x server (0.10/0.11 REST API, port 19121). Every setting replaces the collection
 * (the API has no alter); a drop of a collection holding vectors is refused unless `allowDataLoss`. The id is
 * the collection name.
 *
 * Adopting: `LegacyCollection.get(name, "old_books", { endpoint })` reads one into the stack; `adopt: true`
 * takes over an existing collection whose settings match.
 *
 * @example
 * const books = new LegacyCollection("books", { endpoint: "http://milvus-old:19121", collectionName: "old_books", dimension: 128, metricType: "L2" });
 */
export const LegacyCollection = resourceClass<LegacyCollectionSpec>("LegacyCollection", legacyCollectionSpec);
/** A {@link LegacyCollection} instance. */
export type LegacyCollection = ResourceInstance<LegacyCollectionSpec>;
