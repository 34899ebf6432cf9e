/**
 * Proof that a real Milvus server runs here and answers the REST v1 data plane the way
 * ../shared/reference/milvus-rest-api.md §9 describes (create builds a fixed schema: an auto-id Int64
 * primary key `id`, a FloatVector `vector` with the size in its type name, an index named `vector_idx`,
 * then loads).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMilvus, type RunningMilvus } from "../../support/milvus";

let milvus: RunningMilvus;
beforeAll(async () => {
  milvus = await startMilvus();
});
afterAll(async () => milvus?.stop());

async function call(method: "GET" | "POST", path: string, body?: unknown) {
  const res = await fetch(`${milvus.url}${path}`, {
    method,
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

describe("real Milvus REST v1", () => {
  it("is the expected server version", () => {
    expect(milvus.version).toBe("2.3.5");
  });

  it("creates a collection with POST /v1/vector/collections/create", async () => {
    const created = await call("POST", "/v1/vector/collections/create", { collectionName: "proof", dimension: 8 });
    expect(created).toEqual({ status: 200, body: { code: 200, data: {} } });
  });

  it("describes it with GET /v1/vector/collections/describe", async () => {
    const described = await call("GET", "/v1/vector/collections/describe?collectionName=proof");
    expect(described.status).toBe(200);
    expect(described.body.code).toBe(200);
    const data = described.body.data;
    expect(data.collectionName).toBe("proof");
    expect(data.description).toBe("");
    expect(data.enableDynamicField).toBe(true);
    expect(data.shardsNum).toBe(1);
    expect(["LoadStateLoading", "LoadStateLoaded"]).toContain(data.load);
    expect(data.fields).toEqual([
      { autoId: true, description: "", name: "id", primaryKey: true, type: "Int64" },
      { autoId: false, description: "", name: "vector", primaryKey: false, type: "FloatVector(8)" },
    ]);
    expect(data.indexes).toEqual([{ fieldName: "vector", indexName: "vector_idx", metricType: "L2" }]);
  });

  it("reports a missing collection with code 100 in an HTTP 200 body", async () => {
    const missing = await call("GET", "/v1/vector/collections/describe?collectionName=nope");
    expect(missing.status).toBe(200);
    expect(missing.body.code).toBe(100);
    expect(missing.body.data).toBeUndefined();
  });
});
