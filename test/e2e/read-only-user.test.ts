/**
 * A collection with `loaded: true` and its index in one `up` (the index's create loads it), and a user whose
 * role may query but not drop, signing in with `user:password` over raw REST v2 against zilliz-local's
 * Milvus stand-in, which enforces grants: its query succeeds, its drop is denied (HTTP 403,
 * PermissionDenied) and the collection is still there.
 */
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMilvusStandIn } from "../../src/emulator/data-plane";
import { inlineStack, repoRoot, type TestStack } from "../support/pulumi";

const zilliz = createRequire(`${repoRoot}/package.json`)("pulumi-zilliz");
const root = "root:Milvus";
const reader = "reader:reader-secret-1";

describe("a read-only user and a loaded collection through the real engine", () => {
  let plane: Awaited<ReturnType<typeof startMilvusStandIn>>;
  let test: TestStack | undefined;

  async function rest(p: string, body: unknown, as = root): Promise<{ status: number; body: any }> {
    const res = await fetch(`${plane.url}/v2/vectordb/${p}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${as}`, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  }

  beforeAll(async () => {
    plane = await startMilvusStandIn({ port: 0, host: "127.0.0.1", credentials: root });
    test = await inlineStack({
      projectName: "read-only-user",
      program: async () => {
        const connection = { endpoint: plane.url, token: root };
        const docs = new zilliz.Collection("docs", {
          ...connection,
          collectionName: "docs",
          loaded: true,
          // The test inserts rows; destroy may drop them.
          allowDataLoss: true,
          schema: { fields: [{ name: "id", dataType: "Int64", isPrimary: true }, { name: "vec", dataType: "FloatVector", dim: 4 }] },
        });
        const index = new zilliz.CollectionIndex("docs-vec", { ...connection, collectionName: docs.collectionName, fieldName: "vec", indexType: "FLAT", metricType: "L2" });
        const role = new zilliz.Role("docs-reader", {
          ...connection,
          roleName: "docs_reader",
          privileges: [{ privilege: "Query", objectName: "docs" }, { privilege: "Search", objectName: "docs" }],
        });
        const user = new zilliz.User("reader", { ...connection, userName: "reader", password: reader.split(":")[1], roles: [role.roleName] });
        return { indexId: index.id, userName: user.userName, loaded: docs.loaded, loadState: docs.loadState };
      },
    });
  });
  afterAll(async () => {
    await test?.cleanup();
    await plane?.close();
  });

  it("one up creates the collection, its index, the role and the user, and ends with the collection loaded", async () => {
    const up = await test!.stack.up();
    expect(up.summary.result).toBe("succeeded");
    expect(up.outputs.indexId.value).toBe("default/docs/vec");
    expect(up.outputs.loaded.value).toBe(true);
    expect((await rest("collections/get_load_state", { collectionName: "docs" })).body.data.loadState).toBe("LoadStateLoaded");
  });

  it("a preview and a refresh afterwards find no change", async () => {
    await test!.stack.preview({ expectNoChanges: true });
    await test!.stack.refresh({ expectNoChanges: true });
    await test!.stack.preview({ expectNoChanges: true });
  });

  it("the user queries the collection, its drop is denied with HTTP 403, and the collection is still there", async () => {
    const inserted = await rest("entities/insert", { collectionName: "docs", data: [{ id: 1, vec: [0.1, 0.2, 0.3, 0.4] }, { id: 2, vec: [0.4, 0.3, 0.2, 0.1] }] });
    expect(inserted.body.code).toBe(0);
    const query = await rest("entities/query", { collectionName: "docs", filter: "id >= 1", outputFields: ["id"] }, reader);
    expect(query.status).toBe(200);
    expect(query.body.code).toBe(0);
    expect(query.body.data.map((r: { id: number }) => r.id).sort()).toEqual([1, 2]);
    const drop = await rest("collections/drop", { collectionName: "docs" }, reader);
    expect(drop.status).toBe(403);
    expect(drop.body.code).toBe(65535);
    expect(drop.body.message).toMatch(/PermissionDenied.*PrivilegeDropCollection: permission deny to reader/);
    expect((await rest("collections/has", { collectionName: "docs" })).body.data.has).toBe(true);
    // Describing it is allowed (the public role's DescribeCollection): only the drop was refused.
    expect((await rest("collections/describe", { collectionName: "docs" }, reader)).body.code).toBe(0);
  });

  it("destroys everything", async () => {
    const destroy = await test!.stack.destroy();
    expect(destroy.summary.result).toBe("succeeded");
    expect((await rest("collections/list", {})).body.data).toEqual([]);
    expect((await rest("users/list", {})).body.data).toEqual(["root"]);
  });
});
