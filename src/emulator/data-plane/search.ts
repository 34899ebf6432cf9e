/**
 * Brute-force vector search shared by v2 `entities/search` and v1 `search`: exact distances for the field's
 * metric, filter and partitions applied first, range search (`radius`/`range_filter`), grouping, then
 * `offset`/`limit` per query vector.
 */
import { Code, DataPlaneError, invalidParameter } from "./errors";
import { Float32 } from "./json-text";
import type { RowPredicate } from "./filter/compile";
import type { CollectionState, FieldState, RowState } from "./state";
import { VECTOR_TYPES } from "./collection-schema";
import { outputRow } from "./rows";
import { ascending, binaryDistance, bm25Scores, denseDistance, sparseEntries, sparseIp } from "./search-metrics";

export interface SearchRequest {
  /** One entry per query: a dense/binary vector, a sparse vector, or a text (BM25 output fields). */
  queries: unknown[];
  annsField?: string;
  predicate: RowPredicate;
  partitions: string[];
  limit: number;
  offset: number;
  metricType?: string;
  radius?: number;
  rangeFilter?: number;
  groupingField?: string;
  groupSize?: number;
  outputFields?: string[];
  int64AsString: boolean;
}

/** The vector field searched: `annsField`, or the only vector field. */
export function searchField(coll: CollectionState, annsField: string | undefined): FieldState {
  const vectors = coll.fields.filter((f) => VECTOR_TYPES.includes(f.dataType));
  if (annsField) {
    const named = vectors.find((f) => f.name === annsField);
    if (!named) throw new DataPlaneError(1700, `field not found[field=${annsField}]`);
    return named;
  }
  if (vectors.length > 1) throw invalidParameter("multiple anns_fields exist, please specify a anns_field in search_params");
  return vectors[0]!;
}

/** One ranked hit: the stored row and its distance/score. */
export interface Hit {
  r: RowState;
  d: number;
}

/** The index metric of the searched field, checked against a requested one (1100 when they differ). */
export function searchMetric(coll: CollectionState, field: FieldState, requested: string | undefined): string {
  const metric = coll.indexes.find((i) => i.fieldName === field.name)?.metricType || "COSINE";
  if (requested && requested !== metric) {
    throw new DataPlaneError(Code.parameterInvalid, `metric type not match: invalid parameter[expected=${metric}][actual=${requested}]`);
  }
  return metric;
}

/** The hits of one query vector, best first: filter, partitions, range, order, grouping, offset and limit. */
export function rankHits(coll: CollectionState, field: FieldState, metric: string, query: unknown, req: Omit<SearchRequest, "queries" | "outputFields" | "int64AsString">): Hit[] {
  const candidates = coll.rows.filter((r) => req.partitions.includes(r.partition) && req.predicate(r.data));
  const scores = score(coll, field, metric, query, candidates);
  const order = ascending(metric);
  let hits = candidates.map((r, i) => ({ r, d: scores[i]! }));
  // Sparse searches only reach documents that share a dimension (a term) with the query.
  if (field.dataType === "SparseFloatVector") hits = hits.filter((h) => h.d > 0);
  if (req.radius !== undefined) {
    const radius = req.radius;
    const bound = req.rangeFilter;
    hits = hits.filter(({ d }) => (order ? d < radius && (bound === undefined || d >= bound) : d > radius && (bound === undefined || d <= bound)));
  }
  // A stable sort keeps insertion order among equal distances.
  hits.sort((x, y) => (order ? x.d - y.d : y.d - x.d));
  return req.groupingField ? groupHits(hits, req.groupingField, req.groupSize ?? 1, req.offset, req.limit) : hits.slice(req.offset, req.offset + req.limit);
}

/** A result row: the output fields (default: the primary key) and the float32 `distance`. */
export function hitRow(coll: CollectionState, hit: Hit, outputFields: string[] | undefined, int64AsString: boolean): Record<string, unknown> {
  const pk = coll.fields.find((f) => f.primaryKey)!;
  const fields = outputFields && outputFields.length > 0 ? outputFields : [pk.name];
  return { ...outputRow(coll, hit.r.data, fields, int64AsString), distance: new Float32(hit.d) };
}

