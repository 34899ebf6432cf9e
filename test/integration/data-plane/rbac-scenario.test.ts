/**
 * Role-based access on the Milvus stand-in, driven by the official `@zilliz/milvus2-sdk-node` HttpClient
 * (a client we did not write): root sets up a role that can query but not drop, a user signs in with it,
 * the denials carry the server's 403 PermissionDenied answer, a revoke takes effect at once, and the user
 * changes their own password with the old one.
 */
import { HttpClient } from "@zilliz/milvus2-sdk-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMilvusStandIn } from "../../../src/emulator/data-plane";

let standIn: Awaited<ReturnType<typeof startMilvusStandIn>>;
let root: HttpClient;

function ok<T>(res: { code: number; data?: T; message?: string }): T {
  expect(res, JSON.stringify(res)).toMatchObject({ code: 0 });
  return res.data as T;
}

/** The client for `user:password` (sent as `Authorization: Bearer user:password`). */
const as = (username: string, password: string) => new HttpClient({ baseURL: `${standIn.url}/v2`, username, password });

/** The SDK throws on a non-2xx answer with the status and the body in its message. */
async function refused(call: Promise<unknown>, status: number, body: unknown): Promise<void> {
  const error = (await call.then(
    () => undefined,
    (e: unknown) => e,
  )) as Error | undefined;
  expect(error, "the call should have been refused").toBeInstanceOf(Error);
  expect(error!.message).toContain(`HTTP ${status}`);
  expect(JSON.parse(error!.message.slice(error!.message.indexOf(" - ") + 3))).toEqual(body);
}

const denied = (privilege: string, user: string) => ({
  code: 65535,
  message: `rpc error: code = PermissionDenied desc = Privilege${privilege}: permission deny to ${user} in the \`default\` database`,
});

beforeAll(async () => {
  standIn = await startMilvusStandIn();
  root = new HttpClient({ baseURL: `${standIn.url}/v2`, token: "root:Milvus" });
});
afterAll(async () => standIn?.close());

describe("official SDK HttpClient: users, roles and enforced grants", () => {
  it("lets a query-only user query but not drop, denies after a revoke, and takes a password change with the old password", async () => {
    ok(await root.createCollection({ collectionName: "docs", dimension: 4 }));
    ok(await root.insert({ collectionName: "docs", data: [{ id: 1, vector: [0.1, 0.2, 0.3, 0.4] }] }));

    ok(await root.createRole({ roleName: "querier" }));
    ok(await root.grantPrivilegeToRole({ roleName: "querier", objectType: "Collection", objectName: "docs", privilege: "Query" }));
    ok(await root.createUser({ userName: "app", password: "secret123" }));
    ok(await root.grantRoleToUser({ userName: "app", roleName: "querier" }));
    expect(ok(await root.describeUser({ userName: "app" }))).toEqual(["querier"]);

    // A wrong password is not signed in at all.
    await refused(as("app", "wrong-one").query({ collectionName: "docs", filter: "id >= 0", outputFields: ["id"] }), 401, { code: 1800, message: "user hasn't authenticated" });

    const app = as("app", "secret123");
    const rows = ok(await app.query({ collectionName: "docs", filter: "id >= 0", outputFields: ["id"] }));
    // The SDK asks for int64 values as strings (Accept-Type-Allow-Int64: false).
    expect(rows).toEqual([{ id: "1" }]);
    await refused(app.dropCollection({ collectionName: "docs", dbName: "default" }), 403, denied("DropCollection", "app"));
    await refused(app.insert({ collectionName: "docs", data: [{ id: 2, vector: [0, 0, 0, 1] }] }), 403, denied("Insert", "app"));
    await refused(app.createRole({ roleName: "mine" }), 403, denied("CreateOwnership", "app"));
    expect(ok(await root.hasCollection({ collectionName: "docs", dbName: "default" }))).toEqual({ has: true });

    // A privilege group granted with the 2.5 API reaches the same user.
    ok(await root.POST("/vectordb/privilege_groups/create", { privilegeGroupName: "searchers" }));
    ok(await root.POST("/vectordb/privilege_groups/add_privileges_to_group", { privilegeGroupName: "searchers", privileges: ["Search"] }));
    ok(await root.POST("/vectordb/roles/grant_privilege_v2", { roleName: "querier", privilege: "searchers", dbName: "default", collectionName: "docs" }));
    const hits = ok(await app.search({ collectionName: "docs", data: [[0.1, 0.2, 0.3, 0.4]], limit: 1, outputFields: ["id"] } as Parameters<HttpClient["search"]>[0]));
    expect((hits as unknown as { id: string }[]).map((h) => h.id)).toEqual(["1"]);

    // A revoke takes effect on the next call.
    ok(await root.revokePrivilegeFromRole({ roleName: "querier", objectType: "Collection", objectName: "docs", privilege: "Query" }));
    await refused(app.query({ collectionName: "docs", filter: "id >= 0", outputFields: ["id"] }), 403, denied("Query", "app"));

    // The user changes their own password; the old one must be given and right.
    const wrongOld = await app.updateUserPassword({ userName: "app", password: "not-the-one", newPassword: "secret456" });
    expect(wrongOld).toEqual({ code: 1400, message: "old password not correct for app: not authenticated" });
    ok(await app.updateUserPassword({ userName: "app", password: "secret123", newPassword: "secret456" }));
    await refused(app.describeUser({ userName: "app" }), 401, { code: 1800, message: "user hasn't authenticated" });
    expect(ok(await as("app", "secret456").describeUser({ userName: "app" }))).toEqual(["querier"]);

    // Built-in roles stay.
    const dropAdmin = await root.dropRole({ roleName: "admin" });
    expect(dropAdmin).toEqual({ code: 1401, message: "the role[admin] is a default role, which can't be dropped: privilege not permitted" });
  });
});
