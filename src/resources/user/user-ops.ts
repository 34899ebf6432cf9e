/** User operations against the Milvus REST v2 data plane (run time only). The password is never logged. */
import { ZillizError, type MilvusClient } from "../../client";
import { milvusClient, targetOf } from "../shared/data-plane-target";
import { createNamed } from "../shared/named-create";
import type { Lookup } from "../shared/outcome-unknown";
import { IncompleteError } from "../shared/partial-state";
import type { DiffPlan } from "../shared/plan";
import { defineResource, type Observed, type ResourceOps } from "../shared/resource-definition";
import type { RuntimeContext } from "../shared/runtime-context";
import { canonicalRoles, refineUser, userSpec, type UserInputs, type UserSpec, type UserState } from "./user-spec";

const client = (ctx: RuntimeContext, p: UserState | UserInputs) => milvusClient(ctx, { ...targetOf(p), dbName: undefined });

/**
 * The user's roles, or `undefined` when it does not exist. `users/describe` answers an empty list for a
 * missing user, so only an empty answer costs a second call (`users/list`) to tell the two apart.
 */
async function rolesOf(mc: MilvusClient, userName: string): Promise<string[] | undefined> {
  const roles = await mc.users.describe({ userName });
  if (roles.length > 0) return canonicalRoles(roles);
  return (await mc.users.list()).includes(userName) ? [] : undefined;
}

/** Grants what is missing and revokes what is extra; returns the roles now held. */
async function applyRoles(mc: MilvusClient, userName: string, current: string[], wanted: string[]): Promise<string[]> {
  for (const roleName of wanted.filter((r) => !current.includes(r))) await mc.users.grantRole({ userName, roleName });
  for (const roleName of current.filter((r) => !wanted.includes(r))) await mc.users.revokeRole({ userName, roleName });
  return wanted;
}

/** A wrong old password: the server's "not authenticated" (1400) or an invalid-parameter refusal. */
function wrongPassword(e: unknown): boolean {
  return ZillizError.isZillizError(e) && (e.kind === "unauthenticated" || e.kind === "invalid_argument" || e.kind === "permission_denied");
}

async function create(ctx: RuntimeContext, inputs: UserInputs) {
  const mc = await client(ctx, inputs);
  const id = inputs.userName;
  const existing = await rolesOf(mc, id);
  if (existing !== undefined) {
    if (inputs.adopt !== true) throw new Error(`User: user "${id}" already exists; set adopt: true to take it over (with its current password)`);
    // Setting the password to itself proves the program knows it, and changes nothing.
    try {
      await mc.users.updatePassword({ userName: id, password: inputs.password, newPassword: inputs.password });
    } catch (e) {
      if (wrongPassword(e)) throw new Error(`User: cannot adopt user "${id}": the password given is not its current password`);
      throw e;
    }
  } else {
    // After a lost answer, a user of this name is the lost request's only if it has the password sent with it.
    const lookUp = async (): Promise<Lookup<true>> => {
      if ((await rolesOf(mc, id)) === undefined) return { absent: true };
      try {
        await mc.users.updatePassword({ userName: id, password: inputs.password, newPassword: inputs.password });
        return { found: true };
      } catch (e) {
        if (wrongPassword(e)) return { unknowable: `a user named "${id}" exists with another password` };
        throw e;
      }
    };
    await createNamed(ctx, { kind: "user", name: id, send: () => mc.users.create({ userName: id, password: inputs.password }), lookUp });
  }
  // From here on the user exists: a failed grant keeps it in the stack (the next up grants the rest).
  const current = existing ?? [];
  try {
    const roles = await applyRoles(mc, id, current, canonicalRoles(inputs.roles));
    return { id, observed: { userName: id, roles } };
  } catch (e) {
    const now = await rolesOf(mc, id).catch(() => undefined);
    throw new IncompleteError(id, { userName: id, roles: now ?? current }, { operation: "create", step: "grant roles" }, e);
  }
}

async function read(ctx: RuntimeContext, id: string, state: UserState): Promise<Observed | undefined> {
  const userName = state.userName ?? id;
  const roles = await rolesOf(await client(ctx, state), userName);
  // The password cannot be read back: it stays as written.
  return roles === undefined ? undefined : { userName, roles };
}

async function update(ctx: RuntimeContext, id: string, olds: UserState, news: UserInputs, plan: DiffPlan): Promise<Observed> {
  const mc = await client(ctx, news);
  if (plan.updates.includes("password")) {
    if (olds.password === undefined) throw new Error(`User: the state of "${id}" holds no password (read with User.get?), so the old one cannot be proved; set adopt: true on a new resource, or replace the user`);
    try {
      await mc.users.updatePassword({ userName: id, password: olds.password, newPassword: news.password });
    } catch (e) {
      if (!wrongPassword(e)) throw e;
      throw new Error(
        `User: the password of "${id}" was changed outside this stack (the one in the state is refused as the old password), so it cannot be updated in place. ` +
          `Set it back outside the stack, or replace the user with \`pulumi up --replace <urn>\`.`,
      );
    }
  }
  const current = await rolesOf(mc, id);
  if (current === undefined) throw new Error(`User: user "${id}" no longer exists; run \`pulumi refresh\` to drop it from the stack, then \`pulumi up\` creates it again`);
  try {
    return { userName: id, roles: await applyRoles(mc, id, current, canonicalRoles(news.roles)) };
  } catch (e) {
    // The password may already be new: record it (and the roles as they are now) before failing.
    const now = await rolesOf(mc, id).catch(() => undefined);
    throw new IncompleteError(id, { userName: id, password: news.password, roles: now ?? current }, { operation: "update", step: "grant roles" }, e);
  }
}

async function remove(ctx: RuntimeContext, id: string, state: UserState): Promise<void> {
  await (await client(ctx, state)).users.drop({ userName: state.userName ?? id }); // idempotent on the server
}

/** A create or update that failed granting roles: grant and revoke as the inputs say (the password is already set). */
const resume: ResourceOps<UserSpec>["resume"] = (ctx, id, state, news) => update(ctx, id, state, news, { changes: true, replaces: [], deleteBeforeReplace: false, updates: ["roles"], resume: true });

const ops: ResourceOps<UserSpec> = { create, read, update, delete: remove, resume };

/** The User resource. */
export const userDefinition = defineResource({ kind: "User", spec: userSpec, refine: refineUser, ops });
