/** The PrivilegeGroup's properties: one table, from which its class, check, diff and stored shape derive. */
import { z } from "zod";
import { dataPlaneTarget, refineTarget } from "../shared/data-plane-target";
import type { StateOf } from "../shared/resource-definition";
import { defineSpec, input, type InputsOf } from "../shared/spec";

const { dbName: _db, ...target } = dataPlaneTarget;

/** Groups every Milvus 2.5+ has built in; they cannot be created, changed or dropped. */
export const BUILT_IN_GROUPS = [
  "ClusterReadOnly", "ClusterReadWrite", "ClusterAdmin", "DatabaseReadOnly", "DatabaseReadWrite", "DatabaseAdmin",
  "CollectionReadOnly", "CollectionReadWrite", "CollectionAdmin",
];

/** A privilege set as compared: sorted, without duplicates. */
export function canonicalPrivileges(value: unknown): string[] {
  return Array.isArray(value) ? [...new Set(value.map(String))].sort() : [];
}

export const privilegeGroupSpec = defineSpec({
  ...target,
  /**
   * The group's name (also its id): a letter first, then letters, digits or `_`. Changing it replaces the
   * group. The built-in groups (`ClusterReadOnly`, `DatabaseAdmin`, `CollectionReadWrite`, …) are refused.
   * @example "docs_readers"
   */
  privilegeGroupName: input(z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,254}$/, "not a valid privilege group name: a letter first, then letters, digits or _"), { change: "replace" }),
  /**
   * The privileges in the group, as a set. Default: none. Updates in place
   * (`add_privileges_to_group` / `remove_privileges_from_group` for the difference only).
   * @example ["Query", "Search", "DescribeCollection"]
   */
  privileges: input(z.array(z.string().min(1)).optional(), { change: "update", canonical: canonicalPrivileges }),
  /**
   * Take over an existing group of this name (its privileges are then set in place). Default false. Only read at create (changing it later does nothing).
   * @example true
   */
  adopt: input(z.boolean().optional(), { change: "create-only" }),
});

export type PrivilegeGroupSpec = typeof privilegeGroupSpec;
export type PrivilegeGroupInputs = InputsOf<PrivilegeGroupSpec>;
export type PrivilegeGroupState = StateOf<PrivilegeGroupSpec>;

/** Exactly one target; built-in groups are not managed. */
export function refinePrivilegeGroup(v: PrivilegeGroupInputs, ctx: z.RefinementCtx): void {
  refineTarget(v, ctx);
  if (BUILT_IN_GROUPS.includes(v.privilegeGroupName)) ctx.addIssue({ code: "custom", path: ["privilegeGroupName"], message: `${v.privilegeGroupName} is a built-in privilege group: grant it in a Role's privileges instead` });
}
