/**
 * Collection through the real engine, on two data planes: zilliz-local's Milvus stand-in over REST v2,
 * and the real Milvus server over REST v1. Each runs up → preview (no changes) → [in-place change] →
 * replace → refresh (no changes) → adoption of a collection created outside the stack → preview (no
 * changes) → destroy, asking the server directly (raw REST, not our client) after each step.
 */
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMilvusStandIn } from "../../src/emulator/data-plane";
import { startMilvus, type RunningMilvus } from "../support/milvus";
import { inlineStack, repoRoot, type TestStack } from "../support/pulumi";

const zilliz = createRequire(`${repoRoot}/package.json`)("pulumi-zilliz");

function lifecycleStack(getDesired: () => Array<Record<string, unknown>>) {
  return inlineStack({
    projectName: "collection-lifecycle",
    program: async () => {
      const outputs: Record<string, unknown> = {};
      for (const args of getDesired()) {
        const { resourceName, ...rest } = args as { resourceName: string };
        outputs[resourceName] = new zilliz.Collection(resourceName, rest).id;
      }
      return outputs;
    },
  });
}

describe("Collection over REST v2 (zilliz-local Milvus stand-in)", () => {
  let plane: Awaited<ReturnType<typeof startMilvusStandIn>>;
  let test: TestStack | undefined;
  let desired: Array<Record<string, unknown>> = [];
  const token = "root:Milvus";

  async function rest(path: string, body: unknown): Promise<any> {
    const res = await fetch(`${plane.url}/v2/vectordb/${path}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    return res.json();
  }
  const base = () => ({
    resourceName: "docs",
    endpoint: plane.url,
    token,
    collectionName: "e2e_docs",
    schema: {
      fields: [
        { name: "id", dataType: "Int64", isPrimary: true },
        { name: "title", dataType: "VarChar", maxLength: 128 },
        { name: "vec", dataType: "FloatVector", dim: 4 },
      ],
    },
    properties: { "collection.ttl.seconds": "3600" },
  });

  beforeAll(async () => {
    plane = await startMilvusStandIn({ port: 0, host: "127.0.0.1", credentials: token });
    test = await lifecycleStack(() => desired);
  });
  afterAll(async () => {
    await test?.cleanup();
    await plane?.close();
  });

  it("creates, then finds nothing to change", async () => {
    desired = [base()];
    const up = await test!.stack.up();
    expect(up.outputs.docs.value).toBe("default/e2e_docs");
    const described = await rest("collections/describe", { collectionName: "e2e_docs" });
    expect(described.code).toBe(0);
    expect(described.data.fields.map((f: any) => f.name)).toEqual(["id", "title", "vec"]);
    expect(described.data.properties).toContainEqual({ key: "collection.ttl.seconds", value: "3600" });
    await test!.stack.preview({ expectNoChanges: true });
  });

  it("changes properties and description in place", async () => {
    desired = [{ ...base(), description: "notes", properties: { "collection.ttl.seconds": "7200" } }];
    const up = await test!.stack.up();
    expect(up.summary.resourceChanges).toMatchObject({ update: 1 });
    const described = await rest("collections/describe", { collectionName: "e2e_docs" });
    expect(described.data.properties).toContainEqual({ key: "collection.ttl.seconds", value: "7200" });
  });

  it("replaces on a vector dimension change, and refresh finds no drift", async () => {
    const next = base();
    (next.schema.fields[2] as any).dim = 8;
    desired = [{ ...next, description: "notes", properties: { "collection.ttl.seconds": "7200" } }];
    const up = await test!.stack.up();
    expect(up.summary.resourceChanges).toMatchObject({ replace: 1 });
    const described = await rest("collections/describe", { collectionName: "e2e_docs" });
    expect(described.data.fields[2].params).toContainEqual({ key: "dim", value: "8" });
    await test!.stack.refresh({ expectNoChanges: true });
  });

  it("adopts a collection created outside the stack", async () => {
    const created = await rest("collections/create", {
      collectionName: "e2e_outside",
      schema: {
        fields: [
          { fieldName: "pk", dataType: "Int64", isPrimary: true },
          { fieldName: "v", dataType: "FloatVector", elementTypeParams: { dim: "4" } },
        ],
      },
    });
    expect(created.code).toBe(0);
    desired = [
      desired[0]!,
      {
        resourceName: "outside",
        endpoint: plane.url,
        token,
        collectionName: "e2e_outside",
        schema: { fields: [{ name: "pk", dataType: "Int64", isPrimary: true }, { name: "v", dataType: "FloatVector", dim: 4 }] },
        adopt: true,
      },
    ];
    const up = await test!.stack.up();
    expect(up.summary.resourceChanges).toMatchObject({ create: 1, same: 2 });
    await test!.stack.preview({ expectNoChanges: true });
  });

  it("destroys what it manages", async () => {
    await test!.stack.destroy();
    const listed = await rest("collections/list", {});
    expect(listed).toEqual({ code: 0, data: [] });
  });
});

describe("Collection over REST v1 (real Milvus)", () => {
  let milvus: RunningMilvus;
  let test: TestStack | undefined;
  let desired: Array<Record<string, unknown>> = [];

  async function describeV1(name: string): Promise<any> {
    return (await fetch(`${milvus.url}/v1/vector/collections/describe?collectionName=${name}`)).json();
  }
  const base = (dim: number) => ({
    resourceName: "vectors",
    endpoint: milvus.url,
    apiVersion: "v1",
    collectionName: "e2e_vectors",
    // v1 cannot count rows, so every drop needs the explicit opt-in.
    allowDataLoss: true,
    schema: { fields: [{ name: "id", dataType: "Int64", isPrimary: true, autoId: true }, { name: "vector", dataType: "FloatVector", dim }] },
  });

  beforeAll(async () => {
    milvus = await startMilvus();
    test = await lifecycleStack(() => desired);
  });
  afterAll(async () => {
    await test?.cleanup();
    await milvus?.stop();
  });

  it("creates, then finds nothing to change", async () => {
    desired = [base(8)];
    const up = await test!.stack.up();
    expect(up.summary.result).toBe("succeeded");
    const described = await describeV1("e2e_vectors");
    expect(described.code).toBe(200);
    expect(described.data.fields[1].type).toBe("FloatVector(8)");
    await test!.stack.preview({ expectNoChanges: true });
  });

  it("replaces on a dimension change, and refresh finds no drift", async () => {
    desired = [base(16)];
    const up = await test!.stack.up();
    expect(up.summary.resourceChanges).toMatchObject({ replace: 1 });
    expect((await describeV1("e2e_vectors")).data.fields[1].type).toBe("FloatVector(16)");
    await test!.stack.refresh({ expectNoChanges: true });
  });

  it("adopts a collection created outside the stack", async () => {
    const created = await fetch(`${milvus.url}/v1/vector/collections/create`, {
      method: "POST",
      body: JSON.stringify({ collectionName: "e2e_outside_v1", dimension: 4 }),
    });
    expect(((await created.json()) as any).code).toBe(200);
    desired = [
      base(16),
      { ...base(4), resourceName: "outside", collectionName: "e2e_outside_v1", adopt: true },
    ];
    const up = await test!.stack.up();
    expect(up.summary.resourceChanges).toMatchObject({ create: 1, same: 2 });
    await test!.stack.preview({ expectNoChanges: true });
  });

  it("destroys what it manages", async () => {
    await test!.stack.destroy();
    const listed = (await (await fetch(`${milvus.url}/v1/vector/collections`)).json()) as any;
    expect(listed).toEqual({ code: 200, data: [] });
  });
});
