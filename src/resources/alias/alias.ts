import { resourceClass, type ResourceInstance } from "../shared/resource-class";
import type { ArgsOf } from "../shared/spec";
import { aliasSpec, type AliasSpec } from "./alias-spec";

/** Arguments of an {@link Alias} (documented property by property in its spec). */
export type AliasArgs = ArgsOf<AliasSpec>;

/**
 * A collection alias. Changing `collectionName` retargets it in place with one `aliases/alter` call (the
 * blue/green swap: queries through the alias never fail during the switch); a new name replaces it. The id
 * is `<dbName>/<aliasName>`.
 *
 * Adopting: `Alias.get(name, "default/docs", { clusterId })`, or `adopt: true`.
 *
 * @example
 * new Alias("docs", { clusterId: cluster.id, aliasName: "docs", collectionName: docsV2.collectionName });
 */
export const Alias = resourceClass<AliasSpec>("Alias", aliasSpec);
/** An {@link Alias} instance. */
export type Alias = ResourceInstance<AliasSpec>;
