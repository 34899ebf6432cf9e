/**
 * The rules of a spec that span entries: references (a collection's cluster, an index's collection and
 * field, an alias's or import's collection, a user's roles, a collection's database) and duplicates (two
 * entries that would be one object on the server, or share a key). Each issue names the path of the
 * offending value.
 */
import type { z } from "zod";
import { refineAlias, type AliasInputs } from "../resources/alias/alias-spec";
import { refineIndex, type IndexInputs } from "../resources/collection-index/index-spec";
import { refineImportJob, type ImportJobInputs } from "../resources/import-job/import-job-spec";
import { BUILT_IN_ROLES } from "../resources/role/role-spec";
import { propertyPath } from "../resources/shared/check-inputs";
import { closestName } from "../resources/shared/closest-name";
import { VECTOR_TYPES } from "../resources/shared/field-types";
import { aliasKey, collectionKey, databaseKey, importKeys, indexKey, roleKey, targetId, userKey } from "./entry-keys";
import type { EnvCollection, EnvSpec, EnvTarget, SpecIssue } from "./spec-types";

type Path = Array<string | number>;

/** "; did you mean "x"?" when a known name is close, else the list of known names. */
function hint(name: string, known: readonly string[]): string {
  const near = closestName(name, known);
  return near !== undefined ? `; did you mean "${near}"?` : known.length > 0 ? ` (declared: ${known.join(", ")})` : " (none declared)";
}
const notDeclared = (what: string, name: string, known: readonly string[]) => `${what} "${name}" is not declared${hint(name, known)}`;

/** A refinement context that files a resource rule's issues under `prefix`, renaming first path segments by `rename`. */
function contextAt(issues: SpecIssue[], prefix: Path, rename: Record<string, string> = {}): z.RefinementCtx {
  const ctx = {
    addIssue(issue: { path?: PropertyKey[]; message?: string } | string) {
      const i = typeof issue === "string" ? { message: issue } : issue;
      const path = (i.path ?? []).map((p) => (typeof p === "symbol" ? String(p) : p));
      const first = path[0];
      if (typeof first === "string" && first in rename) path[0] = rename[first]!;
      issues.push({ path: propertyPath([...prefix, ...path]), message: i.message ?? "invalid" });
    },
    value: undefined,
  };
  return ctx as unknown as z.RefinementCtx;
}

