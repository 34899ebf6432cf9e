/** The User's properties: one table, from which its class, check, diff and stored shape derive. */
import { z } from "zod";
import { dataPlaneTarget, refineTarget } from "../shared/data-plane-target";
import type { StateOf } from "../shared/resource-definition";
import { defineSpec, input, type InputsOf } from "../shared/spec";

const { dbName: _db, ...target } = dataPlaneTarget;

/** A role set as compared: sorted, without duplicates. */
export function canonicalRoles(value: unknown): string[] {
  return Array.isArray(value) ? [...new Set(value.map(String))].sort() : [];
}

export const userSpec = defineSpec({
  ...target,
  /**
   * The user's name (also its id): a letter first, then letters, digits or `_` (`-` and `.` from Milvus
   * 2.6), at most 32 characters. Changing it replaces the user. `root` is built in and cannot be managed.
   * @example "search_app"
   */
  userName: input(z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,31}$/, "not a valid user name: a letter first, then letters, digits or _ (at most 32)"), { change: "replace" }),
  /**
   * The password (secret: stored encrypted, never logged), 6 to 256 characters. Changing it updates in
   * place with `users/update_password`, proving the old password from the state; if it was changed outside
   * the stack, the update fails saying so.
   * @example config.requireSecret("searchAppPassword")
   */
  password: input(z.string().min(6, "a password has 6 to 256 characters").max(256, "a password has 6 to 256 characters"), { change: "update", secret: true }),
  /**
   * The roles granted to the user, as a set (order and duplicates do not matter). Default: none. Updates in
   * place: only the roles added are granted and only the roles removed are revoked.
   * @example [reader.roleName]
   */
  roles: input(z.array(z.string().min(1)).optional(), { change: "update", canonical: canonicalRoles }),
  /**
   * Take over an existing user of this name: the password must be the one it has (checked by setting it
   * to itself), and its roles are then granted/revoked in place. Default false. Only read at create.
   * @example true
   */
  adopt: input(z.boolean().optional(), { change: "create-only" }),
});

export type UserSpec = typeof userSpec;
export type UserInputs = InputsOf<UserSpec>;
export type UserState = StateOf<UserSpec>;

/** Exactly one target; `root` is built in. */
export function refineUser(v: UserInputs, ctx: z.RefinementCtx): void {
  refineTarget(v, ctx);
  if (v.userName === "root") ctx.addIssue({ code: "custom", path: ["userName"], message: "root is the built-in user: it cannot be created, dropped or adopted" });
}
