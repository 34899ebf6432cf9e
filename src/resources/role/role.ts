import { resourceClass, type ResourceInstance } from "../shared/resource-class";
import type { ArgsOf } from "../shared/spec";
import { roleSpec, type RoleSpec } from "./role-spec";

/** Arguments of a {@link Role} (documented property by property in its spec). */
export type RoleArgs = ArgsOf<RoleSpec>;
/** One grant of a {@link Role}: `{ privilege, objectType?, objectName?, dbName? }`. */
export type RolePrivilege = NonNullable<RoleArgs["privileges"]>;

/**
 * A Milvus role with its privilege grants (a set, granted and revoked in place). A new name replaces it;
 * the built-in `admin` and `public` are refused. The id is `<roleName>`.
 *
 * Adopting: `Role.get(name, "docs_reader", { clusterId })`, or `adopt: true`.
 *
 * @example
 * new Role("reader", { clusterId: cluster.id, roleName: "docs_reader", privileges: [{ privilege: "Query", objectName: "docs" }, { privilege: "Search", objectName: "docs" }] });
 */
export const Role = resourceClass<RoleSpec>("Role", roleSpec);
/** A {@link Role} instance. */
export type Role = ResourceInstance<RoleSpec>;
