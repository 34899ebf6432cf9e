/** The Role's properties: one table, from which its class, check, diff and stored shape derive. */
import { z } from "zod";
import { dataPlaneTarget, refineTarget } from "../shared/data-plane-target";
import type { StateOf } from "../shared/resource-definition";
import { defineSpec, input, type InputsOf } from "../shared/spec";
import { strictObject } from "../shared/strict-object";

const { dbName: _db, ...target } = dataPlaneTarget;

/** Roles every Milvus has; they can be neither created nor dropped. */
export const BUILT_IN_ROLES = ["admin", "public"];
export const OBJECT_TYPES = ["Global", "Collection", "User"] as const;

/** One grant as written. */
export const privilegeEntry = strictObject({
  /** A privilege (`Query`, `Search`, `Insert`, `CreateCollection`, …) or a privilege group name. */
  privilege: z.string().min(1),
  /** `Global`, `Collection` (default) or `User`. */
  objectType: z.enum(OBJECT_TYPES).optional(),
  /** The object: a collection or user name, or `*` (default) for all. */
  objectName: z.string().min(1).optional(),
  /** The database the grant applies in. Default `default`. */
  dbName: z.string().min(1).optional(),
});
export type PrivilegeEntry = z.output<typeof privilegeEntry>;
/** A grant with its defaults applied: the shape `roles/describe` reports. */
export type Grant = Required<PrivilegeEntry>;

/** A grant's defaults. */
export function fullGrant(e: PrivilegeEntry): Grant {
  return { objectType: e.objectType ?? "Collection", objectName: e.objectName ?? "*", privilege: e.privilege, dbName: e.dbName ?? "default" };
}

/** A grant's identity, for set comparisons. */
export const grantKey = (g: Grant) => `${g.dbName}\u0000${g.objectType}\u0000${g.objectName}\u0000${g.privilege}`;

/** The privileges as a set: defaults applied, sorted, no duplicates. */
export function canonicalGrants(value: unknown): Grant[] {
  if (!Array.isArray(value)) return [];
  const byKey = new Map<string, Grant>();
  for (const e of value as PrivilegeEntry[]) {
    const g = fullGrant(e);
    byKey.set(grantKey(g), g);
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, g]) => g);
}

export const roleSpec = defineSpec({
  ...target,
  /**
   * The role's name (also its id): a letter first, then letters, digits or `_`, at most 32. Changing it
   * replaces the role. The built-in roles `admin` and `public` are refused.
   * @example "docs_reader"
   */
  roleName: input(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,31}$/, "not a valid role name: a letter first, then letters, digits or _ (at most 32)"), { change: "replace" }),
  /**
   * The role's grants, as a set: each `{ privilege, objectType?, objectName?, dbName? }` with defaults
   * `Collection`, `*` and `default`. Default: none. Updates in place: only the grants added are granted and
   * only the grants removed are revoked (`roles/grant_privilege` / `revoke_privilege`; a collection-level
   * grant those refuse, such as a privilege group on a 2.5 server, goes through `grant_privilege_v2`). Only
   * the databases named here (and `default`) are read back.
   * @example [{ privilege: "Query", objectName: "docs" }, { privilege: "Search", objectName: "docs" }, { privilege: "Load", objectName: "*" }]
   */
  privileges: input(z.array(privilegeEntry).optional(), { change: "update", canonical: canonicalGrants }),
  /**
   * Take over an existing role of this name (its grants are then granted/revoked in place). Default false. Only read at create (changing it later does nothing).
   * @example true
   */
  adopt: input(z.boolean().optional(), { change: "create-only" }),
});

export type RoleSpec = typeof roleSpec;
export type RoleInputs = InputsOf<RoleSpec>;
export type RoleState = StateOf<RoleSpec>;

/** Exactly one target; built-in roles are not managed. */
export function refineRole(v: RoleInputs, ctx: z.RefinementCtx): void {
  refineTarget(v, ctx);
  if (BUILT_IN_ROLES.includes(v.roleName)) {
    ctx.addIssue({ code: "custom", path: ["roleName"], message: `${v.roleName} is a built-in role: it cannot be created or dropped (grant it to a User through its roles instead)` });
  }
}
