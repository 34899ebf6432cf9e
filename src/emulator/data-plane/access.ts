/** v2 `users/*` and `roles/*` (§5.8): credentials, role membership and privilege grants. */
import { type Routes } from "./context";
import { Code, DataPlaneError, invalidParameter } from "./errors";
import { BUILT_IN_GROUPS, OBJECT_PRIVILEGES } from "./privilege-catalog";
import type { BodySpec } from "./request-body";
import type { PlaneState } from "./state";

const USER: BodySpec = { struct: "UserReq", fields: { "userName!": "string" } };
const USER_ROLE: BodySpec = { struct: "UserRoleReq", fields: { "userName!": "string", "roleName!": "string" } };
const ROLE: BodySpec = { struct: "RoleReq", fields: { dbName: "string", "roleName!": "string" } };
const GRANT: BodySpec = {
  struct: "GrantReq",
  fields: { dbName: "string", "roleName!": "string", "objectType!": "string", "objectName!": "string", "privilege!": "string" },
};
const OBJECT_TYPES = ["Global", "Collection", "User"];

/** Whether `user:password` matches a stored user (the stand-in's authentication). */
export function checkCredentials(state: PlaneState, token: string | undefined): boolean {
  if (token === undefined) return false;
  const colon = token.indexOf(":");
  if (colon <= 0 || colon === token.length - 1) return false;
  const user = state.users[token.slice(0, colon)];
  return user !== undefined && user.password === token.slice(colon + 1);
}

function checkPassword(password: string): void {
  if (password.length < 6 || password.length > 256) {
    throw new DataPlaneError(Code.parameterInvalid, `invalid password length: invalid parameter[${password.length} out of range 6 <= value <= 256]`);
  }
}

/** The v1 grant API takes single privileges of the named object type (2.5: not privilege groups). */
function checkV1Privilege(state: PlaneState, privilege: string, objectType: string): void {
  if (privilege === "*") return;
  if (state.privilegeGroups[privilege]) throw new DataPlaneError(Code.unexpected, `can not operate the custom privilege group [${privilege}]`);
  if (BUILT_IN_GROUPS[privilege]) throw new DataPlaneError(Code.unexpected, `can not operate the built-in privilege group [${privilege}]`);
  if (!(OBJECT_PRIVILEGES[objectType] ?? []).includes(privilege)) {
    throw new DataPlaneError(Code.unexpected, `not found the privilege name[${privilege}] in object[${objectType}]`);
  }
}

const MAX_USERS = 100;
const MAX_ROLES = 10;

/** merr's ServiceQuotaExceeded (code 9), the limit errors of late 2.5 / 2.6. */
function quotaExceeded(reason: string): DataPlaneError {
  return new DataPlaneError(9, `quota exceeded[reason=${reason}]`);
}

function roleMissing(): DataPlaneError {
  return invalidParameter("not found the role, maybe the role isn't existed or internal system error");
}

