import { resourceClass, type ResourceInstance } from "../shared/resource-class";
import type { ArgsOf } from "../shared/spec";
import { legacyIndexSpec, type LegacyIndexSpec } from "./legacy-index-spec";

/** Arguments of a {@link LegacyIndex} (documented property by property in its spec). */
export type LegacyIndexArgs = ArgsOf<LegacyIndexSpec>;

/**
 * The index of a collection on a Milvus 0.x server. Type and parameters are checked at preview; any change
 * drops the index and builds the new one (the API keeps one index per collection). Deleting it drops the
 * index: the collection then shows `FLAT` again. The id is the collection name.
 *
 * Adopting: `LegacyIndex.get(name, "old_books", { endpoint })`, or `adopt: true`.
 *
 * @example
 * new LegacyIndex("books-ivf", { endpoint: "http://milvus-old:19121", collectionName: books.collectionName, indexType: "IVFSQ8", params: { nlist: 1024 } });
 */
export const LegacyIndex = resourceClass<LegacyIndexSpec>("LegacyIndex", legacyIndexSpec);
/** A {@link LegacyIndex} instance. */
export type LegacyIndex = ResourceInstance<LegacyIndexSpec>;
