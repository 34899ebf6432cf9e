import { resourceClass, type ResourceInstance } from "../shared/resource-class";
import type { ArgsOf } from "../shared/spec";
import { databaseSpec, type DatabaseSpec } from "./database-spec";

/** Arguments of a {@link Database} (documented property by property in its spec). */
export type DatabaseArgs = ArgsOf<DatabaseSpec>;

/**
 * A Milvus database (Milvus 2.5+, every Zilliz Cloud dedicated cluster). Properties change in place; a new
 * name replaces it. Delete refuses while it holds collections unless `allowDataLoss`. The id is `<dbName>`.
 *
 * Adopting: `Database.get(name, "analytics", { clusterId })`, or `adopt: true`.
 *
 * @example
 * new Database("analytics", { clusterId: cluster.id, dbName: "analytics", properties: { "database.max.collections": 50 } });
 */
export const Database = resourceClass<DatabaseSpec>("Database", databaseSpec);
/** A {@link Database} instance. */
export type Database = ResourceInstance<DatabaseSpec>;
