/**
 * Users and grants on a zilliz-local cluster's data plane (the whole emulator, real data plane): the API key
 * and the cluster user `db_admin` manage them, a user signs in with `user:password` and is checked, `root`
 * is not a cluster user, and all of it survives a restart from the state file.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../../src/emulator";
import { request } from "../../unit/emulator/http";

let dir: string;
const running: RunningEmulator[] = [];

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "zilliz-local-rbac-"));
});
afterEach(async () => {
  for (const e of running.splice(0)) await e.close();
  rmSync(dir, { recursive: true, force: true });
});

async function start(): Promise<RunningEmulator> {
  const emulator = await startEmulator({ stateFile: path.join(dir, "state.json"), legacyPort: false });
  running.push(emulator);
  return emulator;
}

/** One POST on its own connection (a pooled keep-alive socket would still point at the stopped emulator). */
function send(base: string, p: string, key: string, body: unknown): Promise<{ status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any -- shapes are asserted
  return new Promise((resolve, reject) => {
    const req = httpRequest(base + p, { method: "POST", agent: false, headers: { authorization: `Bearer ${key}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown }));
    });
    req.on("error", reject);
    req.end(JSON.stringify(body));
  });
}

const denied = (privilege: string, user: string) => ({
  code: 65535,
  message: `rpc error: code = PermissionDenied desc = Privilege${privilege}: permission deny to ${user} in the \`default\` database`,
});

describe("zilliz-local cluster: data plane users and grants", () => {
  it("signs users in, enforces their grants, and keeps users, roles and groups across a restart", async () => {
    const first = await start();
    const projectId = (await request(first.url, "GET", "/v2/projects", { key: first.apiKey })).body.data[0].projectId as string;
    const created = await request(first.url, "POST", "/v2/clusters/createDedicated", {
      key: first.apiKey,
      body: { clusterName: "rbac", projectId, regionId: "aws-us-west-2", cuType: "Performance-optimized", cuSize: 1 },
    });
    const clusterId = created.body.data.clusterId as string;
    const admin = `db_admin:${created.body.data.password as string}`;
    const address = (await request(first.url, "GET", `/v2/clusters/${clusterId}`, { key: first.apiKey })).body.data.connectAddress as string;
    const post = (key: string, p: string, body: unknown) => send(address, `/v2/vectordb/${p}`, key, body);

    expect((await post(first.apiKey, "collections/create", { collectionName: "docs", dimension: 4 })).body).toEqual({ code: 0, data: {} });
    expect((await post(admin, "users/create", { userName: "reader", password: "secret123" })).body).toEqual({ code: 0, data: {} });
    expect((await post(admin, "roles/create", { roleName: "ro" })).body).toEqual({ code: 0, data: {} });
    expect((await post(admin, "privilege_groups/create", { privilegeGroupName: "lookups" })).body).toEqual({ code: 0, data: {} });
    expect((await post(admin, "privilege_groups/add_privileges_to_group", { privilegeGroupName: "lookups", privileges: ["Query"] })).body.code).toBe(0);
    expect((await post(admin, "roles/grant_privilege_v2", { roleName: "ro", privilege: "lookups", dbName: "default", collectionName: "docs" })).body.code).toBe(0);
    expect((await post(admin, "users/grant_role", { userName: "reader", roleName: "ro" })).body.code).toBe(0);

    const query = { collectionName: "docs", filter: "id > 0" };
    expect((await post("reader:secret123", "entities/query", query)).body).toEqual({ code: 0, cost: 0, data: [] });
    const drop = await post("reader:secret123", "collections/drop", { collectionName: "docs" });
    expect(drop.status).toBe(403);
    expect(drop.body).toEqual(denied("DropCollection", "reader"));
    expect((await post("reader:wrong1234", "entities/query", query)).status).toBe(401);
    // root is not a user of a cloud cluster.
    expect((await post("root:Milvus", "collections/list", {})).status).toBe(401);

    await first.close();
    running.splice(0);
    await start();
    expect((await post("reader:secret123", "entities/query", query)).body).toEqual({ code: 0, cost: 0, data: [] });
    expect((await post("reader:secret123", "entities/insert", { collectionName: "docs", data: [{ id: 1, vector: [0, 0, 0, 1] }] })).body).toEqual(
      denied("Insert", "reader"),
    );
    expect((await post(admin, "privilege_groups/list", {})).body).toEqual({
      code: 0,
      data: { privilegeGroups: [{ privilegeGroupName: "lookups", privileges: "Query" }] },
    });
  });
});