/** The largest `limit` (+ `offset`) a search or query may ask for. */
export const MAX_RESULT_WINDOW = 16384;

/** 65535 `topk [n] is invalid, …` (or `offset+topk`) beyond 16384, as the server words it. */
export function checkTopK(limit: number, offset: number): void {
  if (limit > MAX_RESULT_WINDOW || limit < 1) {
    throw new DataPlaneError(Code.unexpected, `topk [${limit}] is invalid, top k should be in range [1, ${MAX_RESULT_WINDOW}], but got ${limit}`);
  }
  if (limit + offset > MAX_RESULT_WINDOW) {
    const n = limit + offset;
    throw new DataPlaneError(Code.unexpected, `offset+topk [${n}] is invalid, top k should be in range [1, ${MAX_RESULT_WINDOW}], but got ${n}`);
  }
}

/** 65535 `invalid max query result window, …` when a query's offset+limit passes 16384. */
export function checkQueryWindow(limit: number, offset: number): void {
  if (limit + offset > MAX_RESULT_WINDOW) {
    throw new DataPlaneError(Code.unexpected, `invalid max query result window, (offset+limit) should be in range [1, ${MAX_RESULT_WINDOW}], but got ${limit + offset}`);
  }
}

/** Runs the search; rows carry `distance` (float32) and the output fields, `topks` counts hits per query. */
export function runSearch(coll: CollectionState, req: SearchRequest): { rows: Record<string, unknown>[]; topks: number[] } {
  checkTopK(req.limit, req.offset);
  const field = searchField(coll, req.annsField);
  const metric = searchMetric(coll, field, req.metricType);
  const rows: Record<string, unknown>[] = [];
  const topks: number[] = [];
  for (const query of req.queries) {
    const page = rankHits(coll, field, metric, query, req);
    topks.push(page.length);
    for (const hit of page) rows.push(hitRow(coll, hit, req.outputFields, req.int64AsString));
  }
  return { rows, topks };
}

function score(coll: CollectionState, field: FieldState, metric: string, query: unknown, rows: RowState[]): number[] {
  if (field.dataType === "SparseFloatVector") {
    if (typeof query === "string") {
      const fn = (coll.functions as { inputFieldNames?: string[]; outputFieldNames?: string[] }[]).find((x) => x.outputFieldNames?.includes(field.name));
      const input = fn?.inputFieldNames?.[0];
      if (!input) throw invalidParameter(`field ${field.name} is not the output of a BM25 function, a text query cannot be used`);
      return bm25Scores(query, rows.map((r) => String(r.data[input] ?? "")));
    }
    const q = sparseEntries(query);
    return rows.map((r) => sparseIp(q, sparseEntries(r.data[field.name])));
  }
  const dim = Number(field.params.find((p) => p[0] === "dim")?.[1] ?? 0);
  const width = field.dataType === "BinaryVector" ? dim / 8 : dim;
  if (!Array.isArray(query) || query.some((x) => typeof x !== "number")) throw invalidParameter(`the search data of field ${field.name} must be a list of numbers`);
  if (query.length !== width) {
    const unit = field.dataType === "BinaryVector" ? 1 : 4;
    throw invalidParameter(`vector dimension mismatch, expected vector size(byte) ${width * unit}, actual ${query.length * unit}.`);
  }
  const vector = query as number[];
  if (field.dataType === "BinaryVector") return rows.map((r) => binaryDistance(metric, vector, r.data[field.name] as number[]));
  return rows.map((r) => denseDistance(metric, vector, r.data[field.name] as number[]));
}

/** Best `groupSize` hits of each distinct `groupingField` value, groups ranked by their best hit. */
export function groupHits<T extends Hit>(hits: T[], groupingField: string, groupSize: number, offset: number, limit: number): T[] {
  const groups = new Map<string, T[]>();
  for (const hit of hits) {
    const key = JSON.stringify(hit.r.data[groupingField] ?? null);
    const group = groups.get(key) ?? [];
    if (!groups.has(key)) groups.set(key, group);
    if (group.length < groupSize) group.push(hit);
  }
  return [...groups.values()].slice(offset, offset + limit).flat();
}
