/** PrivilegeGroup operations against the Milvus REST v2 data plane (Milvus 2.5+; run time only). */
import { PrivilegeGroups } from "../../client/data-plane/users-roles";
import { milvusClient, targetOf } from "../shared/data-plane-target";
import { IncompleteError } from "../shared/partial-state";
import { defineResource, type Observed, type ResourceOps } from "../shared/resource-definition";
import type { RuntimeContext } from "../shared/runtime-context";
import { canonicalPrivileges, privilegeGroupSpec, refinePrivilegeGroup, type PrivilegeGroupInputs, type PrivilegeGroupSpec, type PrivilegeGroupState } from "./privilege-group-spec";

async function groups(ctx: RuntimeContext, p: PrivilegeGroupState | PrivilegeGroupInputs): Promise<PrivilegeGroups> {
  return new PrivilegeGroups((await milvusClient(ctx, { ...targetOf(p), dbName: undefined })).transport);
}

/** The group's privileges, or `undefined` when it does not exist. One call (`privilege_groups/list`, the only read). */
async function privilegesOf(pg: PrivilegeGroups, name: string): Promise<string[] | undefined> {
  const found = (await pg.list()).find((g) => g.privilegeGroupName === name);
  return found ? canonicalPrivileges(found.privileges) : undefined;
}

/** Adds what is missing and removes what is extra (one call each at most). */
async function apply(pg: PrivilegeGroups, privilegeGroupName: string, current: string[], wanted: string[]): Promise<void> {
  const added = wanted.filter((p) => !current.includes(p));
  const removed = current.filter((p) => !wanted.includes(p));
  if (added.length > 0) await pg.addPrivileges({ privilegeGroupName, privileges: added });
  if (removed.length > 0) await pg.removePrivileges({ privilegeGroupName, privileges: removed });
}

async function create(ctx: RuntimeContext, inputs: PrivilegeGroupInputs) {
  const pg = await groups(ctx, inputs);
  const id = inputs.privilegeGroupName;
  const wanted = canonicalPrivileges(inputs.privileges);
  const existing = await privilegesOf(pg, id);
  if (existing !== undefined && inputs.adopt !== true) throw new Error(`PrivilegeGroup: privilege group "${id}" already exists; set adopt: true to take it over (its privileges are then set in place)`);
  if (existing === undefined) await pg.create({ privilegeGroupName: id });
  // From here on the group exists: a failure keeps it in the stack.
  try {
    await apply(pg, id, existing ?? [], wanted);
    return { id, observed: { privilegeGroupName: id, privileges: wanted } };
  } catch (e) {
    const now = await privilegesOf(pg, id).catch(() => undefined);
    throw new IncompleteError(id, { privilegeGroupName: id, privileges: now ?? existing ?? [] }, { operation: "create", step: "add privileges" }, e);
  }
}

async function read(ctx: RuntimeContext, id: string, state: PrivilegeGroupState): Promise<Observed | undefined> {
  const name = state.privilegeGroupName ?? id;
  const privileges = await privilegesOf(await groups(ctx, state), name);
  return privileges === undefined ? undefined : { privilegeGroupName: name, privileges };
}

async function update(ctx: RuntimeContext, id: string, _olds: PrivilegeGroupState, news: PrivilegeGroupInputs): Promise<Observed> {
  const pg = await groups(ctx, news);
  const current = await privilegesOf(pg, id);
  if (current === undefined) throw new Error(`PrivilegeGroup: privilege group "${id}" no longer exists; run \`pulumi refresh\` to drop it from the stack, then \`pulumi up\` creates it again`);
  const wanted = canonicalPrivileges(news.privileges);
  await apply(pg, id, current, wanted);
  return { privilegeGroupName: id, privileges: wanted };
}

async function remove(ctx: RuntimeContext, id: string, state: PrivilegeGroupState): Promise<void> {
  await (await groups(ctx, state)).drop({ privilegeGroupName: state.privilegeGroupName ?? id }); // idempotent on the server
}

// A create that failed adding privileges: the update adds and removes against the server anyway.
const ops: ResourceOps<PrivilegeGroupSpec> = { create, read, update, delete: remove, resume: (ctx, id, state, news) => update(ctx, id, state, news) };

/** The PrivilegeGroup resource. */
export const privilegeGroupDefinition = defineResource({ kind: "PrivilegeGroup", spec: privilegeGroupSpec, refine: refinePrivilegeGroup, ops });
