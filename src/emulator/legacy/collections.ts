/** The 0.x collection resources: collections, indexes, partitions and vectors. */
import { LegacyCode, bad, missingCollection, LegacyError } from "./errors";

export interface LegacyCollection {
  collection_name: string;
  dimension: number;
  index_file_size: number;
  metric_type: string;
  index: string;
  index_params: Record<string, unknown>;
  partitions: string[];
  /** id -> [partition tag, vector] */
  vectors: Record<string, [string, number[]]>;
}

export interface LegacyState {
  collections: Record<string, LegacyCollection>;
  config: { cpu_cache_capacity: number; cache_insert_data: boolean; use_blas_threshold: number; gpu_search_threshold: number };
  lastId: number;
}

const METRICS = ["L2", "IP", "HAMMING", "JACCARD", "TANIMOTO", "SUBSTRUCTURE", "SUPERSTRUCTURE"];
export const INDEX_TYPES = ["FLAT", "IVFFLAT", "IVFSQ8", "IVFSQ8H", "IVFPQ", "HNSW", "ANNOY", "RNSG"];

export function collectionOf(state: LegacyState, name: string): LegacyCollection {
  const found = state.collections[name];
  if (!found) throw missingCollection(name);
  return found;
}

function intField(body: Record<string, unknown>, key: string, required: boolean, fallback: number): number {
  const value = body[key];
  if (value === undefined || value === null) {
    if (required) throw bad(LegacyCode.bodyFieldLoss, `Field '${key}' is missing`);
    return fallback;
  }
  if (typeof value !== "number" || !Number.isInteger(value)) throw bad(LegacyCode.illegalBody, `Field '${key}' must be an integer`);
  return value;
}

/** POST /collections */
export function createCollection(state: LegacyState, body: Record<string, unknown>): void {
  const name = body.collection_name;
  if (name === undefined || name === null) throw bad(LegacyCode.bodyFieldLoss, "Field 'collection_name' is missing");
  if (typeof name !== "string") throw bad(LegacyCode.illegalBody, "Field 'collection_name' must be a string");
  if (name === "" || name.length > 255 || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw bad(LegacyCode.illegalTableName, `Invalid collection name: ${name}. The first character of a collection name must be an underscore or letter, and it may only contain underscores, numbers and letters.`);
  }
  const dimension = intField(body, "dimension", true, 0);
  if (dimension < 1 || dimension > 32768) {
    throw bad(LegacyCode.illegalDimension, `Invalid collection dimension: ${dimension}. The collection dimension must be within the range of 1 ~ 32768.`);
  }
  const indexFileSize = intField(body, "index_file_size", false, 1024);
  if (indexFileSize < 1 || indexFileSize > 4096) {
    throw bad(LegacyCode.illegalArgument, `Invalid index file size: ${indexFileSize}. The index file size must be within the range of 1 ~ 4096.`);
  }
  const metric = body.metric_type ?? "L2";
  if (typeof metric !== "string" || !METRICS.includes(metric)) {
    throw bad(LegacyCode.illegalMetricType, `Invalid metric type: ${String(metric)}. Make sure the metric type is in MetricType list.`);
  }
  if (state.collections[name]) throw bad(LegacyCode.illegalTableName, `Collection ${name} already exists.`);
  state.collections[name] = {
    collection_name: name, dimension, index_file_size: indexFileSize, metric_type: metric, index: "FLAT",
    index_params: { nlist: 16384 }, partitions: ["_default"], vectors: {},
  };
}

/** The summary shape used by GET /collections and GET /collections/{name}. */
export function summary(c: LegacyCollection): Record<string, unknown> {
  return {
    collection_name: c.collection_name, dimension: c.dimension, index_file_size: c.index_file_size, metric_type: c.metric_type,
    count: Object.keys(c.vectors).length, index: c.index, index_params: c.index_params,
  };
}

/** GET /collections/{name}?info=stat */
export function stats(c: LegacyCollection): Record<string, unknown> {
  const rows = (tag: string) => Object.values(c.vectors).filter((v) => v[0] === tag).length;
  return {
    partitions: c.partitions.map((tag) => ({ row_count: rows(tag), segments: [], tag })),
    row_count: Object.keys(c.vectors).length,
  };
}

/** POST /collections/{name}/indexes */
export function createIndex(c: LegacyCollection, body: Record<string, unknown>): void {
  const type = body.index_type ?? "FLAT";
  if (typeof type !== "string" || !INDEX_TYPES.includes(type)) throw bad(LegacyCode.illegalIndexType, `Invalid index type: ${String(type)}`);
  const params = body.params ?? {};
  if (typeof params !== "object" || Array.isArray(params) || params === null) throw bad(LegacyCode.illegalBody, "Field 'params' must be a JSON object");
  c.index = type;
  c.index_params = params as Record<string, unknown>;
}

/** POST /collections/{name}/partitions */
export function createPartition(c: LegacyCollection, body: Record<string, unknown>): void {
  const tag = body.partition_tag;
  if (tag === undefined || tag === null) throw bad(LegacyCode.bodyFieldLoss, "Field 'partition_tag' is missing");
  if (typeof tag !== "string" || tag.trim() === "") throw bad(LegacyCode.illegalArgument, "Invalid partition tag");
  if (c.partitions.includes(tag)) throw bad(LegacyCode.illegalArgument, `Duplicate partition tag: ${tag}`);
  c.partitions.push(tag);
}

/** DELETE /collections/{name}/partitions */
export function dropPartition(c: LegacyCollection, body: Record<string, unknown>): void {
  const tag = body.partition_tag;
  if (tag === undefined || tag === null) throw bad(LegacyCode.bodyFieldLoss, "Field 'partition_tag' is missing");
  if (tag === "_default") throw bad(LegacyCode.illegalArgument, "Default partition cannot be dropped.");
  if (typeof tag !== "string" || !c.partitions.includes(tag)) {
    throw new LegacyError(404, LegacyCode.illegalArgument, `Partition ${String(tag)} does not exist.`);
  }
  c.partitions = c.partitions.filter((p) => p !== tag);
  for (const [id, v] of Object.entries(c.vectors)) if (v[0] === tag) delete c.vectors[id];
}

/** POST /collections/{name}/vectors: returns the IDs (strings). */
export function insertVectors(state: LegacyState, c: LegacyCollection, body: Record<string, unknown>): string[] {
  const vectors = body.vectors;
  if (!Array.isArray(vectors)) throw bad(LegacyCode.bodyFieldLoss, "Field 'vectors' is missing");
  const tag = typeof body.partition_tag === "string" ? body.partition_tag : "_default";
  if (!c.partitions.includes(tag)) throw bad(LegacyCode.illegalArgument, `Partition ${tag} does not exist.`);
  const ids = body.ids;
  if (ids !== undefined && (!Array.isArray(ids) || ids.length !== vectors.length)) {
    throw bad(LegacyCode.illegalVectorId, "The size of vector ID array must be equal to the size of the vector.");
  }
  for (const v of vectors) {
    if (!Array.isArray(v) || v.length !== c.dimension || v.some((x) => typeof x !== "number")) {
      throw bad(LegacyCode.illegalDimension, `The vector dimension must be equal to the collection dimension (${c.dimension}).`);
    }
  }
  return vectors.map((v: number[], i) => {
    const id = ids ? String((ids as unknown[])[i]) : String(BigInt(Date.now()) * 1000000n + BigInt(++state.lastId));
    c.vectors[id] = [tag, v];
    return id;
  });
}