export const accessRoutes: Routes = {
  "users/create": {
    spec: { struct: "PasswordReq", fields: { "userName!": "string", "password!": "string" } },
    run(body, ctx) {
      const name = (body.userName as string).trim();
      if (ctx.state.users[name]) throw invalidParameter(`user already exists: ${name}`);
      if (name.length > 32) throw invalidParameter(`invalid username ${name} with length ${name.length}, the length of username must be less than 32`);
      if (!/^[A-Za-z]/.test(name)) throw invalidParameter(`invalid user name ${name}, the first character must be a letter, but got ${name.charAt(0)}`);
      if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) throw invalidParameter(`invalid user name ${name}. Username should only contain numbers, letters, and underscores`);
      checkPassword(body.password as string);
      // proxy.maxUserNum (100) counts root too.
      if (Object.keys(ctx.state.users).length >= MAX_USERS) throw quotaExceeded("unable to add user because the number of users has reached the limit");
      ctx.state.users[name] = { password: body.password as string, roles: [] };
      return { data: {} };
    },
  },
  "users/list": { spec: { struct: "DatabaseReq", fields: { dbName: "string" } }, run: (_b, ctx) => ({ data: Object.keys(ctx.state.users) }) },
  "users/describe": { spec: USER, run: (body, ctx) => ({ data: [...(ctx.state.users[body.userName as string]?.roles ?? [])] }) },
  "users/drop": {
    spec: USER,
    run(body, ctx) {
      if (body.userName === "root") throw new DataPlaneError(Code.unexpected, "root user cannot be deleted");
      delete ctx.state.users[body.userName as string];
      return { data: {} };
    },
  },
  "users/update_password": {
    spec: { struct: "NewPasswordReq", fields: { "userName!": "string", "password!": "string", "newPassword!": "string" } },
    run(body, ctx) {
      // The proxy checks the new password's length before it verifies the old password.
      checkPassword(body.newPassword as string);
      const user = ctx.state.users[body.userName as string];
      if (!user || user.password !== body.password) throw new DataPlaneError(1400, `old password not correct for ${String(body.userName)}: not authenticated`);
      user.password = body.newPassword as string;
      return { data: {} };
    },
  },
  "users/grant_role": {
    spec: USER_ROLE,
    run(body, ctx) {
      const user = ctx.state.users[body.userName as string];
      if (!ctx.state.roles[body.roleName as string]) throw roleMissing();
      if (!user) throw invalidParameter("not found the user, maybe the user isn't existed or internal system error");
      if (!user.roles.includes(body.roleName as string)) user.roles.push(body.roleName as string);
      return { data: {} };
    },
  },
  "users/revoke_role": {
    spec: USER_ROLE,
    run(body, ctx) {
      const user = ctx.state.users[body.userName as string];
      if (!ctx.state.roles[body.roleName as string]) throw roleMissing();
      if (user) user.roles = user.roles.filter((r) => r !== body.roleName);
      return { data: {} };
    },
  },
  "roles/create": {
    spec: ROLE,
    run(body, ctx) {
      const name = body.roleName as string;
      if (ctx.state.roles[name]) throw invalidParameter(`role [name:"${name}"] already exists`);
      if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name) || name.length > 32) throw invalidParameter(`invalid role name ${name}`);
      // proxy.maxRoleNum (10) counts the built-in admin and public roles.
      if (Object.keys(ctx.state.roles).length >= MAX_ROLES) throw quotaExceeded("unable to create role because the number of roles has reached the limit");
      ctx.state.roles[name] = { grants: [] };
      return { data: {} };
    },
  },
  "roles/list": { spec: { struct: "DatabaseReq", fields: { dbName: "string" } }, run: (_b, ctx) => ({ data: Object.keys(ctx.state.roles) }) },
  "roles/describe": {
    spec: ROLE,
    run(body, ctx) {
      const role = ctx.state.roles[body.roleName as string];
      if (!role) throw roleMissing();
      return { data: role.grants.filter((g) => g.dbName === ctx.dbName).map((g) => ({ ...g })) };
    },
  },
  "roles/drop": {
    spec: ROLE,
    run(body, ctx) {
      const name = body.roleName as string;
      if (name === "admin" || name === "public") {
        throw new DataPlaneError(1401, `the role[${name}] is a default role, which can't be dropped: privilege not permitted`);
      }
      if (!ctx.state.roles[name]) throw roleMissing();
      // Without force (the REST API has none), a role that still holds grants in any database stays.
      if (ctx.state.roles[name]!.grants.length > 0) {
        throw new DataPlaneError(Code.unexpected, "fail to drop the role that it has privileges. Use REVOKE API to revoke privileges");
      }
      delete ctx.state.roles[name];
      for (const user of Object.values(ctx.state.users)) user.roles = user.roles.filter((r) => r !== name);
      return { data: {} };
    },
  },
  "roles/grant_privilege": {
    spec: GRANT,
    run(body, ctx) {
      const role = ctx.state.roles[body.roleName as string];
      if (!role) throw roleMissing();
      const objectType = body.objectType as string;
      if (!OBJECT_TYPES.includes(objectType)) throw invalidParameter(`not found the object type[name: ${objectType}], supported the object types: [Global Collection User]`);
      const privilege = body.privilege as string;
      checkV1Privilege(ctx.state, privilege, objectType);
      // The server stores a global grant under `*` whatever object it names (built-in groups keep their name).
      const objectName = objectType === "Global" && !BUILT_IN_GROUPS[privilege] ? "*" : (body.objectName as string);
      const grant = { objectType, objectName, privilege, dbName: ctx.dbName, grantor: "root" };
      const same = role.grants.some((g) => g.objectType === grant.objectType && g.objectName === grant.objectName && g.privilege === grant.privilege && g.dbName === grant.dbName);
      if (!same) role.grants.push(grant);
      return { data: {} };
    },
  },
  "roles/revoke_privilege": {
    spec: GRANT,
    run(body, ctx) {
      const role = ctx.state.roles[body.roleName as string];
      if (!role) throw roleMissing();
      const objectName = body.objectType === "Global" && !BUILT_IN_GROUPS[body.privilege as string] ? "*" : body.objectName;
      role.grants = role.grants.filter(
        (g) => !(g.objectType === body.objectType && g.objectName === objectName && g.privilege === body.privilege && g.dbName === ctx.dbName),
      );
      return { data: {} };
    },
  },
};