/** Every cross-entry issue of a structurally valid spec (empty when it is consistent). */
export function checkReferences(spec: EnvSpec): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const add = (path: Path, message: string) => issues.push({ path: propertyPath(path), message });
  const clusterKeys = Object.keys(spec.clusters);

  /** Keys must be unique per section: they are the resources' Pulumi names. */
  const uniqueKeys = (section: string, keys: readonly string[], nameKey: string) => {
    const first = new Map<string, number>();
    keys.forEach((k, i) => {
      const j = first.get(k);
      if (j !== undefined) add([section, i, nameKey], `duplicate key "${k}" (also ${section}[${j}]): give one of them another "key"`);
      else first.set(k, i);
    });
  };
  /** Two entries that are one server object (same target, same database, same name). */
  const uniqueObjects = (section: string, ids: readonly string[], nameKey: string, what: string) => {
    const first = new Map<string, number>();
    ids.forEach((id, i) => {
      const j = first.get(id);
      if (j !== undefined) add([section, i, nameKey], `duplicate ${what}: ${section}[${j}] declares the same one`);
      else first.set(id, i);
    });
  };
  const checkTarget = (section: string, i: number, t: EnvTarget) => {
    if (t.clusterId === undefined || clusterKeys.includes(t.clusterId)) return;
    // A cloud id (in01-…) is a common slip: the spec's clusterId is a key of its own clusters.
    const cloudId = /^in\d{2}-/.test(t.clusterId) ? ": clusterId names a key of clusters, not a cloud cluster id (declare the cluster under clusters with adopt: true, or give its endpoint)" : "";
    add([section, i, "clusterId"], notDeclared("cluster", t.clusterId, clusterKeys) + cloudId);
  };

  // Clusters: one name per project.
  const names = new Map<string, string>();
  for (const [key, c] of Object.entries(spec.clusters)) {
    const id = `${c.projectId ?? ""}/${c.clusterName}`;
    const other = names.get(id);
    if (other !== undefined) add(["clusters", key, "clusterName"], `duplicate cluster name "${c.clusterName}" (also clusters.${other})`);
    else names.set(id, key);
  }

  // Databases.
  spec.databases.forEach((d, i) => checkTarget("databases", i, d));
  uniqueKeys("databases", spec.databases.map(databaseKey), "dbName");
  uniqueObjects("databases", spec.databases.map((d) => `${targetId(d)}/${d.dbName}`), "dbName", "database");
  const declaredDbs = new Set(spec.databases.map((d) => `${targetId(d)}/${d.dbName}`));

  // Collections.
  spec.collections.forEach((c, i) => {
    checkTarget("collections", i, c);
    const db = c.dbName ?? "default";
    if (db !== "default" && !declaredDbs.has(`${targetId(c)}/${db}`)) add(["collections", i, "dbName"], `database "${db}" is not declared on this collection's ${c.clusterId !== undefined ? "cluster" : "endpoint"} (add it to databases, with adopt: true if it exists)`);
  });
  const collKeys = spec.collections.map(collectionKey);
  uniqueKeys("collections", collKeys, "collectionName");
  uniqueObjects("collections", spec.collections.map((c) => `${targetId(c)}/${c.dbName ?? "default"}/${c.collectionName}`), "collectionName", "collection");
  const byKey = new Map<string, EnvCollection>();
  spec.collections.forEach((c, i) => byKey.set(collKeys[i]!, c));
  const lookup = (section: string, i: number, key: string): EnvCollection | undefined => {
    const c = byKey.get(key);
    if (c === undefined) add([section, i, "collection"], notDeclared("collection", key, collKeys));
    return c;
  };

  // Indexes: on a field of their collection, matching its type; one per field, names unique per collection.
  spec.indexes.forEach((x, i) => {
    const c = lookup("indexes", i, x.collection);
    if (c === undefined) return;
    const fields = c.schema.fields.map((f) => f.name);
    const field = c.schema.fields.find((f) => f.name === x.fieldName);
    if (field === undefined) {
      add(["indexes", i, "fieldName"], `collection "${x.collection}" has no field "${x.fieldName}"${hint(x.fieldName, fields)}`);
      return;
    }
    const inputs = { ...x, endpoint: "http://environment.invalid", collectionName: c.collectionName, fieldDataType: field.dataType } as unknown as IndexInputs;
    refineIndex(inputs, contextAt(issues, ["indexes", i]));
  });
  uniqueKeys("indexes", spec.indexes.map(indexKey), "indexName");
  uniqueObjects("indexes", spec.indexes.map((x) => `${x.collection}/${x.fieldName}`), "fieldName", "index on this field (a field has at most one index)");
  uniqueObjects("indexes", spec.indexes.map((x) => `${x.collection}/${x.indexName ?? x.fieldName}`), "indexName", "index name in this collection");

  // A collection to be loaded needs an index on every vector field.
  spec.collections.forEach((c, i) => {
    if (c.loaded !== true) return;
    for (const f of c.schema.fields) {
      if (!(VECTOR_TYPES as readonly string[]).includes(f.dataType)) continue;
      if (!spec.indexes.some((x) => x.collection === collKeys[i] && x.fieldName === f.name)) add(["collections", i, "loaded"], `loaded needs an index on every vector field: declare one on "${f.name}" in indexes`);
    }
  });

  // Aliases: to a declared collection, never named like a collection of the same database, unique per database.
  const aliasIds: string[] = [];
  spec.aliases.forEach((a, i) => {
    const c = lookup("aliases", i, a.collection);
    if (c === undefined) return aliasIds.push(`?${i}`);
    const where = `${targetId(c)}/${c.dbName ?? "default"}`;
    aliasIds.push(`${where}/${a.aliasName}`);
    refineAlias({ ...a, endpoint: "http://environment.invalid", collectionName: c.collectionName } as unknown as AliasInputs, contextAt(issues, ["aliases", i]));
    if (a.aliasName !== c.collectionName && spec.collections.some((o) => `${targetId(o)}/${o.dbName ?? "default"}` === where && o.collectionName === a.aliasName)) {
      add(["aliases", i, "aliasName"], `"${a.aliasName}" is the name of a collection in the same database: an alias cannot be`);
    }
  });
  uniqueKeys("aliases", spec.aliases.map(aliasKey), "aliasName");
  uniqueObjects("aliases", aliasIds, "aliasName", "alias in this database");

  // Roles and users: on a declared target, unique per target; a user's roles declared on its target (or built in).
  spec.roles.forEach((r, i) => checkTarget("roles", i, r));
  uniqueKeys("roles", spec.roles.map(roleKey), "roleName");
  uniqueObjects("roles", spec.roles.map((r) => `${targetId(r)}/${r.roleName}`), "roleName", "role");
  spec.users.forEach((u, i) => {
    checkTarget("users", i, u);
    const known = [...BUILT_IN_ROLES, ...spec.roles.filter((r) => targetId(r) === targetId(u)).map((r) => r.roleName)];
    (u.roles ?? []).forEach((role, j) => {
      if (!known.includes(role)) add(["users", i, "roles", j], `role "${role}" is not declared on this user's ${u.clusterId !== undefined ? "cluster" : "endpoint"}${hint(role, known)}`);
    });
  });
  uniqueKeys("users", spec.users.map(userKey), "userName");
  uniqueObjects("users", spec.users.map((u) => `${targetId(u)}/${u.userName}`), "userName", "user");

  // Imports: into a declared collection (and partition name rules), with URLs fit for its target.
  spec.imports.forEach((x, i) => {
    const c = lookup("imports", i, x.collection);
    if (c === undefined) return;
    const where = c.clusterId !== undefined ? { clusterId: "in00-environment" } : { endpoint: c.endpoint };
    refineImportJob({ ...x, ...where, collectionName: c.collectionName } as unknown as ImportJobInputs, contextAt(issues, ["imports", i], { clusterId: "collection", endpoint: "collection" }));
  });
  uniqueKeys("imports", importKeys(spec.imports), "key");
  return issues;
}
