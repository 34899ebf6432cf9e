/**
 * CollectionIndex and ImportJob through the real engine on zilliz-local's Milvus stand-in (REST v2):
 * up → preview (no changes) → replace → refresh (no changes) → adoption / a second import → preview (no
 * changes) → destroy, asking the data plane directly (raw REST) after each step.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMilvusStandIn } from "../../src/emulator/data-plane";
import { inlineStack, repoRoot, type TestStack } from "../support/pulumi";

const zilliz = createRequire(`${repoRoot}/package.json`)("pulumi-zilliz");
const token = "root:Milvus";
const rowsUrl = pathToFileURL(path.join(repoRoot, "examples", "quickstart", "data", "docs.json")).href;

describe("CollectionIndex and ImportJob through the real engine", () => {
  let plane: Awaited<ReturnType<typeof startMilvusStandIn>>;
  let test: TestStack | undefined;
  let index: Record<string, unknown> = {};
  let imports: string[] = [];
  let extraIndex: Record<string, unknown> | undefined;

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
      projectName: "index-and-import",
      program: async () => {
        const connection = { endpoint: plane.url, token };
        const docs = new zilliz.Collection("docs", {
          ...connection,
          collectionName: "docs",
          allowDataLoss: true,
          schema: {
            fields: [
              { name: "id", dataType: "Int64", isPrimary: true },
              { name: "title", dataType: "VarChar", maxLength: 256 },
              { name: "topic", dataType: "VarChar", maxLength: 64 },
              { name: "embedding", dataType: "FloatVector", dim: 8 },
            ],
          },
        });
        const idx = new zilliz.CollectionIndex("embedding", { ...connection, collectionName: docs.collectionName, ...index });
        const outputs: Record<string, unknown> = { indexId: idx.id };
        if (extraIndex) {
          outputs.extraId = new zilliz.CollectionIndex("topic", { ...connection, collectionName: docs.collectionName, ...extraIndex }).id;
        }
        imports.forEach((url, i) => {
          const job = new zilliz.ImportJob(`load-${i}`, { ...connection, collectionName: docs.collectionName, objectUrls: [[url]] }, { dependsOn: [idx] });
          outputs[`rows${i}`] = job.importedRows;
          outputs[`state${i}`] = job.state;
        });
        return outputs;
      },
    });
  });
  afterAll(async () => {
    await test?.cleanup();
    await plane?.close();
  });

  it("creates an HNSW index and imports the sample rows, then finds nothing to change", async () => {
    index = { fieldName: "embedding", indexName: "embedding_hnsw", indexType: "HNSW", metricType: "COSINE", params: { M: 16, efConstruction: 200 } };
    imports = [rowsUrl];
    const up = await test!.stack.up();
    expect(up.outputs.indexId.value).toBe("default/docs/embedding_hnsw");
    expect(up.outputs.rows0.value).toBe(24);
    expect(up.outputs.state0.value).toBe("Completed");
    const described = await rest("indexes/describe", { collectionName: "docs", indexName: "embedding_hnsw" });
    expect(described.data[0]).toMatchObject({ indexType: "HNSW", metricType: "COSINE", indexState: "Finished" });
    expect((await rest("collections/get_stats", { collectionName: "docs" })).data.rowCount).toBe(24);
    await test!.stack.preview({ expectNoChanges: true });
  });

  it("replaces the index when a build parameter changes, and refresh finds no drift", async () => {
    index = { ...index, params: { M: 32, efConstruction: 200 } };
    const up = await test!.stack.up();
    expect(up.summary.resourceChanges).toMatchObject({ replace: 1 });
    const described = await rest("indexes/describe", { collectionName: "docs", indexName: "embedding_hnsw" });
    const params = described.data[0].indexParams.find((p: any) => p.key === "params");
    expect(JSON.parse(params.value)).toMatchObject({ M: 32 });
    await test!.stack.refresh({ expectNoChanges: true });
  });

  it("adopts an index created outside the stack, and a second import adds rows", async () => {
    const created = await rest("indexes/create", {
      collectionName: "docs",
      indexParams: [{ fieldName: "topic", indexName: "topic_inverted", indexType: "INVERTED" }],
    });
    expect(created.code).toBe(0);
    extraIndex = { fieldName: "topic", indexName: "topic_inverted", indexType: "INVERTED", fieldDataType: "VarChar", adopt: true };
    imports = [rowsUrl, rowsUrl];
    const up = await test!.stack.up();
    expect(up.summary.resourceChanges).toMatchObject({ create: 2 });
    expect(up.outputs.extraId.value).toBe("default/docs/topic_inverted");
    expect(up.outputs.rows1.value).toBe(24);
    expect((await rest("indexes/list", { collectionName: "docs" })).data.sort()).toEqual(["embedding_hnsw", "topic_inverted"]);
    await test!.stack.preview({ expectNoChanges: true });
  });

  it("destroys its objects; import jobs leave their rows behind until the collection goes", async () => {
    const destroy = await test!.stack.destroy();
    expect(destroy.summary.result).toBe("succeeded");
    expect(await rest("collections/list", {})).toEqual({ code: 0, data: [] });
  });
});
