/** v2 `privilege_groups/*` and `roles/grant_privilege_v2|revoke_privilege_v2` (Milvus 2.5). */
import type { Routes } from "./context";
import { Code, DataPlaneError, invalidParameter } from "./errors";
import type { BodySpec } from "./request-body";
import { BUILT_IN_GROUPS, groupLevel, isDefinedPrivilege, objectTypeOf } from "./privilege-catalog";
import type { GrantState, PlaneState } from "./state";

const GROUP: BodySpec = { struct: "PrivilegeGroupReq", fields: { "privilegeGroupName!": "string", privileges: "strings" } };
const GRANT_V2: BodySpec = { struct: "GrantV2Req", fields: { "roleName!": "string", "privilege!": "string", dbName: "string", collectionName: "string" } };

/** The proxy's name check, run before any lookup: letters, digits and `_` (a digit may come first). */
function checkGroupName(name: string): void {
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw invalidParameter(`privilege group name ${name} can only contain numbers, letters and underscores`);
}

function noGroup(name: string): DataPlaneError {
  return invalidParameter(`there is no privilege group name [${name}] defined in system to operate`);
}

/**
 * The grant a v2 call describes, stored as the server stores it: under the object type whose privilege list
 * names the privilege (custom and built-in groups: `Global`), `*` standing for every database or collection.
 */
function grantOf(state: PlaneState, body: Record<string, unknown>, requestDb: string): GrantState {
  const privilege = body.privilege as string;
  const dbName = (body.dbName as string | undefined) || requestDb;
  const collectionName = body.collectionName as string | undefined;
  if (privilege !== "*" && !isDefinedPrivilege(privilege) && !state.privilegeGroups[privilege]) {
    throw new DataPlaneError(Code.unexpected, `not found the privilege name[${privilege}]`);
  }
  const group = BUILT_IN_GROUPS[privilege] ?? state.privilegeGroups[privilege];
  const level = group === undefined ? undefined : groupLevel(group);
  if (level === "Cluster" && (dbName !== "*" || collectionName !== "*")) {
    throw invalidParameter(`dbName and collectionName should be * for the cluster level privilege: ${privilege}`);
  }
  if (level === "Database" && collectionName && collectionName !== "*") {
    throw invalidParameter(`collectionName should be * for the database level privilege: ${privilege}`);
  }
  if (level === "Collection" && dbName === "*" && collectionName && collectionName !== "*") {
    throw invalidParameter(`please specify database name for the collection level privilege: ${privilege}`);
  }
  return { objectType: objectTypeOf(privilege), objectName: collectionName || "*", privilege, dbName, grantor: "root" };
}

const same = (a: GrantState, b: GrantState) => a.objectType === b.objectType && a.objectName === b.objectName && a.privilege === b.privilege && a.dbName === b.dbName;

export const privilegeGroupRoutes: Routes = {
  "privilege_groups/create": {
    spec: GROUP,
    run(body, ctx) {
      const name = body.privilegeGroupName as string;
      checkGroupName(name);
      if (isDefinedPrivilege(name) || ctx.state.privilegeGroups[name]) throw invalidParameter(`privilege group name [${name}] is defined by built in privileges or privilege groups in system`);

      ctx.state.privilegeGroups[name] = [];
      return { data: {} };
    },
  },
  "privilege_groups/drop": {
    spec: GROUP,
    run(body, ctx) {
      const name = body.privilegeGroupName as string;
      // A group still granted to a role cannot go: the grant would name nothing.
      for (const [role, { grants }] of Object.entries(ctx.state.roles)) {
        if (ctx.state.privilegeGroups[name] && grants.some((g) => g.privilege === name)) {
          throw new DataPlaneError(Code.unexpected, `privilege group [${name}] is used by role [${role}], Use REVOKE API to revoke it first`);
        }
      }
      delete ctx.state.privilegeGroups[name];
      return { data: {} };
    },
  },
  "privilege_groups/list": {
    spec: { struct: "EmptyReq", fields: {} },
    run: (_b, ctx) => ({
      data: { privilegeGroups: Object.entries(ctx.state.privilegeGroups).map(([name, privileges]) => ({ privilegeGroupName: name, privileges: privileges.join(",") })) },
    }),
  },
  "privilege_groups/add_privileges_to_group": {
    spec: GROUP,
    run(body, ctx) {
      checkGroupName(body.privilegeGroupName as string);
      const group = ctx.state.privilegeGroups[body.privilegeGroupName as string];
      if (!group) throw noGroup(body.privilegeGroupName as string);
      for (const p of (body.privileges as string[] | undefined) ?? []) if (!group.includes(p)) group.push(p);
      return { data: {} };
    },
  },
  "privilege_groups/remove_privileges_from_group": {
    spec: GROUP,
    run(body, ctx) {
      const name = body.privilegeGroupName as string;
      checkGroupName(name);
      const group = ctx.state.privilegeGroups[name];
      if (!group) throw noGroup(name);
      const removed = (body.privileges as string[] | undefined) ?? [];
      ctx.state.privilegeGroups[name] = group.filter((p) => !removed.includes(p));
      return { data: {} };
    },
  },
  "roles/grant_privilege_v2": {
    spec: GRANT_V2,
    run(body, ctx) {
      const role = ctx.state.roles[body.roleName as string];
      if (!role) throw invalidParameter("not found the role, maybe the role isn't existed or internal system error");
      const grant = grantOf(ctx.state, body, ctx.dbName);
      if (!role.grants.some((g) => same(g, grant))) role.grants.push(grant);
      return { data: {} };
    },
  },
  "roles/revoke_privilege_v2": {
    spec: GRANT_V2,
    run(body, ctx) {
      const role = ctx.state.roles[body.roleName as string];
      if (!role) throw new DataPlaneError(Code.parameterInvalid, "not found the role, maybe the role isn't existed or internal system error: invalid parameter");
      const grant = grantOf(ctx.state, body, ctx.dbName);
      // The object type is left out of the match: snapshots before 0.2 stored v2 grants as `Collection`.
      role.grants = role.grants.filter((g) => !(g.objectName === grant.objectName && g.privilege === grant.privilege && g.dbName === grant.dbName));
      return { data: {} };
    },
  },
};
