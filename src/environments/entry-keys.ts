/**
 * The key of each entry (its Pulumi resource name and how other entries refer to it): the `key` written
 * in the spec, else one derived from the entry's name. Clusters are keyed by their place in `clusters`.
 */
import type { EnvAlias, EnvCollection, EnvDatabase, EnvImport, EnvIndex, EnvRole, EnvSpec, EnvTarget, EnvUser } from "./spec-types";

export const databaseKey = (d: EnvDatabase): string => d.key ?? d.dbName;
/** A collection of the `default` database is keyed by its name, others by `<dbName>.<name>`. */
export const collectionKey = (c: EnvCollection): string => c.key ?? (c.dbName === undefined || c.dbName === "default" ? c.collectionName : `${c.dbName}.${c.collectionName}`);
export const indexKey = (i: EnvIndex): string => i.key ?? `${i.collection}.${i.indexName ?? i.fieldName}`;
export const aliasKey = (a: EnvAlias): string => a.key ?? a.aliasName;
export const userKey = (u: EnvUser): string => u.key ?? u.userName;
export const roleKey = (r: EnvRole): string => r.key ?? r.roleName;

/** Imports of one collection are numbered in spec order (`docs.import-1`) unless keyed. */
export function importKeys(imports: readonly EnvImport[]): string[] {
  const seen = new Map<string, number>();
  return imports.map((i) => {
    const n = (seen.get(i.collection) ?? 0) + 1;
    seen.set(i.collection, n);
    return i.key ?? `${i.collection}.import-${n}`;
  });
}

/** Which data plane an entry is on, as a comparable string (`cluster:search`, `endpoint:http://h:19530`). */
export function targetId(t: EnvTarget): string {
  if (t.clusterId !== undefined) return `cluster:${t.clusterId}`;
  return `endpoint:${(t.endpoint ?? "").replace(/\/+$/, "").toLowerCase()}`;
}

/** The collections of a spec by key. */
export function collectionsByKey(spec: EnvSpec): Map<string, EnvCollection> {
  return new Map(spec.collections.map((c) => [collectionKey(c), c]));
}
