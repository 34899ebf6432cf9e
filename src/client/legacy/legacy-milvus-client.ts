/**
 * `LegacyMilvusClient`: the Milvus 0.x web server (port 19121; seed 002). Bodies are not wrapped in
 * `{code, data}`: successes are the objects themselves, or `{"code":0,"message":"OK"}`; failures carry
 * `{code, message}` with HTTP 400/404. Its codes are its own, so it uses its own code table.
 */
import { z } from "zod";
import type { ApiErrorKind } from "../error-codes";
import { paginate } from "../paginate";
import { path, query } from "../path";
import { Transport, type TransportOptions } from "../transport";

/** The 0.x error code table (seed 002, "Error Codes"). */
export const LEGACY_ERROR_CODE_KINDS: ReadonlyMap<number, ApiErrorKind> = new Map<number, ApiErrorKind>([
  [1, "server_error"], // UNEXPECTED_ERROR
  [2, "server_error"], // CONNECT_FAILED
  [3, "permission_denied"],
  [4, "not_found"], // TABLE_NOT_EXISTS
  ...[5, 6, 7, 8, 9, 10, 11, 12, 22, 23, 31, 33, 34, 35, 36, 37].map((c) => [c, "invalid_argument"] as [number, ApiErrorKind]),
  // UNKNOWN_PATH: the server has no such endpoint (e.g. /config/gpu_resources on a CPU build). It must never
  // read as "the resource is gone".
  [32, "unsupported_endpoint"],
  ...[13, 14, 15, 16, 17, 18, 19, 20, 21, 24].map((c) => [c, "server_error"] as [number, ApiErrorKind]),
]);

const ack = z.object({ code: z.number().optional(), message: z.string().optional() }).transform(() => undefined as void);

export const legacyCollectionSchema = z.object({
  collection_name: z.string(),
  dimension: z.number().optional(),
  index_file_size: z.number().optional(),
  metric_type: z.string().optional(),
  count: z.number().optional(),
  index: z.string().optional(),
  index_params: z.record(z.string(), z.unknown()).optional(),
});
/** A 0.x collection. */
export type LegacyCollection = z.output<typeof legacyCollectionSchema>;

export const advancedConfigSchema = z.object({
  cpu_cache_capacity: z.number().optional(),
  cache_insert_data: z.boolean().optional(),
  use_blas_threshold: z.number().optional(),
  gpu_search_threshold: z.number().optional(),
});
/** `/config/advanced` values. */
export type AdvancedConfig = z.output<typeof advancedConfigSchema>;

export const gpuConfigSchema = z.object({
  enable: z.boolean(),
  cache_capacity: z.number().nullish().transform((v) => v ?? undefined),
  search_resources: z.array(z.string()).nullish().transform((v) => v ?? undefined),
  build_index_resources: z.array(z.string()).nullish().transform((v) => v ?? undefined),
});
/** `/config/gpu_resources` values (GPU builds only). Device names are `GPU0`, `GPU1`, … */
export type GpuConfig = z.output<typeof gpuConfigSchema>;
/** The body of `PUT /config/gpu_resources`: `enable` and `cache_capacity` are required by the server. */
export interface GpuConfigUpdate {
  enable: boolean;
  cache_capacity: number;
  search_resources?: string[];
  build_index_resources?: string[];
}

const segmentSchema = z.object({ name: z.string(), row_count: z.number(), data_size: z.number().optional(), index_name: z.string().optional() });
export const collectionStatsSchema = z.object({
  row_count: z.number(),
  partitions: z
    .array(z.object({ tag: z.string(), row_count: z.number(), segments: z.array(segmentSchema).nullish().transform((v) => v ?? []) }))
    .nullish()
    .transform((v) => v ?? []),
});
/** `GET /collections/{name}?info=stat`: row counts per partition, with their segments. */
export type LegacyCollectionStats = z.output<typeof collectionStatsSchema>;

