/**
 * Who a request is (sign-in with `user:password`) and whether that user may make the call (role grants,
 * privilege groups, the built-in `admin` and `public` roles), as Milvus checks it with authorization on.
 */
import { BUILT_IN_GROUPS, LEGACY_GROUPS, PUBLIC_GRANTS, V1_REQUIREMENTS, V2_REQUIREMENTS, type Requirement } from "./privilege-catalog";
import type { Reply } from "./context";
import { Code, DataPlaneError } from "./errors";
import type { PlaneState } from "./state";

/** The signed-in caller. `bypass`: the API key, the cluster's own credentials, `root` or authorization off. */
export interface Principal {
  user: string;
  bypass: boolean;
}

/** The caller the owner's `authenticate` accepted: no privilege is checked for it. */
export const SUPERUSER: Principal = { user: "root", bypass: true };

/** A denied call: HTTP 403 with the gRPC PermissionDenied text (code 65535, an untyped error on the REST side). */
export class PermissionDenied extends DataPlaneError {
  readonly httpStatus = 403;
}

/**
 * Signs in a user of the data plane with `user:password` (Bearer or decoded Basic). `root` is left to the
 * owner's `authenticate` so that a plane whose owner does not accept root (a cloud cluster) keeps refusing it.
 */
export function signIn(state: PlaneState, token: string | undefined): Principal | undefined {
  if (token === undefined) return undefined;
  const colon = token.indexOf(":");
  if (colon <= 0 || colon === token.length - 1) return undefined;
  const name = token.slice(0, colon);
  const user = state.users[name];
  if (name === "root" || user === undefined || user.password !== token.slice(colon + 1)) return undefined;
  return { user: name, bypass: false };
}

interface Grant {
  objectType: string;
  objectName: string;
  privilege: string;
  dbName: string;
}

function groupOf(state: PlaneState, name: string): string[] | undefined {
  return BUILT_IN_GROUPS[name] ?? LEGACY_GROUPS[name] ?? state.privilegeGroups[name];
}

/** Whether one grant allows `need` on `objectName` in `dbName`. */
function covers(state: PlaneState, grant: Grant, need: Requirement, dbName: string, objectName: string): boolean {
  if (grant.dbName !== "*" && grant.dbName !== dbName) return false;
  const named = grant.objectName === "*" || grant.objectName === objectName;
  if (grant.privilege === need.privilege || grant.privilege === "*") return grant.objectType === need.objectType && named;
  if (grant.privilege === "All") return true;
  const group = groupOf(state, grant.privilege);
  if (group === undefined || !group.includes(need.privilege)) return false;
  // A group granted on one collection covers that collection's calls; database and cluster calls carry no name.
  return need.objectType !== "Collection" || named;
}

function grantsOf(state: PlaneState, role: string): Grant[] {
  const stored = state.roles[role]?.grants ?? [];
  return role === "public" ? [...PUBLIC_GRANTS, ...stored] : stored;
}

function rolesOf(state: PlaneState, principal: Principal): string[] {
  return [...(state.users[principal.user]?.roles ?? []), "public"];
}

/** The call being authorized: its API, path below the prefix, decoded body fields and database. */
export interface Call {
  api: "v1" | "v2";
  action: string;
  fields: Record<string, unknown>;
  dbName: string;
}

/** Throws {@link PermissionDenied} when the principal may not make the call. */
export function authorize(state: PlaneState, principal: Principal, call: Call): void {
  if (principal.bypass) return;
  const need = (call.api === "v2" ? V2_REQUIREMENTS : V1_REQUIREMENTS)[call.action];
  if (need === undefined) return;
  const roles = rolesOf(state, principal);
  if (roles.includes("admin")) return;
  const field = need.objectField === undefined ? undefined : call.fields[need.objectField];
  const objectName = typeof field === "string" && field !== "" ? field : "*";
  // Users may read and change themselves, and read the grants of their own roles, without any grant.
  if (need.objectType === "User" && objectName === principal.user) return;
  if (call.action === "roles/describe" && roles.includes(call.fields.roleName as string)) return;
  for (const role of roles) {
    if (grantsOf(state, role).some((grant) => covers(state, grant, need, call.dbName, objectName))) return;
  }
  // 2.3 (the v1 profile) names no database; 2.4+ (the v2 profile) adds it.
  const where = call.api === "v2" ? ` in the \`${call.dbName}\` database` : "";
  throw new PermissionDenied(Code.unexpected, `rpc error: code = PermissionDenied desc = Privilege${need.privilege}: permission deny to ${principal.user}${where}`);
}

/**
 * The grants that decide what a user's lists show: those of its roles other than `public`; `undefined` when
 * nothing is filtered (a bypassing caller such as the API key, or an `admin`).
 */
function listedGrants(state: PlaneState, principal: Principal): Grant[] | undefined {
  if (principal.bypass) return undefined;
  const roles = rolesOf(state, principal).filter((r) => r !== "public");
  if (roles.includes("admin")) return undefined;
  return roles.flatMap((role) => grantsOf(state, role));
}

/** The collections of `dbName` a user's roles reach (any collection-level grant), `undefined` = all of them. */
function reachable(state: PlaneState, principal: Principal, dbName: string): Set<string> | undefined {
  const grants = listedGrants(state, principal);
  if (grants === undefined) return undefined;
  const names = new Set<string>();
  for (const grant of grants) {
    if (grant.dbName !== "*" && grant.dbName !== dbName) continue;
    if (grant.privilege === "All") return undefined;
    const group = groupOf(state, grant.privilege);
    const collectionLevel = grant.objectType === "Collection" || (group !== undefined && group.some((p) => BUILT_IN_GROUPS.CollectionAdmin!.includes(p)));
    if (!collectionLevel) continue;
    if (grant.objectName === "*") return undefined;
    names.add(grant.objectName);
  }
  return names;
}

/** The databases a user's roles hold any grant in, `undefined` = all of them. */
function reachableDatabases(state: PlaneState, principal: Principal): Set<string> | undefined {
  const grants = listedGrants(state, principal);
  if (grants === undefined) return undefined;
  const names = new Set<string>();
  for (const grant of grants) {
    if (grant.dbName === "*") return undefined;
    names.add(grant.dbName);
  }
  return names;
}

/**
 * Trims what a signed-in user is shown: `collections/list` lists only the collections the user's roles
 * hold a grant on, `databases/list` only the databases they hold a grant in (the server filters these
 * lists instead of refusing the calls; `public` does not count).
 */
export function filterReply<R extends Reply | undefined>(state: PlaneState, principal: Principal, call: Call, reply: R): R {
  if (reply === undefined) return reply;
  let names: Set<string> | undefined;
  if (call.api === "v2" && call.action === "databases/list") names = reachableDatabases(state, principal);
  // 2.3.5 lists every collection to any signed-in user on v1 (checked against the real server).
  else if (call.api === "v2" && call.action === "collections/list") names = reachable(state, principal, call.dbName);
  else return reply;
  if (names === undefined || !Array.isArray(reply.data)) return reply;
  return { ...reply, data: (reply.data as unknown[]).filter((n) => names.has(n as string)) } as R;
}
