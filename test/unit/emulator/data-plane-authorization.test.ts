/**
 * The data plane's sign-in and privilege checks as pure functions (which grant covers which call), plus the
 * two things a fixture cannot show: a plane set up like a cluster's (API key and cluster user bypass, root is
 * not a cluster user) and snapshots written before the checks existed.
 */
import type { Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { authorize, filterReply, PermissionDenied, signIn, type Call, type Principal } from "../../../src/emulator/data-plane/authorization";
import { emptyState, type PlaneState } from "../../../src/emulator/data-plane/state";
import { createDataPlane } from "../../../src/emulator/data-plane";
import { listen, send } from "../../conformance/replay";

const alice: Principal = { user: "alice", bypass: false };

function withRole(grants: PlaneState["roles"][string]["grants"], groups: Record<string, string[]> = {}): PlaneState {
  const state = emptyState();
  state.users.alice = { password: "secret123", roles: ["r"] };
  state.roles.r = { grants };
  state.privilegeGroups = groups;
  return state;
}

const grant = (objectType: string, objectName: string, privilege: string, dbName = "default") => ({ objectType, objectName, privilege, dbName, grantor: "root" });
const call = (action: string, fields: Record<string, unknown> = {}, dbName = "default"): Call => ({ api: "v2", action, fields, dbName });

function allowed(state: PlaneState, c: Call, who: Principal = alice): boolean {
  try {
    authorize(state, who, c);
    return true;
  } catch (error) {
    if (error instanceof PermissionDenied) return false;
    throw error;
  }
}

describe("signIn", () => {
  it("signs in a stored user with the right password only, and never root", () => {
    const state = withRole([]);
    expect(signIn(state, "alice:secret123")).toEqual({ user: "alice", bypass: false });
    for (const token of ["alice:wrong", "alice:", ":secret123", "alice", "bob:secret123", "root:Milvus", undefined]) expect(signIn(state, token)).toBeUndefined();
  });
});

describe("authorize", () => {
  it("denies with HTTP 403 and the server's PermissionDenied text", () => {
    const error = (() => {
      try {
        authorize(withRole([]), alice, call("collections/load", { collectionName: "c" }, "db1"));
      } catch (e) {
        return e as PermissionDenied;
      }
    })();
    expect(error).toBeInstanceOf(PermissionDenied);
    expect(error!.httpStatus).toBe(403);
    expect(error!.code).toBe(65535);
    expect(error!.message).toBe("rpc error: code = PermissionDenied desc = PrivilegeLoad: permission deny to alice in the `db1` database");
    // The v1 API follows 2.3.5, whose text names no database (seen on the real server).
    expect(() => authorize(withRole([]), alice, { api: "v1", action: "insert", fields: { collectionName: "c" }, dbName: "default" })).toThrow(
      /^rpc error: code = PermissionDenied desc = PrivilegeInsert: permission deny to alice$/,
    );
  });

  it("matches collection grants by name or *, and by database", () => {
    const state = withRole([grant("Collection", "docs", "Query"), grant("Collection", "*", "Insert", "db2")]);
    expect(allowed(state, call("entities/query", { collectionName: "docs" }))).toBe(true);
    expect(allowed(state, call("entities/get", { collectionName: "docs" }))).toBe(true);
    expect(allowed(state, call("entities/query", { collectionName: "other" }))).toBe(false);
    expect(allowed(state, call("entities/query", { collectionName: "docs" }, "db2"))).toBe(false);
    expect(allowed(state, call("entities/insert", { collectionName: "any" }, "db2"))).toBe(true);
    expect(allowed(state, call("entities/insert", { collectionName: "any" }))).toBe(false);
    expect(allowed(state, call("entities/search", { collectionName: "docs" }))).toBe(false);
  });

  it("gives every user the public role's describe, list and index-detail privileges", () => {
    const state = withRole([]);
    expect(allowed(state, call("collections/describe", { collectionName: "x" }, "any"))).toBe(true);
    expect(allowed(state, call("indexes/describe", { collectionName: "x" }))).toBe(true);
    expect(allowed(state, call("collections/has", { collectionName: "x" }))).toBe(true);
    expect(allowed(state, call("collections/drop", { collectionName: "x" }))).toBe(false);
  });

  it("expands built-in, legacy and custom privilege groups at their level", () => {
    const state = withRole(
      [
        grant("Global", "docs", "CollectionReadOnly"),
        grant("Global", "*", "DatabaseAdmin", "db1"),
        grant("Global", "*", "ClusterReadOnly", "*"),
        grant("Collection", "logs", "ReadWrite"),
        grant("Global", "*", "writers", "db3"),
      ],
      { writers: ["Insert", "Upsert"] },
    );
    expect(allowed(state, call("entities/search", { collectionName: "docs" }))).toBe(true);
    expect(allowed(state, call("entities/search", { collectionName: "other" }))).toBe(false);
    expect(allowed(state, call("collections/drop", { collectionName: "x" }, "db1"))).toBe(true);
    expect(allowed(state, call("collections/drop", { collectionName: "x" }))).toBe(false);
    expect(allowed(state, call("users/list", {}, "anything"))).toBe(true);
    expect(allowed(state, call("databases/create", { dbName: "n" }))).toBe(false);
    expect(allowed(state, call("entities/delete", { collectionName: "logs" }))).toBe(true);
    expect(allowed(state, call("entities/upsert", { collectionName: "c" }, "db3"))).toBe(true);
    expect(allowed(state, call("entities/delete", { collectionName: "c" }, "db3"))).toBe(false);
  });

  it("lets admin, All and bypassing callers through, and users read or change themselves", () => {
    expect(allowed(withRole([grant("Global", "*", "All")]), call("databases/drop", { dbName: "x" }))).toBe(true);
    const admin = withRole([]);
    admin.users.alice!.roles = ["admin"];
    expect(allowed(admin, call("roles/create", { roleName: "x" }))).toBe(true);
    expect(allowed(withRole([]), call("roles/create", { roleName: "x" }), { user: "root", bypass: true })).toBe(true);
    const none = withRole([]);
    expect(allowed(none, call("users/update_password", { userName: "alice" }))).toBe(true);
    expect(allowed(none, call("users/update_password", { userName: "root" }))).toBe(false);
    expect(allowed(none, call("roles/describe", { roleName: "r" }))).toBe(true);
    expect(allowed(none, call("roles/describe", { roleName: "admin" }))).toBe(false);
  });

  it("lists only the collections a user's roles reach", () => {
    const state = withRole([grant("Collection", "docs", "Query"), grant("Collection", "*", "Query", "db2")]);
    const reply = { data: ["docs", "logs"] };
    expect(filterReply(state, alice, call("collections/list"), reply).data).toEqual(["docs"]);
    expect(filterReply(state, alice, call("collections/list", {}, "db2"), reply).data).toEqual(["docs", "logs"]);
    expect(filterReply(state, { user: "root", bypass: true }, call("collections/list"), reply).data).toEqual(["docs", "logs"]);
  });
});

describe("a plane set up like a cluster's", () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  async function cluster(): Promise<{ url: string; plane: ReturnType<typeof createDataPlane> }> {
    const plane = createDataPlane({
      authenticate: (token) => token === "api-key" || token === "db_admin:Cluster1!",
      transitionMode: () => ({ kind: "immediate" }),
    });
    const started = await listen(plane.handle);
    server = started.server;
    return { url: started.url, plane };
  }
  const post = (url: string, path: string, body: unknown, token: string) =>
    send(url, "POST", `/v2/vectordb/${path}`, JSON.stringify(body), { Authorization: `Bearer ${token}` });

  it("checks signed-in users while the API key and the cluster user bypass, and refuses root", async () => {
    const { url } = await cluster();
    expect((await post(url, "users/create", { userName: "reader", password: "secret123" }, "api-key")).json).toEqual({ code: 0, data: {} });
    expect((await post(url, "collections/create", { collectionName: "c", dimension: 4 }, "db_admin:Cluster1!")).json).toEqual({ code: 0, data: {} });
    const dropped = await post(url, "collections/drop", { collectionName: "c" }, "reader:secret123");
    expect(dropped.status).toBe(403);
    expect((await post(url, "collections/list", {}, "root:Milvus")).status).toBe(401);
  });

  it("refuses a 101st user and an 11th role (root, admin and public count) with the quota error", async () => {
    const { url } = await cluster();
    for (let i = 1; i < 100; i++) expect((await post(url, "users/create", { userName: `u${i}`, password: "secret123" }, "api-key")).json).toEqual({ code: 0, data: {} });
    expect((await post(url, "users/create", { userName: "u100", password: "secret123" }, "api-key")).json).toEqual({
      code: 9,
      message: "quota exceeded[reason=unable to add user because the number of users has reached the limit]",
    });
    for (let i = 1; i <= 8; i++) expect((await post(url, "roles/create", { roleName: `r${i}` }, "api-key")).json).toEqual({ code: 0, data: {} });
    expect((await post(url, "roles/create", { roleName: "r9" }, "api-key")).json).toEqual({
      code: 9,
      message: "quota exceeded[reason=unable to create role because the number of roles has reached the limit]",
    });
    expect((await post(url, "roles/create", { roleName: "r1" }, "api-key")).json).toEqual({ code: 1100, message: 'role [name:"r1"] already exists: invalid parameter' });
  });

  it("restores snapshots written before sign-in and v2 grant types existed, and revokes their grants", async () => {
    const { url, plane } = await cluster();
    const old = emptyState() as Partial<PlaneState>;
    old.users!.reader = { password: "secret123", roles: ["r"] };
    old.roles!.r = { grants: [grant("Collection", "*", "CollectionReadOnly")] };
    delete old.privilegeGroups;
    plane.restore(JSON.parse(JSON.stringify(old)));
    await post(url, "collections/create", { collectionName: "c", dimension: 4 }, "api-key");
    expect((await post(url, "entities/query", { collectionName: "c", filter: "id > 0" }, "reader:secret123")).json).toEqual({ code: 0, cost: 0, data: [] });
    const revoked = await post(url, "roles/revoke_privilege_v2", { roleName: "r", privilege: "CollectionReadOnly", dbName: "default", collectionName: "*" }, "api-key");
    expect(revoked.json).toEqual({ code: 0, data: {} });
    expect((await post(url, "entities/query", { collectionName: "c", filter: "id > 0" }, "reader:secret123")).status).toBe(403);
    expect((await post(url, "privilege_groups/list", {}, "api-key")).json).toEqual({ code: 0, data: { privilegeGroups: [] } });
  });
});
