/**
 * MilvusV1Client against the real Milvus server (2.3.5, no auth): create, list, describe, drop, and a
 * describe of a missing collection that must come back as NotFoundError (code 100), not as text.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MilvusV1Client, NotFoundError, isNotFound } from "../../../src/client";
import { startMilvus, type RunningMilvus } from "../../support/milvus";

let milvus: RunningMilvus;
let client: MilvusV1Client;
beforeAll(async () => {
  milvus = await startMilvus();
  client = new MilvusV1Client({ endpoint: milvus.url, timeoutMs: 60_000 });
});
afterAll(async () => milvus?.stop());

describe("MilvusV1Client against real Milvus", () => {
  const name = `client_v1_${Date.now()}`;

  it("creates a collection", async () => {
    await client.collections.create({ collectionName: name, dimension: 8 });
    expect(await client.collections.list()).toContain(name);
  });

  it("describes it with the fixed v1 schema", async () => {
    const d = await client.collections.describe({ collectionName: name });
    expect(d.collectionName).toBe(name);
    const byName = Object.fromEntries(d.fields.map((f) => [f.name, f]));
    expect(byName.id).toMatchObject({ type: "Int64", primaryKey: true, autoId: true });
    expect(byName.vector).toMatchObject({ type: "FloatVector(8)", primaryKey: false });
    expect(d.indexes.map((i) => i.indexName)).toEqual(["vector_idx"]);
    expect(d.indexes[0]?.fieldName).toBe("vector");
  });

  it("lists with an explicit default database", async () => {
    expect(await client.collections.list({ dbName: "default" })).toContain(name);
  });

  it("drops it; a second drop and a describe report NotFoundError", async () => {
    await client.collections.drop({ collectionName: name });
    expect(await client.collections.list()).not.toContain(name);
    const err = await client.collections.describe({ collectionName: name }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect(isNotFound(err)).toBe(true);
    expect((err as NotFoundError).code).toBe(100);
    expect((err as NotFoundError).httpStatus).toBe(200);
    expect((err as NotFoundError).method).toBe("GET");
    expect((err as NotFoundError).path).toContain("/v1/vector/collections/describe?collectionName=");
    const again = await client.collections.drop({ collectionName: name }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(NotFoundError);
  });

  it("reports a missing database as NotFoundError (800)", async () => {
    const err = await client.collections.list({ dbName: "no_such_db" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as NotFoundError).code).toBe(800);
  });
});
