import { resourceClass, type ResourceInstance } from "../shared/resource-class";
import type { ArgsOf } from "../shared/spec";
import { privilegeGroupSpec, type PrivilegeGroupSpec } from "./privilege-group-spec";

/** Arguments of a {@link PrivilegeGroup} (documented property by property in its spec). */
export type PrivilegeGroupArgs = ArgsOf<PrivilegeGroupSpec>;

/**
 * A custom privilege group (Milvus 2.5+): a named set of privileges that a Role can grant as one. The
 * privileges change in place; a new name replaces it. The id is `<privilegeGroupName>`.
 *
 * Adopting: `PrivilegeGroup.get(name, "docs_readers", { clusterId })`, or `adopt: true`.
 *
 * @example
 * new PrivilegeGroup("readers", { clusterId: cluster.id, privilegeGroupName: "docs_readers", privileges: ["Query", "Search"] });
 */
export const PrivilegeGroup = resourceClass<PrivilegeGroupSpec>("PrivilegeGroup", privilegeGroupSpec);
/** A {@link PrivilegeGroup} instance. */
export type PrivilegeGroup = ResourceInstance<PrivilegeGroupSpec>;
