/**
 * The legacy resources through the real engine against zilliz-local's legacy 0.x API: a collection, an
 * IVFSQ8 index, two partitions and server settings; an index parameter change (drop + create), a cache size
 * change (in place), refresh with no changes, and a clean destroy, asking the server over raw REST each time.
 */
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../support/emulator";
import { inlineStack, repoRoot, type TestStack } from "../support/pulumi";

const zilliz = createRequire(`${repoRoot}/package.json`)("pulumi-zilliz");

describe("a legacy Milvus 0.x stack through the real engine", () => {
  let emu: TestEmulator;
  let test: TestStack | undefined;
  let nlist = 1024;
  let cache = 8;
  let dimension = 8;
  let allowDataLoss = false;

  async function raw(path: string): Promise<any> {
    const res = await fetch(`${emu.legacyUrl}${path}`);
    return { status: res.status, body: await res.json() };
  }

  beforeAll(async () => {
    emu = await startTestEmulator();
    test = await inlineStack({
      projectName: "legacy-stack",
      // The endpoint comes from the stack config, as an operator would set it once per stack.
      config: { "zilliz:legacyEndpoint": { value: emu.legacyUrl! } },
      program: async () => {
        const books = new zilliz.LegacyCollection("books", { collectionName: "old_books", dimension, indexFileSize: 256, metricType: "L2", allowDataLoss });
        const index = new zilliz.LegacyIndex("books-ivf", { collectionName: books.collectionName, indexType: "IVFSQ8", params: { nlist } });
        const p2019 = new zilliz.LegacyPartition("books-2019", { collectionName: books.collectionName, partitionTag: "2019" });
        const p2020 = new zilliz.LegacyPartition("books-2020", { collectionName: books.collectionName, partitionTag: "2020" });
        const server = new zilliz.LegacyServerConfig("server", { cpuCacheCapacity: cache, cacheInsertData: true, gpuSearchThreshold: 500 });
        return { collectionId: books.id, indexId: index.id, partitions: [p2019.id, p2020.id], serverId: server.id };
      },
    });
  });
  afterAll(async () => {
    await test?.cleanup();
    await emu?.close();
  });

  it("creates everything, and a preview finds nothing to change", async () => {
    const up = await test!.stack.up();
    expect(up.summary.resourceChanges).toMatchObject({ create: 6 });
    expect(up.outputs.collectionId.value).toBe("old_books");
    expect(up.outputs.indexId.value).toBe("old_books");
    expect(up.outputs.partitions.value).toEqual(["old_books/2019", "old_books/2020"]);
    expect(up.outputs.serverId.value).toBe(emu.legacyUrl);
    expect((await raw("/collections/old_books")).body).toMatchObject({ collection_name: "old_books", dimension: 8, index_file_size: 256, metric_type: "L2" });
    expect((await raw("/collections/old_books/indexes")).body).toEqual({ index_type: "IVFSQ8", params: { nlist: 1024 } });
    const tags = (await raw("/collections/old_books/partitions")).body.partitions.map((p: { partition_tag: string }) => p.partition_tag);
    expect(tags.sort()).toEqual(["2019", "2020", "_default"]);
    expect((await raw("/config/advanced")).body).toMatchObject({ cpu_cache_capacity: 8, cache_insert_data: true, gpu_search_threshold: 500 });
    await test!.stack.preview({ expectNoChanges: true });
  });

  it("an index parameter change replaces the index (drop, then create)", async () => {
    nlist = 2048;
    const up = await test!.stack.up();
    expect(up.summary.resourceChanges).toMatchObject({ replace: 1, same: 5 });
    expect((await raw("/collections/old_books/indexes")).body).toEqual({ index_type: "IVFSQ8", params: { nlist: 2048 } });
  });

  it("a cache size change updates in place (allowDataLoss too); refresh then finds no changes", async () => {
    cache = 12;
    // A local-only change of the collection rides along: its dependents must not plan a replacement.
    allowDataLoss = true;
    const preview = await test!.stack.preview();
    expect(preview.changeSummary).toMatchObject({ update: 2, same: 4 });
    const up = await test!.stack.up();
    expect(up.summary.resourceChanges).toMatchObject({ update: 2, same: 4 });
    expect((await raw("/config/advanced")).body.cpu_cache_capacity).toBe(12);
    await test!.stack.refresh({ expectNoChanges: true });
    await test!.stack.preview({ expectNoChanges: true });
  });

  it("a dimension change replaces the collection, and its index and partitions are rebuilt with it", async () => {
    dimension = 16;
    const up = await test!.stack.up();
    // The collection goes first (same name), which takes its index and partitions along: they are replaced too.
    expect(up.summary.resourceChanges).toMatchObject({ replace: 4, same: 2 });
    expect((await raw("/collections/old_books")).body).toMatchObject({ dimension: 16 });
    expect((await raw("/collections/old_books/indexes")).body).toEqual({ index_type: "IVFSQ8", params: { nlist: 2048 } });
    const tags = (await raw("/collections/old_books/partitions")).body.partitions.map((p: { partition_tag: string }) => p.partition_tag);
    expect(tags.sort()).toEqual(["2019", "2020", "_default"]);
    await test!.stack.refresh({ expectNoChanges: true });
  });

  it("destroys cleanly: no collection is left, and the server keeps its settings", async () => {
    const destroy = await test!.stack.destroy();
    expect(destroy.summary.result).toBe("succeeded");
    const list = (await raw("/collections")).body;
    expect(list.collections ?? []).toEqual([]);
    expect((await raw("/collections/old_books")).status).toBe(404);
    expect((await raw("/config/advanced")).body.cpu_cache_capacity).toBe(12);
  });
});
