/**
 * The zod schema of an environment spec: each entry takes the arguments of the resource it becomes (the
 * same types and rules as the resource's `check`), except that data-plane entries name their cluster by its
 * key in `clusters` and indexes, aliases and imports name their collection by its key. Rules that need the
 * whole document (references, duplicates) are in `spec-references.ts`.
 */
import { z } from "zod";
import { aliasSpec } from "../resources/alias/alias-spec";
import { clusterSpec, refineCluster, type ClusterInputs } from "../resources/cluster/cluster-spec";
import { collectionSpec, refineCollection, type CollectionInputs } from "../resources/collection/collection-spec";
import { indexSpec } from "../resources/collection-index/index-spec";
import { databaseSpec, refineDatabase, type DatabaseInputs } from "../resources/database/database-spec";
import { importJobSpec } from "../resources/import-job/import-job-spec";
import { refineRole, roleSpec, type RoleInputs } from "../resources/role/role-spec";
import { dataPlaneTarget } from "../resources/shared/data-plane-target";
import { inputProps, type Spec } from "../resources/shared/spec";
import { strictObject } from "../resources/shared/strict-object";
import { refineUser, userSpec, type UserInputs } from "../resources/user/user-spec";

/** A key: the Pulumi name of the resource an entry becomes, and how other entries refer to it. */
export const entryKey = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/, "a key is 1–63 letters, digits, _, . or -, starting with a letter or digit");

/** The input types of a resource's spec, without the keys an environment entry sets another way. */
function inputShape(spec: Spec, omit: readonly string[]): Record<string, z.ZodType> {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, prop] of inputProps(spec)) if (!omit.includes(key)) shape[key] = prop.type;
  return shape;
}

const TARGET = ["clusterId", "endpoint", "token"];
const REFERRED = [...TARGET, "dbName", "collectionName"];
/** A data-plane entry's target: a cluster key, or a URL; never a raw cloud cluster id (the spec owns its clusters). */
const target = {
  clusterId: z.string().min(1).optional(),
  endpoint: dataPlaneTarget.endpoint.type,
  token: dataPlaneTarget.token.type,
};

// The resources' own rules take their inputs type; the entries have the same keys (clusterId is a key here,
// which those rules only test for presence).
type Refine<T> = (v: T, ctx: z.RefinementCtx) => void;
const loosely = <T>(refine: Refine<T>) => (v: unknown, ctx: z.RefinementCtx) => refine(v as T, ctx);

export const clusterEntry = strictObject(inputShape(clusterSpec, [])).superRefine(loosely<ClusterInputs>(refineCluster));
export const databaseEntry = strictObject({ key: entryKey.optional(), ...target, ...inputShape(databaseSpec, TARGET) }).superRefine(loosely<DatabaseInputs>(refineDatabase));
export const collectionEntry = strictObject({ key: entryKey.optional(), ...target, ...inputShape(collectionSpec, TARGET) }).superRefine(loosely<CollectionInputs>(refineCollection));
// Index and import rules depend on the collection (field type, target): checked with the references.
export const indexEntry = strictObject({ key: entryKey.optional(), collection: entryKey, ...inputShape(indexSpec, [...REFERRED, "fieldDataType"]) });
export const aliasEntry = strictObject({ key: entryKey.optional(), collection: entryKey, ...inputShape(aliasSpec, REFERRED) });
export const userEntry = strictObject({ key: entryKey.optional(), ...target, ...inputShape(userSpec, TARGET) }).superRefine(loosely<UserInputs>(refineUser));
export const roleEntry = strictObject({ key: entryKey.optional(), ...target, ...inputShape(roleSpec, TARGET) }).superRefine(loosely<RoleInputs>(refineRole));
export const importEntry = strictObject({ key: entryKey.optional(), collection: entryKey, ...inputShape(importJobSpec, [...REFERRED, "apiVersion", "regionId"]) });

/** The whole document; every section optional. */
export const envSpecSchema = strictObject({
  /** The JSON Schema an editor checks the file against (see `envSpecJsonSchema`); ignored otherwise. */
  $schema: z.string().optional(),
  /** Clusters by key. */
  clusters: z.record(entryKey, clusterEntry).optional(),
  databases: z.array(databaseEntry).optional(),
  collections: z.array(collectionEntry).optional(),
  indexes: z.array(indexEntry).optional(),
  aliases: z.array(aliasEntry).optional(),
  users: z.array(userEntry).optional(),
  roles: z.array(roleEntry).optional(),
  imports: z.array(importEntry).optional(),
});
