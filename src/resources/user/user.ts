import { resourceClass, type ResourceInstance } from "../shared/resource-class";
import type { ArgsOf } from "../shared/spec";
import { userSpec, type UserSpec } from "./user-spec";

/** Arguments of a {@link User} (documented property by property in its spec). */
export type UserArgs = ArgsOf<UserSpec>;

/**
 * A Milvus user (a data-plane sign-in `user:password`). The password (secret) and the roles change in place;
 * a new name replaces it. The id is `<userName>`.
 *
 * Adopting: `adopt: true` with the user's current password (`User.get(name, "search_app", { clusterId })`
 * reads the roles but cannot know the password).
 *
 * @example
 * new User("app", { clusterId: cluster.id, userName: "search_app", password: config.requireSecret("appPassword"), roles: [reader.roleName] });
 */
export const User = resourceClass<UserSpec>("User", userSpec);
/** A {@link User} instance. */
export type User = ResourceInstance<UserSpec>;
