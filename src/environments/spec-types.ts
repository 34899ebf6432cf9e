/** The TypeScript shape of a validated environment spec (what `parseEnvSpec` returns). */
import type { AliasInputs } from "../resources/alias/alias-spec";
import type { ClusterInputs } from "../resources/cluster/cluster-spec";
import type { CollectionInputs } from "../resources/collection/collection-spec";
import type { IndexInputs } from "../resources/collection-index/index-spec";
import type { DatabaseInputs } from "../resources/database/database-spec";
import type { ImportJobInputs } from "../resources/import-job/import-job-spec";
import type { RoleInputs } from "../resources/role/role-spec";
import type { UserInputs } from "../resources/user/user-spec";

/**
 * Where a data-plane entry lives: `clusterId` names a cluster of the spec by its key (not a cloud id: the
 * program wires it as `cluster.id`), or `endpoint` is any Milvus URL. `token` signs in (default: the
 * provider's API key).
 */
export interface EnvTarget {
  clusterId?: string;
  endpoint?: string;
  token?: string;
}

type Target = "clusterId" | "endpoint" | "token";
/** Optional keys of `T` made `?:` (the resource input types list every key, possibly `undefined`). */
type Loose<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & { [K in keyof T as undefined extends T[K] ? K : never]?: T[K] };

export type EnvCluster = Loose<ClusterInputs>;
export type EnvDatabase = Loose<Omit<DatabaseInputs, Target>> & EnvTarget & { key?: string };
export type EnvCollection = Loose<Omit<CollectionInputs, Target>> & EnvTarget & { key?: string };
/** An index on a collection of the spec (`collection` is that collection's key); target and database come from it. */
export type EnvIndex = Loose<Omit<IndexInputs, Target | "dbName" | "collectionName" | "fieldDataType">> & { key?: string; collection: string };
/** An alias of a collection of the spec. */
export type EnvAlias = Loose<Omit<AliasInputs, Target | "dbName" | "collectionName">> & { key?: string; collection: string };
export type EnvUser = Loose<Omit<UserInputs, Target>> & EnvTarget & { key?: string };
export type EnvRole = Loose<Omit<RoleInputs, Target>> & EnvTarget & { key?: string };
/** An import job into a collection of the spec. */
export type EnvImport = Loose<Omit<ImportJobInputs, Target | "dbName" | "collectionName" | "apiVersion" | "regionId">> & { key?: string; collection: string };

/** A whole environment: every list present (empty when the file leaves it out). */
export interface EnvSpec {
  clusters: Record<string, EnvCluster>;
  databases: EnvDatabase[];
  collections: EnvCollection[];
  indexes: EnvIndex[];
  aliases: EnvAlias[];
  users: EnvUser[];
  roles: EnvRole[];
  imports: EnvImport[];
}

/** One thing wrong with a spec: where (`collections[1].schema.fields[0].dim`) and why. */
export interface SpecIssue {
  path: string;
  message: string;
}
