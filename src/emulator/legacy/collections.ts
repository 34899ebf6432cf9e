/** The 0.x collection resources: collections, their index and their partitions. */
import { LegacyCode, bad, missingCollection, LegacyError } from "./errors";
import { checkIndex } from "./index-params";
import { METRICS, isBinaryMetric } from "./metrics";
import type { LoadedCollection, LoadedState } from "./state";

export type { LegacyCollection, LegacyState } from "./state";
export { INDEX_TYPES } from "./index-params";

/** The index a new collection has, and the one a dropped index falls back to. */
const defaultIndex = () => ({ index: "FLAT", index_params: { nlist: 16384 } as Record<string, unknown> });

export function collectionOf(state: LoadedState, name: string): LoadedCollection {
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
export function createCollection(state: LoadedState, body: Record<string, unknown>): void {
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
  if (typeof metric !== "string" || !(METRICS as readonly string[]).includes(metric)) {
    throw bad(LegacyCode.illegalMetricType, `Invalid metric type: ${String(metric)}. Make sure the metric type is in MetricType list.`);
  }
  // Binary vectors travel packed in bytes, so their dimension counts whole bytes.
  if (isBinaryMetric(metric) && dimension % 8 !== 0) {
    throw bad(LegacyCode.illegalDimension, `Invalid collection dimension: ${dimension}. The dimension of a binary collection must be a multiple of 8.`);
  }
  if (state.collections[name]) throw bad(LegacyCode.illegalTableName, `Collection ${name} already exists.`);
  state.collections[name] = {
    collection_name: name, dimension, index_file_size: indexFileSize, metric_type: metric, ...defaultIndex(),
    partitions: ["_default"], vectors: {}, segments: [], unflushed: [],
  };
}

/** The summary shape used by GET /collections and GET /collections/{name}. */
export function summary(c: LoadedCollection): Record<string, unknown> {
  return {
    collection_name: c.collection_name, dimension: c.dimension, index_file_size: c.index_file_size, metric_type: c.metric_type,
    count: Object.keys(c.vectors).length, index: c.index, index_params: c.index_params,
  };
}

/** POST /collections/{name}/indexes */
export function createIndex(c: LoadedCollection, body: Record<string, unknown>): void {
  const type = body.index_type ?? "FLAT";
  if (typeof type !== "string") throw bad(LegacyCode.illegalIndexType, `Invalid index type: ${String(type)}`);
  const params = body.params ?? {};
  if (typeof params !== "object" || Array.isArray(params) || params === null) throw bad(LegacyCode.illegalBody, "Field 'params' must be a JSON object");
  checkIndex(type, params as Record<string, unknown>, c.metric_type, c.dimension);
  c.index = type;
  c.index_params = params as Record<string, unknown>;
}

/** DELETE /collections/{name}/indexes: back to the raw (FLAT) data with the default parameters. */
export function dropIndex(c: LoadedCollection): void {
  Object.assign(c, defaultIndex());
}

/** POST /collections/{name}/partitions */
export function createPartition(c: LoadedCollection, body: Record<string, unknown>): void {
  const tag = body.partition_tag;
  if (tag === undefined || tag === null) throw bad(LegacyCode.bodyFieldLoss, "Field 'partition_tag' is missing");
  if (typeof tag !== "string" || tag.trim() === "") throw bad(LegacyCode.illegalArgument, "Invalid partition tag: it must be a non-empty string.");
  // The server's tag rule: at most 255 characters, a letter, digit or underscore first, then letters, digits,
  // underscores or dollar signs.
  if (tag.length > 255 || !/^[A-Za-z0-9_][A-Za-z0-9_$]*$/.test(tag)) {
    throw bad(LegacyCode.illegalArgument, `Invalid partition tag: ${tag}. A tag may only contain numbers, letters, underscores and dollar signs, and must not start with a dollar sign.`);
  }
  if (c.partitions.includes(tag)) throw bad(LegacyCode.illegalArgument, `Duplicate partition tag: ${tag}`);
  c.partitions.push(tag);
}

/** DELETE /collections/{name}/partitions: the partition's rows and segments go with it. */
export function dropPartition(c: LoadedCollection, body: Record<string, unknown>): void {
  const tag = body.partition_tag;
  if (tag === undefined || tag === null) throw bad(LegacyCode.bodyFieldLoss, "Field 'partition_tag' is missing");
  if (tag === "_default") throw bad(LegacyCode.illegalArgument, "Default partition cannot be dropped.");
  if (typeof tag !== "string" || !c.partitions.includes(tag)) {
    throw new LegacyError(404, LegacyCode.illegalArgument, `Partition ${String(tag)} does not exist.`);
  }
  c.partitions = c.partitions.filter((p) => p !== tag);
  for (const [id, v] of Object.entries(c.vectors)) if (v[0] === tag) delete c.vectors[id];
  c.segments = c.segments.filter((s) => s.tag !== tag);
  c.unflushed = c.unflushed.filter((id) => c.vectors[id] !== undefined);
}
