/**
 * LegacyMilvusClient against the emulator's legacy 0.x API: the calls a legacy resource layer makes, in the
 * order a stack would (collection, IVFSQ8 index, two partitions, server config; change the index; read back
 * row counts before a drop; tear down), and how failures classify.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  collect,
  InvalidArgumentError,
  LegacyMilvusClient,
  legacyCollectionProblems,
  legacyIndexProblems,
  legacyPartitionTagProblem,
  NotFoundError,
  UnsupportedEndpointError,
} from "../../../src/client";
import { createLegacyApi } from "../../../src/emulator/legacy";

let server: Server;
let client: LegacyMilvusClient;
const noWait = async () => undefined;

beforeAll(async () => {
  server = createServer(createLegacyApi().handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  client = new LegacyMilvusClient({ endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, sleep: noWait, requestsPerSecond: 1000 });
});
afterAll(() => {
  server.close();
});

describe("LegacyMilvusClient against the emulated 0.x server", () => {
  it("runs a legacy stack's calls end to end", async () => {
    await client.state();
    expect(await client.version()).toMatch(/^0\./);
    await client.createCollection({ collection_name: "old_books", dimension: 8, index_file_size: 1024, metric_type: "L2" });
    await client.createIndex("old_books", { index_type: "IVFSQ8", params: { nlist: 1024 } });
    await client.createPartition("old_books", "p2019");
    await client.createPartition("old_books", "p2020");
    await client.setAdvancedConfig({ cpu_cache_capacity: 8, cache_insert_data: false, use_blas_threshold: 1100, gpu_search_threshold: 1000 });
    await client.setGpuConfig({ enable: true, cache_capacity: 2, search_resources: ["GPU0"], build_index_resources: ["GPU0"] });

    expect(await client.getIndex("old_books")).toEqual({ index_type: "IVFSQ8", params: { nlist: 1024 } });
    expect(await collect(client.listPartitions("old_books"))).toEqual(["_default", "p2019", "p2020"]);
    expect((await client.getAdvancedConfig()).cpu_cache_capacity).toBe(8);
    expect(await client.getGpuConfig()).toEqual({ enable: true, cache_capacity: 2, search_resources: ["GPU0"], build_index_resources: ["GPU0"] });

    // Change the index params: the API keeps one index per collection, so drop and create.
    await client.dropIndex("old_books");
    await client.createIndex("old_books", { index_type: "IVFSQ8", params: { nlist: 2048 } });
    expect((await client.getIndex("old_books")).params).toEqual({ nlist: 2048 });

    // Row counts per partition, what a drop without allowDataLoss must check.
    const ids = await client.insertVectors("old_books", { vectors: [[1, 2, 3, 4, 5, 6, 7, 8]], partition_tag: "p2020" });
    expect(ids).toHaveLength(1);
    await client.flush(["old_books"]);
    const stats = await client.collectionStats("old_books");
    expect(stats.row_count).toBe(1);
    expect(stats.partitions.map((p) => [p.tag, p.row_count, p.segments.length])).toEqual([["_default", 0, 0], ["p2019", 0, 0], ["p2020", 1, 1]]);
    expect((await client.describeCollection("old_books")).count).toBe(1);
    expect(await client.hasPartition("old_books", "p2019")).toBe(true);

    await client.dropPartition("old_books", "p2019");
    expect(await client.hasPartition("old_books", "p2019")).toBe(false);
    await client.dropCollection("old_books");
    await expect(client.describeCollection("old_books")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("classifies failures: bad params are invalid, a missing collection not found, an unknown path unsupported", async () => {
    await client.createCollection({ collection_name: "checks", dimension: 4 });
    await expect(client.createIndex("checks", { index_type: "IVFSQ8", params: { nlist: -1 } })).rejects.toMatchObject({ code: 22, kind: "invalid_argument" });
    await expect(client.createIndex("checks", { index_type: "HNSW", params: { M: 100, efConstruction: 64 } })).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(client.setGpuConfig({ enable: true, cache_capacity: 1, search_resources: ["GPU7"] })).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(client.flush(["missing"])).rejects.toMatchObject({ code: 4, kind: "not_found" });
    await expect(client.getIndex("missing")).rejects.toBeInstanceOf(NotFoundError);
    const unknownPath = client.transport.call({ method: "GET", path: "/collections/checks/nothing", schema: z.unknown(), idempotent: true });
    await expect(unknownPath).rejects.toBeInstanceOf(UnsupportedEndpointError);
    await client.dropCollection("checks");
  });

  it("legacyIndexProblems agrees with the emulated server on which index params it accepts", async () => {
    await client.createCollection({ collection_name: "agree", dimension: 64, metric_type: "L2" });
    await client.createCollection({ collection_name: "agree_bits", dimension: 64, metric_type: "HAMMING" });
    const cases: [string, string, Record<string, unknown>][] = [
      ["agree", "IVFSQ8", { nlist: 1024 }],
      ["agree", "IVFSQ8", { nlist: 0 }],
      ["agree", "IVFPQ", { nlist: 1024, m: 16 }],
      ["agree", "IVFPQ", { nlist: 1024, m: 48 }],
      ["agree", "HNSW", { M: 64, efConstruction: 8 }],
      ["agree", "HNSW", { M: 65, efConstruction: 8 }],
      ["agree", "RNSG", { search_length: 10, out_degree: 300, candidate_pool_size: 1000, knng: 5 }],
      ["agree", "RNSG", { search_length: 301, out_degree: 300, candidate_pool_size: 1000, knng: 5 }],
      ["agree", "ANNOY", { n_trees: 1024 }],
      ["agree", "ANNOY", { n_trees: 1025 }],
      ["agree", "FLAT", {}],
      ["agree_bits", "IVFFLAT", { nlist: 16 }],
      ["agree_bits", "HNSW", { M: 16, efConstruction: 64 }],
    ];
    for (const [name, type, params] of cases) {
      const expected = legacyIndexProblems(type, params, { metricType: name === "agree" ? "L2" : "HAMMING", dimension: 64 }).length === 0;
      const accepted = await client.createIndex(name, { index_type: type, params }).then(
        () => true,
        (error: unknown) => {
          expect(error).toBeInstanceOf(InvalidArgumentError);
          return false;
        },
      );
      expect({ type, params, accepted }).toEqual({ type, params, accepted: expected });
    }
    await client.dropCollection("agree");
    await client.dropCollection("agree_bits");
  });

  it("reads a collection's data out through its segments, searches and deletes", async () => {
    await client.createCollection({ collection_name: "export_me", dimension: 2, metric_type: "IP" });
    await client.createPartition("export_me", "p");
    const first = await client.insertVectors("export_me", { vectors: [[1, 0], [0, 1], [1, 1]] });
    const second = await client.insertVectors("export_me", { vectors: [[2, 2]], partition_tag: "p" });
    await client.flush(["export_me"]);
    const segments = await collect(client.listSegments("export_me", { pageSize: 1 }));
    expect(segments.map((s) => [s.partition_tag, s.row_count])).toEqual([["_default", 3], ["p", 1]]);
    const rows = [];
    for (const segment of segments) rows.push(...(await collect(client.segmentVectors("export_me", segment.name, { pageSize: 2 }))));
    expect(rows.map((r) => r.id)).toEqual([...first, ...second]);
    expect(rows.map((r) => r.vector)).toEqual([[1, 0], [0, 1], [1, 1], [2, 2]]);

    // IP ranks the largest product first.
    const [hits] = await client.search("export_me", { topk: 3, vectors: [[1, 0.5]], params: {} });
    expect(hits!.map((h) => [h.id, h.distance])).toEqual([[second[0], 3], [first[2], 1.5], [first[0], 1]]);
    const [inP] = await client.search("export_me", { topk: 3, vectors: [[1, 0.5]], params: {}, partition_tags: ["p"] });
    expect(inP!.map((h) => h.id)).toEqual(second);

    await client.deleteVectors("export_me", [second[0]!]);
    expect(await client.getVectors("export_me", [second[0]!, first[0]!])).toEqual([{ id: first[0], vector: [1, 0] }]);
    expect((await client.collectionStats("export_me")).partitions.map((p) => p.row_count)).toEqual([3, 0]);
    await client.dropCollection("export_me");
  });

  it("legacyCollectionProblems and legacyPartitionTagProblem agree with the emulated server", async () => {
    const accepted = (call: Promise<void>) =>
      call.then(
        () => true,
        (error: unknown) => {
          expect(error).toBeInstanceOf(InvalidArgumentError);
          return false;
        },
      );
    const collections = [
      { collection_name: "rules_a", dimension: 8, metric_type: "JACCARD" },
      { collection_name: "rules_b", dimension: 12, metric_type: "JACCARD" },
      { collection_name: "9rules", dimension: 8 },
      { collection_name: "rules_c", dimension: 40000 },
      { collection_name: "rules_d", dimension: 8, index_file_size: 0 },
      { collection_name: "rules_e", dimension: 8, metric_type: "COSINE" },
    ];
    for (const body of collections) {
      const ok = await accepted(client.createCollection(body));
      expect({ body, ok }).toEqual({ body, ok: legacyCollectionProblems(body).length === 0 });
    }
    for (const tag of ["p1", "p$1", "$p", "p 1", "_p", "t".repeat(256)]) {
      const ok = await accepted(client.createPartition("rules_a", tag));
      expect({ tag, ok }).toEqual({ tag, ok: legacyPartitionTagProblem(tag) === undefined });
    }
    await client.dropCollection("rules_a");
  });
});
