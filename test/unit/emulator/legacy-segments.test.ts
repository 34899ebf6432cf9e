/**
 * Legacy 0.x segments through the HTTP surface: a flush seals unflushed rows into one segment per partition,
 * deletes leave segments, compact drops the empty ones, paging, and old snapshots still restore.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createLegacyApi, type LegacyApi } from "../../../src/emulator/legacy";
import { request } from "./http";

let server: Server | undefined;
afterEach(() => {
  server?.close();
  server = undefined;
});

async function start(api: LegacyApi) {
  server = createServer(api.handle);
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return (method: string, path: string, body?: unknown) => request(url, method, path, { body });
}

describe("legacy segments", () => {
  it("seals unflushed rows per partition on each flush, and only those", async () => {
    let clock = 1_600_000_000_000;
    const call = await start(createLegacyApi({ now: () => clock }));
    await call("POST", "/collections", { collection_name: "c", dimension: 2 });
    await call("POST", "/collections/c/partitions", { partition_tag: "p" });
    await call("POST", "/collections/c/vectors", { vectors: [[1, 1], [2, 2]] });
    await call("POST", "/collections/c/vectors", { vectors: [[3, 3]], partition_tag: "p" });
    expect((await call("GET", "/collections/c/segments")).body).toEqual({ code: 0, message: "OK", count: 0, segments: [] });

    clock += 1000;
    expect((await call("PUT", "/system/task", { flush: { collection_names: ["c"] } })).body).toEqual({ code: 0, message: "success" });
    const first = (await call("GET", "/collections/c/segments")).body;
    expect(first.count).toBe(2);
    expect(first.segments.map((s: { partition_tag: string; row_count: number; data_size: number; index_name: string }) => [s.partition_tag, s.row_count, s.data_size, s.index_name])).toEqual([
      ["_default", 2, 32, "FLAT"],
      ["p", 1, 16, "FLAT"],
    ]);
    // A second flush with nothing new seals nothing; new rows get a new segment of their own.
    await call("PUT", "/system/task", { flush: { collection_names: ["c"] } });
    expect((await call("GET", "/collections/c/segments")).body.count).toBe(2);
    const [added] = (await call("POST", "/collections/c/vectors", { vectors: [[4, 4]] })).body.ids as string[];
    await call("PUT", "/system/task", { flush: { collection_names: ["c"] } });
    const stat = (await call("GET", "/collections/c?info=stat")).body;
    expect(stat.row_count).toBe(4);
    expect(stat.partitions.map((p: { tag: string; row_count: number; segments: { row_count: number }[] }) => [p.tag, p.row_count, p.segments.map((s) => s.row_count)])).toEqual([
      ["_default", 3, [2, 1]],
      ["p", 1, [1]],
    ]);
    const newest = stat.partitions[0].segments[1].name as string;
    expect((await call("GET", `/collections/c/segments/${newest}/ids`)).body).toEqual({ ids: [added], count: 1 });
  });

  it("pages segment vectors and IDs, and follows deletes, compact and partition drops", async () => {
    const call = await start(createLegacyApi({ now: () => 1_600_000_000_000 }));
    await call("POST", "/collections", { collection_name: "c", dimension: 1 });
    await call("POST", "/collections/c/partitions", { partition_tag: "p" });
    const ids = (await call("POST", "/collections/c/vectors", { vectors: [[0.5], [0.6], [0.7]], ids: ["30", "20", "10"] })).body.ids as string[];
    expect(ids).toEqual(["30", "20", "10"]);
    await call("POST", "/collections/c/vectors", { vectors: [[0.9]], ids: ["40"], partition_tag: "p" });
    await call("PUT", "/system/task", { flush: { collection_names: ["c"] } });
    const listed = (await call("GET", "/collections/c/segments?offset=1&page_size=5")).body;
    expect(listed.count).toBe(2);
    expect(listed.segments.map((s: { partition_tag: string }) => s.partition_tag)).toEqual(["p"]);
    const name = (await call("GET", "/collections/c/segments?page_size=1")).body.segments[0].name as string;

    // Insertion order, not the order of the IDs.
    expect((await call("GET", `/collections/c/segments/${name}/vectors?offset=0&page_size=2`)).body).toEqual({
      code: 0, message: "OK", count: 3, vectors: [{ vector: [0.5], id: "30" }, { vector: [0.6], id: "20" }],
    });
    expect((await call("GET", `/collections/c/segments/${name}/ids?offset=1`)).body).toEqual({ ids: ["20", "10"], count: 3 });
    expect((await call("GET", `/collections/c/segments/${name}/ids?offset=5`)).body).toEqual({ ids: [], count: 3 });
    expect((await call("GET", `/collections/c/segments/${name}/ids?page_size=x`)).body.code).toBe(37);

    await call("PUT", "/collections/c/vectors", { delete: { ids: ["30", "20", "10", "999"] } });
    expect((await call("GET", `/collections/c/segments/${name}/ids`)).body).toEqual({ ids: [], count: 0 });
    expect((await call("GET", "/collections/c")).body.count).toBe(1);
    // The emptied segment stays until a compact.
    expect((await call("GET", "/collections/c/segments")).body.count).toBe(2);
    await call("PUT", "/system/task", { compact: { collection_name: "c" } });
    expect((await call("GET", "/collections/c/segments")).body.count).toBe(1);
    expect((await call("GET", `/collections/c/segments/${name}/ids`)).status).toBe(404);

    await call("DELETE", "/collections/c/partitions", { partition_tag: "p" });
    expect((await call("GET", "/collections/c/segments")).body).toEqual({ code: 0, message: "OK", count: 0, segments: [] });
  });

  it("hands out increasing IDs even when the clock stands still", async () => {
    const call = await start(createLegacyApi({ now: () => 1_578_989_029_645.098 }));
    await call("POST", "/collections", { collection_name: "c", dimension: 1 });
    const a = (await call("POST", "/collections/c/vectors", { vectors: [[1], [2]] })).body.ids as string[];
    const b = (await call("POST", "/collections/c/vectors", { vectors: [[3]] })).body.ids as string[];
    expect([...a, ...b]).toEqual(["1578989029645098000", "1578989029645098001", "1578989029645098002"]);
  });
});

describe("legacy snapshots", () => {
  it("restores a snapshot written before segments and GPU config existed", async () => {
    // The format of the first emulator: no `segments`, no `gpu`, `lastId` a small counter.
    const old = {
      collections: {
        kept: {
          collection_name: "kept", dimension: 1, index_file_size: 1024, metric_type: "L2", index: "IVFFLAT", index_params: { nlist: 128 },
          partitions: ["_default", "p"], vectors: { "1700000000000000001": ["_default", [0.1]], "1700000000000000002": ["p", [0.2]] },
        },
      },
      config: { cpu_cache_capacity: 6, cache_insert_data: true, use_blas_threshold: 1100, gpu_search_threshold: 1000 },
      lastId: 2,
    };
    const api = createLegacyApi({ now: () => 1_600_000_000_000 });
    api.restore(old);
    const call = await start(api);
    expect((await call("GET", "/config/advanced")).body.cpu_cache_capacity).toBe(6);
    expect((await call("GET", "/config/gpu_resources")).body).toEqual({ enable: true, cache_capacity: 1, search_resources: ["GPU0"], build_index_resources: ["GPU0"] });
    expect((await call("GET", "/collections/kept?info=stat")).body).toEqual({
      partitions: [{ row_count: 1, segments: [], tag: "_default" }, { row_count: 1, segments: [], tag: "p" }],
      row_count: 2,
    });
    // The restored rows are searchable and flushable; new IDs come after the restored ones.
    const found = (await call("PUT", "/collections/kept/vectors", { search: { topk: 1, vectors: [[0.2]], params: { nprobe: 1 } } })).body;
    expect(found).toEqual({ num: 1, results: [[{ id: "1700000000000000002", distance: "0.000000" }]] });
    await call("PUT", "/system/task", { flush: { collection_names: ["kept"] } });
    expect((await call("GET", "/collections/kept/segments")).body.count).toBe(2);
    const [next] = (await call("POST", "/collections/kept/vectors", { vectors: [[0.3]] })).body.ids as string[];
    expect(BigInt(next!)).toBeGreaterThan(1_700_000_000_000_000_002n);
    // And a new snapshot restores to the same answers.
    const again = createLegacyApi();
    again.restore(JSON.parse(JSON.stringify(api.snapshot())));
    expect(again.snapshot()).toEqual(api.snapshot());
  });
});