export const legacySegmentSchema = z.object({
  name: z.string(),
  partition_tag: z.string(),
  row_count: z.number(),
  data_size: z.number().optional(),
  index_name: z.string().optional(),
});
/** One sealed segment, from `GET /collections/{name}/segments`. */
export type LegacySegment = z.output<typeof legacySegmentSchema>;

const vectorRowSchema = z.object({ id: z.string(), vector: z.array(z.number()) });
/** A stored vector: its ID (a digit string, beyond 2^53) and its values (packed bytes for binary metrics). */
export type LegacyVectorRow = z.output<typeof vectorRowSchema>;

/** One search hit; the server writes the distance as a string with six decimals (`inf` is possible). */
export interface LegacySearchHit {
  id: string;
  distance: number;
}

/** `/state` of a 0.x web server: exactly `{"code":0,"message":"Success"}`. */
const stateSchema = z.object({ code: z.literal(0), message: z.string() }).transform(() => undefined as void);

type Opts = { signal?: AbortSignal };

/** Typed client for the Milvus 0.x REST API. */
export class LegacyMilvusClient {
  readonly transport: Transport;
  constructor(opts: Omit<TransportOptions, "baseUrl"> & { endpoint: string }) {
    const { endpoint, ...rest } = opts;
    this.transport = new Transport({ ...rest, baseUrl: endpoint }, "raw", LEGACY_ERROR_CODE_KINDS);
  }
  /**
   * `GET /state`: resolves when the web server is up. A body other than the 0.x `{"code":0,"message":…}` (an
   * empty object, another server's JSON) is a ResponseValidationError, so a wrong endpoint is not taken for a
   * 0.x Milvus.
   */
  async state(o: Opts = {}): Promise<void> {
    await this.transport.call({ method: "GET", path: "/state", schema: stateSchema, idempotent: true, signal: o.signal });
  }
  /** `GET /system/version`: the server's version, e.g. `0.10.6`. */
  async version(o: Opts = {}): Promise<string> {
    const data = await this.transport.call({ method: "GET", path: "/system/version", schema: z.object({ reply: z.string() }), idempotent: true, signal: o.signal });
    return data.reply;
  }
  /** `GET /devices`: host memory and GPUs, in GB. */
  devices(o: Opts = {}): Promise<{ cpu: { memory: number }; gpus: Record<string, { memory: number }> }> {
    return this.transport.call({
      method: "GET",
      path: "/devices",
      schema: z.object({ cpu: z.object({ memory: z.number() }), gpus: z.record(z.string(), z.object({ memory: z.number() })).nullish().transform((v) => v ?? {}) }),
      idempotent: true,
      signal: o.signal,
    });
  }
  getAdvancedConfig(o: Opts = {}): Promise<AdvancedConfig> {
    return this.transport.call({ method: "GET", path: "/config/advanced", schema: advancedConfigSchema, idempotent: true, signal: o.signal });
  }
  async setAdvancedConfig(body: AdvancedConfig, o: Opts = {}): Promise<void> {
    await this.transport.call({ method: "PUT", path: "/config/advanced", body, schema: ack, idempotent: true, signal: o.signal });
  }
  /** `GET /config/gpu_resources` (GPU builds only; a CPU build answers an unknown path). */
  getGpuConfig(o: Opts = {}): Promise<GpuConfig> {
    return this.transport.call({ method: "GET", path: "/config/gpu_resources", schema: gpuConfigSchema, idempotent: true, signal: o.signal });
  }
  /** `PUT /config/gpu_resources`. */
  async setGpuConfig(body: GpuConfigUpdate, o: Opts = {}): Promise<void> {
    await this.transport.call({ method: "PUT", path: "/config/gpu_resources", body, schema: ack, idempotent: true, signal: o.signal });
  }
  /** `GET /collections?offset=&page_size=`, all pages. */
  listCollections(o: Opts & { pageSize?: number } = {}): AsyncIterable<LegacyCollection> {
    return paginate(async (page, pageSize) => {
      const data = await this.transport.call({
        method: "GET",
        path: `/collections${query({ offset: (page - 1) * pageSize, page_size: pageSize })}`,
        schema: z.object({ collections: z.array(legacyCollectionSchema).nullish().transform((v) => v ?? []), count: z.number().optional() }),
        idempotent: true,
        signal: o.signal,
      });
      return { items: data.collections, count: data.count };
    }, o.pageSize ?? 10);
  }
  async createCollection(body: { collection_name: string; dimension: number; index_file_size?: number; metric_type?: string }, o: Opts = {}): Promise<void> {
    await this.transport.call({ method: "POST", path: "/collections", body, schema: ack, idempotent: false, signal: o.signal });
  }
  describeCollection(name: string, o: Opts = {}): Promise<LegacyCollection> {
    return this.transport.call({ method: "GET", path: path`/collections/${name}`, schema: legacyCollectionSchema, idempotent: true, signal: o.signal });
  }
  /** `GET /collections/{name}?info=stat`: row counts per partition (what a data-loss check needs). */
  collectionStats(name: string, o: Opts = {}): Promise<LegacyCollectionStats> {
    return this.transport.call({ method: "GET", path: path`/collections/${name}` + query({ info: "stat" }), schema: collectionStatsSchema, idempotent: true, signal: o.signal });
  }
  async dropCollection(name: string, o: Opts = {}): Promise<void> {
    await this.transport.call({ method: "DELETE", path: path`/collections/${name}`, schema: ack, idempotent: true, signal: o.signal });
  }
  getIndex(name: string, o: Opts = {}): Promise<{ index_type: string; params: Record<string, unknown> }> {
    return this.transport.call({ method: "GET", path: path`/collections/${name}/indexes`, schema: z.object({ index_type: z.string(), params: z.record(z.string(), z.unknown()).default({}) }), idempotent: true, signal: o.signal });
  }
  async createIndex(name: string, body: { index_type?: string; params?: Record<string, unknown> }, o: Opts = {}): Promise<void> {
    await this.transport.call({ method: "POST", path: path`/collections/${name}/indexes`, body, schema: ack, idempotent: false, signal: o.signal });
  }
  async dropIndex(name: string, o: Opts = {}): Promise<void> {
    await this.transport.call({ method: "DELETE", path: path`/collections/${name}/indexes`, schema: ack, idempotent: true, signal: o.signal });
  }
  /** Partition tags, all pages. */
  listPartitions(name: string, o: Opts & { pageSize?: number } = {}): AsyncIterable<string> {
    return paginate(async (page, pageSize) => {
      const data = await this.transport.call({
        method: "GET",
        path: path`/collections/${name}/partitions` + query({ offset: (page - 1) * pageSize, page_size: pageSize }),
        schema: z.object({ partitions: z.array(z.object({ partition_tag: z.string() })).nullish().transform((v) => v ?? []), count: z.number().optional() }),
        idempotent: true,
        signal: o.signal,
      });
      return { items: data.partitions.map((p) => p.partition_tag), count: data.count };
    }, o.pageSize ?? 10);
  }
  async createPartition(name: string, tag: string, o: Opts = {}): Promise<void> {
    await this.transport.call({ method: "POST", path: path`/collections/${name}/partitions`, body: { partition_tag: tag }, schema: ack, idempotent: false, signal: o.signal });
  }
  /** Whether the collection has a partition with this tag (reads every page). */
  async hasPartition(name: string, tag: string, o: Opts = {}): Promise<boolean> {
    for await (const found of this.listPartitions(name, { ...o, pageSize: 100 })) if (found === tag) return true;
    return false;
  }
  /** The seed sends the tag in a DELETE body. */
  async dropPartition(name: string, tag: string, o: Opts = {}): Promise<void> {
    await this.transport.call({ method: "DELETE", path: path`/collections/${name}/partitions`, body: { partition_tag: tag }, schema: ack, idempotent: true, signal: o.signal });
  }
  /**
   * `POST /collections/{name}/vectors`: returns the IDs (strings). Binary collections take packed bytes
   * (dimension/8 integers of 0-255 per vector). Not idempotent: a retry would insert twice.
   */
  async insertVectors(name: string, body: { vectors: number[][]; partition_tag?: string; ids?: string[] }, o: Opts = {}): Promise<string[]> {
    const data = await this.transport.call({ method: "POST", path: path`/collections/${name}/vectors`, body, schema: z.object({ ids: z.array(z.string()) }), idempotent: false, signal: o.signal });
    return data.ids;
  }
  /** `PUT /system/task {"flush":{"collection_names":[…]}}`: seals inserted rows into segments. */
  async flush(names: string[], o: Opts = {}): Promise<void> {
    await this.transport.call({ method: "PUT", path: "/system/task", body: { flush: { collection_names: names } }, schema: ack, idempotent: true, signal: o.signal });
  }
  /** `GET /collections/{name}/segments?offset=&page_size=`, all pages. */
  listSegments(name: string, o: Opts & { pageSize?: number } = {}): AsyncIterable<LegacySegment> {
    return paginate(async (page, pageSize) => {
      const data = await this.transport.call({
        method: "GET",
        path: path`/collections/${name}/segments` + query({ offset: (page - 1) * pageSize, page_size: pageSize }),
        schema: z.object({ segments: z.array(legacySegmentSchema).nullish().transform((v) => v ?? []), count: z.number().optional() }),
        idempotent: true,
        signal: o.signal,
      });
      return { items: data.segments, count: data.count };
    }, o.pageSize ?? 100);
  }
  /** `GET /collections/{name}/segments/{segment}/vectors`, all pages: how a collection's data is read out. */
  segmentVectors(name: string, segment: string, o: Opts & { pageSize?: number } = {}): AsyncIterable<LegacyVectorRow> {
    return paginate(async (page, pageSize) => {
      const data = await this.transport.call({
        method: "GET",
        path: path`/collections/${name}/segments/${segment}/vectors` + query({ offset: (page - 1) * pageSize, page_size: pageSize }),
        schema: z.object({ vectors: z.array(vectorRowSchema).nullish().transform((v) => v ?? []), count: z.number().optional() }),
        idempotent: true,
        signal: o.signal,
      });
      return { items: data.vectors, count: data.count };
    }, o.pageSize ?? 100);
  }
  /** `GET /collections/{name}/vectors?ids=a,b`: the rows found. */
  async getVectors(name: string, ids: string[], o: Opts = {}): Promise<LegacyVectorRow[]> {
    const data = await this.transport.call({
      method: "GET",
      path: path`/collections/${name}/vectors` + query({ ids: ids.join(",") }),
      schema: z.object({ vectors: z.array(vectorRowSchema).nullish().transform((v) => v ?? []) }),
      idempotent: true,
      signal: o.signal,
    });
    return data.vectors;
  }
  /**
   * `PUT /collections/{name}/vectors {"search":…}`: one hit list per query vector, best first. `params` is
   * the index's search parameter (`{nprobe}` for IVF*, `{ef}` for HNSW, `{}` for FLAT).
   */
  async search(
    name: string,
    body: { topk: number; vectors: number[][]; params: Record<string, unknown>; partition_tags?: string[] },
    o: Opts = {},
  ): Promise<LegacySearchHit[][]> {
    const hit = z.object({ id: z.string(), distance: z.string() }).transform((h) => ({ id: h.id, distance: h.distance === "inf" ? Infinity : Number(h.distance) }));
    const data = await this.transport.call({
      method: "PUT",
      path: path`/collections/${name}/vectors`,
      body: { search: body },
      // The seed writes the lists under `results`; the 0.8 server source under `result`: read either.
      schema: z.object({ results: z.array(z.array(hit)).nullish(), result: z.array(z.array(hit)).nullish() }).transform((d) => d.results ?? d.result ?? []),
      idempotent: true,
      signal: o.signal,
    });
    return data;
  }
  /** `PUT /collections/{name}/vectors {"delete":{"ids":[…]}}`: IDs that are not there are ignored. */
  async deleteVectors(name: string, ids: string[], o: Opts = {}): Promise<void> {
    await this.transport.call({ method: "PUT", path: path`/collections/${name}/vectors`, body: { delete: { ids } }, schema: ack, idempotent: true, signal: o.signal });
  }
}
