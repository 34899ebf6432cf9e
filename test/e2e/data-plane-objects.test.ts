/**
 * Database, Partition, Alias, User, Role and PrivilegeGroup through the real engine on zilliz-local's Milvus
 * stand-in (REST v2): up → preview (no changes) → the blue/green alias swap in one up, with the alias polled
 * from a parallel loop the whole time → refresh (no changes) → destroy, asking the data plane directly
 * (raw REST) after each step.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMilvusStandIn } from "../../src/emulator/data-plane";
import { inlineStack, repoRoot, type TestStack } from "../support/pulumi";

const zilliz = createRequire(`${repoRoot}/package.json`)("pulumi-zilliz");
const token = "root:Milvus";
const appPassword = "app-secret-1";

describe("data-plane objects through the real engine", () => {
  let plane: Awaited<ReturnType<typeof startMilvusStandIn>>;
  let test: TestStack | undefined;
  /** The collection the alias points to, and whether docs_v2 is declared. */
  let aliasTarget = "docs_v1";
  let withV2 = false;

  async function rest(p: string, body: unknown, as = token): Promise<any> {
    const res = await fetch(`${plane.url}/v2/vectordb/${p}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${as}`, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    return res.json();
  }

  const schema = { fields: [{ name: "id", dataType: "Int64", isPrimary: true }, { name: "vec", dataType: "FloatVector", dim: 4 }] };

  beforeAll(async () => {
    plane = await startMilvusStandIn({ port: 0, host: "127.0.0.1", credentials: token });
    test = await inlineStack({
      projectName: "data-plane-objects",
      program: async () => {
        const connection = { endpoint: plane.url, token };
        const db = new zilliz.Database("analytics", { ...connection, dbName: "analytics", properties: { "database.max.collections": 10 } });
        const events = new zilliz.Collection("events", { ...connection, dbName: db.dbName, collectionName: "events", schema });
        const partition = new zilliz.Partition("y2024", { ...connection, dbName: db.dbName, collectionName: events.collectionName, partitionName: "y2024" });
        const v1 = new zilliz.Collection("docs_v1", { ...connection, collectionName: "docs_v1", schema });
        const v2 = withV2 ? new zilliz.Collection("docs_v2", { ...connection, collectionName: "docs_v2", schema }) : undefined;
        const alias = new zilliz.Alias("docs", { ...connection, aliasName: "docs", collectionName: aliasTarget === "docs_v2" ? v2!.collectionName : v1.collectionName });
        const group = new zilliz.PrivilegeGroup("readers", { ...connection, privilegeGroupName: "docs_readers", privileges: ["Query", "Search"] });
        const role = new zilliz.Role("reader", {
          ...connection,
          roleName: "docs_reader",
          privileges: [{ privilege: "Query", objectName: "docs" }, { privilege: "Search", objectName: "docs" }, { privilege: "DescribeCollection", objectType: "Global" }],
        });
        const user = new zilliz.User("app", { ...connection, userName: "app", password: appPassword, roles: [role.roleName] });
        return { dbId: db.id, partitionId: partition.id, aliasId: alias.id, aliasTarget: alias.collectionName, groupId: group.id, roleId: role.id, userId: user.id, userPassword: user.password };
      },
    });
  });
  afterAll(async () => {
    await test?.cleanup();
    await plane?.close();
  });

  it("creates the database, a collection with a partition, the alias, a privilege group, a role and a user", async () => {
    const up = await test!.stack.up();
    expect(up.summary.result).toBe("succeeded");
    const o = up.outputs;
    expect([o.dbId.value, o.partitionId.value, o.aliasId.value, o.groupId.value, o.roleId.value, o.userId.value]).toEqual([
      "analytics", "analytics/events/y2024", "default/docs", "docs_readers", "docs_reader", "app",
    ]);
    expect(o.userPassword.secret).toBe(true);
    // The password is stored encrypted (inputs and outputs): its text appears in no file of the state backend.
    const stateFiles = readdirSync(test!.stateDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(stateFiles.length).toBeGreaterThan(0);
    for (const f of stateFiles) expect(readFileSync(path.join(f.parentPath, f.name), "utf8")).not.toContain(appPassword);
    expect((await rest("databases/describe", { dbName: "analytics" })).data.properties).toEqual([{ key: "database.max.collections", value: "10" }]);
    expect((await rest("partitions/list", { dbName: "analytics", collectionName: "events" })).data).toEqual(["_default", "y2024"]);
    expect((await rest("aliases/describe", { aliasName: "docs" })).data.collectionName).toBe("docs_v1");
    expect((await rest("privilege_groups/list", {})).data.privilegeGroups).toEqual([{ privilegeGroupName: "docs_readers", privileges: "Query,Search" }]);
    const grants = (await rest("roles/describe", { roleName: "docs_reader" })).data.map((g: any) => `${g.objectName}/${g.privilege}`).sort();
    expect(grants).toEqual(["*/DescribeCollection", "docs/Query", "docs/Search"]);
    expect((await rest("users/describe", { userName: "app" })).data).toEqual(["docs_reader"]);
    // The user signs in with its password (what its grants allow and deny: read-only-user.test.ts).
    expect((await rest("collections/list", {}, `app:${appPassword}`)).code).toBe(0);
  });

  it("a preview of the same program changes nothing", async () => {
    await test!.stack.preview({ expectNoChanges: true });
  });

  it("swaps the alias from docs_v1 to docs_v2 in one up, in place: the alias resolves at every moment", async () => {
    withV2 = true;
    aliasTarget = "docs_v2";
    const seen: string[] = [];
    const failures: unknown[] = [];
    let done = false;
    // A client querying through the alias the whole time, as an application would during the swap.
    const poller = (async () => {
      while (!done) {
        const r = await rest("aliases/describe", { aliasName: "docs" });
        if (r.code !== 0) failures.push(r);
        else if (seen[seen.length - 1] !== r.data.collectionName) seen.push(r.data.collectionName);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    let up;
    try {
      up = await test!.stack.up();
    } finally {
      done = true;
      await poller;
    }
    expect(failures).toEqual([]);
    expect(seen).toEqual(["docs_v1", "docs_v2"]);
    expect(up.outputs.aliasTarget.value).toBe("docs_v2");
    // One new collection, one in-place update (the alias); nothing replaced or deleted.
    expect(up.summary.resourceChanges).toMatchObject({ create: 1, update: 1 });
    expect(up.summary.resourceChanges?.replace).toBeUndefined();
    expect(up.summary.resourceChanges?.delete).toBeUndefined();
  });

  it("refresh finds no drift, and a preview afterwards no change", async () => {
    await test!.stack.refresh({ expectNoChanges: true });
    await test!.stack.preview({ expectNoChanges: true });
  });

  it("destroys every object", async () => {
    const destroy = await test!.stack.destroy();
    expect(destroy.summary.result).toBe("succeeded");
    expect((await rest("databases/list", {})).data).toEqual(["default"]);
    expect((await rest("aliases/list", {})).data).toEqual([]);
    expect((await rest("collections/list", {})).data).toEqual([]);
    expect((await rest("users/list", {})).data).toEqual(["root"]);
    expect((await rest("roles/list", {})).data.sort()).toEqual(["admin", "public"]);
    expect((await rest("privilege_groups/list", {})).data.privilegeGroups).toEqual([]);
  });
});
