import type { Input } from "@pulumi/pulumi";
import { resourceClass, type ResourceInstance } from "../shared/resource-class";
import type { ArgsOf } from "../shared/spec";
import type { FunctionInput } from "./collection-functions";
import { collectionSpec, type CollectionSpec, type FieldInput } from "./collection-spec";

/** Arguments of a {@link Collection} (documented property by property in its spec). */
export type CollectionArgs = ArgsOf<CollectionSpec>;
/** One field of a collection schema. */
export type CollectionFieldArgs = { [K in keyof FieldInput]: Input<FieldInput[K]> };
/** One schema function (BM25 full text: `inputFieldNames` an analyzed VarChar field, `outputFieldNames` a SparseFloatVector field). */
export type CollectionFunctionArgs = { [K in keyof FunctionInput]: Input<FunctionInput[K]> };

/**
 * A Milvus collection with a typed schema, on a Zilliz Cloud cluster (`clusterId: cluster.id`) or any Milvus
 * 2.4+ REST v2 endpoint. The id is `<dbName>/<collectionName>` as created (a rename keeps the id; state
 * tracks the name).
 *
 * Adopting: `Collection.get(name, "default/documents", { clusterId })` reads one into the stack;
 * `adopt: true` takes over an existing collection whose schema matches.
 *
 * @example
 * const docs = new Collection("docs", {
 *   clusterId: cluster.id,
 *   collectionName: "documents",
 *   schema: { fields: [{ name: "id", dataType: "Int64", isPrimary: true, autoId: true }, { name: "vec", dataType: "FloatVector", dim: 768 }] },
 * });
 */
export const Collection = resourceClass<CollectionSpec>("Collection", collectionSpec);
/** A {@link Collection} instance. */
export type Collection = ResourceInstance<CollectionSpec>;
