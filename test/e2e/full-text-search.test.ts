/**
 * BM25 full-text search through the real engine: one `up` declares a collection with a BM25 function
 * (an analyzed VarChar field → a SparseFloatVector field the server fills), `loaded: true`, and a
 * SPARSE_INVERTED_INDEX with metric BM25 on the output field. It ends loaded, a preview and a refresh find
 * no change, and a text query over raw REST v2 finds the matching row first.
 */
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMilvusStandIn } from "../../src/emulator/data-plane";
import { inlineStack, repoRoot, type TestStack } from "../support/pulumi";

const zilliz = createRequire(`${repoRoot}/package.json`)("pulumi-zilliz");
const token = "root:Milvus";

describe("a BM25 full-text collection through the real engine", () => {
  let plane: Awaited<ReturnType<typeof startMilvusStandIn>>;
  let test: TestStack | undefined;

  async function rest(p: string, body: unknown): Promise<any> {
    const res = await fetch(`${plane.url}/v2/vectordb/${p}`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    return res.json();
  }

  beforeAll(async () => {
    plane = await startMilvusStandIn({ port: 0, host: "127.0.0.1", credentials: token });
    test = await inlineStack({
      projectName: "full-text-search",
      program: async () => {
        const connection = { endpoint: plane.url, token };
        const articles = new zilliz.Collection("articles", {
          ...connection,
          collectionName: "articles",
          loaded: true,
          allowDataLoss: true,
          schema: {
            fields: [
              { name: "id", dataType: "Int64", isPrimary: true },
              { name: "text", dataType: "VarChar", maxLength: 1000, typeParams: { enable_analyzer: true, analyzer_params: { type: "english" } } },
              { name: "sparse", dataType: "SparseFloatVector" },
            ],
            functions: [{ name: "text_bm25", type: "BM25", inputFieldNames: ["text"], outputFieldNames: ["sparse"] }],
          },
        });
        const index = new zilliz.CollectionIndex("articles-sparse", {
          ...connection,
          collectionName: articles.collectionName,
          fieldName: "sparse",
          indexType: "SPARSE_INVERTED_INDEX",
          metricType: "BM25",
        });
        return { indexId: index.id, loadState: articles.loadState };
      },
    });
  });
  afterAll(async () => {
    await test?.cleanup();
    await plane?.close();
  });

  it("one up creates the collection with its function and the BM25 index, and ends with the collection loaded", async () => {
    const up = await test!.stack.up();
    expect(up.summary.result).toBe("succeeded");
    expect(up.outputs.indexId.value).toBe("default/articles/sparse");
    const d = (await rest("collections/describe", { collectionName: "articles" })).data;
    expect(d.functions).toEqual([expect.objectContaining({ name: "text_bm25", type: 1, inputFieldNames: ["text"], outputFieldNames: ["sparse"] })]);
    expect(d.fields.find((f: { name: string }) => f.name === "sparse").isFunctionOutput).toBe(true);
    expect((await rest("collections/get_load_state", { collectionName: "articles" })).data.loadState).toBe("LoadStateLoaded");
  });

  it("a preview, a refresh and a preview again find no change", async () => {
    await test!.stack.preview({ expectNoChanges: true });
    await test!.stack.refresh({ expectNoChanges: true });
    await test!.stack.preview({ expectNoChanges: true });
  });

  it("a text query ranks the matching article first (the server fills the sparse field from the text)", async () => {
    const inserted = await rest("entities/insert", {
      collectionName: "articles",
      data: [
        { id: 1, text: "pulumi manages vector databases as code" },
        { id: 2, text: "a recipe for apple pie with cinnamon" },
        { id: 3, text: "milvus stores vectors and searches them" },
      ],
    });
    expect(inserted.code).toBe(0);
    const found = await rest("entities/search", { collectionName: "articles", data: ["apple pie recipe"], annsField: "sparse", limit: 2, outputFields: ["id"] });
    expect(found.code).toBe(0);
    expect(found.data[0].id).toBe(2);
  });

  it("destroys both", async () => {
    const destroy = await test!.stack.destroy();
    expect(destroy.summary.result).toBe("succeeded");
    expect((await rest("collections/list", {})).data).toEqual([]);
  });
});
