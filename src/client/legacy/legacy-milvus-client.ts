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
  ...[5, 6, 7, 8, 9, 10, 11, 12, 22, 23, 31, 32, 33, 34, 35, 36, 37].map((c) => [c, "invalid_argument"] as [number, ApiErrorKind]),
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

type Opts = { signal?: AbortSignal };

/** Typed client for the Milvus 0.x REST API. */
export class LegacyMilvusClient {
  readonly transport: Transport;
  constructor(opts: Omit<TransportOptions, "baseUrl"> & { endpoint: string }) {
    const { endpoint, ...rest } = opts;
    this.transport = new Transport({ ...rest, baseUrl: endpoint }, "raw", LEGACY_ERROR_CODE_KINDS);
  }
  /** `GET /state`: resolves when the web server is up. */
  async state(o: Opts = {}): Promise<void> {
    await this.transport.call({ method: "GET", path: "/state", schema: ack, idempotent: true, signal: o.signal });
  }
  getAdvancedConfig(o: Opts = {}): Promise<AdvancedConfig> {
    return this.transport.call({ method: "GET", path: "/config/advanced", schema: advancedConfigSchema, idempotent: true, signal: o.signal });
  }
  async setAdvancedConfig(body: AdvancedConfig, o: Opts = {}): Promise<void> {
    await this.transport.call({ method: "PUT", path: "/config/advanced", body, schema: ack, idempotent: true, signal: o.signal });
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
  /** The seed sends the tag in a DELETE body. */
  async dropPartition(name: string, tag: string, o: Opts = {}): Promise<void> {
    await this.transport.call({ method: "DELETE", path: path`/collections/${name}/partitions`, body: { partition_tag: tag }, schema: ack, idempotent: true, signal: o.signal });
  }
}
