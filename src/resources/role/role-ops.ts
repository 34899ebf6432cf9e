/** Role operations against the Milvus REST v2 data plane (run time only). */
import { ZillizError, type MilvusClient } from "../../client";
import { milvusClient, targetOf } from "../shared/data-plane-target";
import { createNamed } from "../shared/named-create";
import { IncompleteError } from "../shared/partial-state";
import { defineResource, type Observed, type ResourceOps } from "../shared/resource-definition";
import type { RuntimeContext } from "../shared/runtime-context";
import { canonicalGrants, grantKey, refineRole, roleSpec, type Grant, type RoleInputs, type RoleSpec, type RoleState } from "./role-spec";

const client = (ctx: RuntimeContext, p: RoleState | RoleInputs) => milvusClient(ctx, { ...targetOf(p), dbName: undefined });

/** The databases whose grants are read: every one the privileges name, and `default`. */
function databasesOf(...lists: Array<Grant[]>): string[] {
  return [...new Set(["default", ...lists.flat().map((g) => g.dbName)])].sort();
}

/**
 * The role's grants in `dbs`, or `undefined` when the role does not exist. A missing role fails
 * `roles/describe` with an invalid-parameter code (1100), not a not-found, so any failure is confirmed
 * with `roles/list` before the role counts as gone. One call per database otherwise.
 */
async function grantsOf(mc: MilvusClient, roleName: string, dbs: string[]): Promise<Grant[] | undefined> {
  const out: Grant[] = [];
  for (const dbName of dbs) {
    try {
      const grants = await mc.roles.describe({ roleName, dbName });
      for (const g of grants) {
        // A Global grant always names `*`; one on a collection is a group granted through grant_privilege_v2,
        // which Milvus reports under Global: it is the Collection grant the program wrote.
        const objectType = g.objectType === "Global" && g.objectName !== "*" ? "Collection" : (g.objectType as Grant["objectType"]);
        out.push({ objectType, objectName: g.objectName, privilege: g.privilege, dbName: g.dbName || dbName });
      }
    } catch (e) {
      if (!(await mc.roles.list()).includes(roleName)) return undefined;
      throw e;
    }
  }
  return canonicalGrants(out);
}

/**
 * One grant or revoke. The grant API every Milvus 2.4+ serves comes first; a collection-level grant that it
 * refuses as an invalid parameter (a server that takes privilege groups only through the 2.5 API) is sent
 * again through `grant_privilege_v2` (database + collection), and a server without that endpoint gets the
 * first refusal back.
 */
async function operate(mc: MilvusClient, op: "grant" | "revoke", roleName: string, g: Grant): Promise<void> {
  try {
    await (op === "grant" ? mc.roles.grantPrivilege({ roleName, ...g }) : mc.roles.revokePrivilege({ roleName, ...g }));
  } catch (e) {
    if (g.objectType !== "Collection" || !ZillizError.isZillizError(e) || e.kind !== "invalid_argument") throw e;
    const v2 = { roleName, privilege: g.privilege, dbName: g.dbName, collectionName: g.objectName };
    try {
      await (op === "grant" ? mc.roles.grantPrivilegeV2(v2) : mc.roles.revokePrivilegeV2(v2));
    } catch (e2) {
      throw ZillizError.isZillizError(e2) && e2.kind === "unsupported_endpoint" ? e : e2;
    }
  }
}

/** Grants what is missing and revokes what is extra. */
async function applyGrants(mc: MilvusClient, roleName: string, current: Grant[], wanted: Grant[]): Promise<void> {
  const have = new Set(current.map(grantKey));
  const want = new Set(wanted.map(grantKey));
  for (const g of wanted.filter((w) => !have.has(grantKey(w)))) await operate(mc, "grant", roleName, g);
  for (const g of current.filter((c) => !want.has(grantKey(c)))) await operate(mc, "revoke", roleName, g);
}

async function create(ctx: RuntimeContext, inputs: RoleInputs) {
  const mc = await client(ctx, inputs);
  const id = inputs.roleName;
  const wanted = canonicalGrants(inputs.privileges);
  const exists = (await mc.roles.list()).includes(id);
  if (exists && inputs.adopt !== true) throw new Error(`Role: role "${id}" already exists; set adopt: true to take it over (its grants are then set in place)`);
  if (!exists) {
    const lookUp = async () => ((await mc.roles.list()).includes(id) ? { found: true as const } : { absent: true as const });
    await createNamed(ctx, { kind: "role", name: id, send: () => mc.roles.create({ roleName: id }), lookUp });
  }
  // From here on the role exists: a failed grant keeps it in the stack (the next up grants the rest).
  try {
    const current = exists ? ((await grantsOf(mc, id, databasesOf(wanted))) ?? []) : [];
    await applyGrants(mc, id, current, wanted);
    return { id, observed: { roleName: id, privileges: wanted } };
  } catch (e) {
    const now = await grantsOf(mc, id, databasesOf(wanted)).catch(() => undefined);
    throw new IncompleteError(id, { roleName: id, privileges: now ?? [] }, { operation: "create", step: "grant privileges" }, e);
  }
}

async function read(ctx: RuntimeContext, id: string, state: RoleState): Promise<Observed | undefined> {
  const roleName = state.roleName ?? id;
  const grants = await grantsOf(await client(ctx, state), roleName, databasesOf(canonicalGrants(state.privileges)));
  return grants === undefined ? undefined : { roleName, privileges: grants };
}

async function update(ctx: RuntimeContext, id: string, olds: RoleState, news: RoleInputs): Promise<Observed> {
  const mc = await client(ctx, news);
  const wanted = canonicalGrants(news.privileges);
  // Diff against the server (in every database either side names), so grants made outside are revoked too.
  const current = await grantsOf(mc, id, databasesOf(wanted, canonicalGrants(olds.privileges)));
  if (current === undefined) throw new Error(`Role: role "${id}" no longer exists; run \`pulumi refresh\` to drop it from the stack, then \`pulumi up\` creates it again`);
  try {
    await applyGrants(mc, id, current, wanted);
    return { roleName: id, privileges: wanted };
  } catch (e) {
    const now = await grantsOf(mc, id, databasesOf(wanted, current)).catch(() => undefined);
    throw new IncompleteError(id, { roleName: id, privileges: now ?? current }, { operation: "update", step: "grant privileges" }, e);
  }
}

async function remove(ctx: RuntimeContext, id: string, state: RoleState): Promise<void> {
  const roleName = state.roleName ?? id;
  const mc = await client(ctx, state);
  // Dropping a missing role fails (1100), so look first; a role's grants are revoked before the drop.
  const grants = await grantsOf(mc, roleName, databasesOf(canonicalGrants(state.privileges)));
  if (grants === undefined) return;
  await applyGrants(mc, roleName, grants, []);
  await mc.roles.drop({ roleName });
}

// A create or update that failed granting: the update grants and revokes against the server anyway.
const ops: ResourceOps<RoleSpec> = { create, read, update, delete: remove, resume: (ctx, id, state, news) => update(ctx, id, state, news) };

/** The Role resource. */
export const roleDefinition = defineResource({ kind: "Role", spec: roleSpec, refine: refineRole, ops });
