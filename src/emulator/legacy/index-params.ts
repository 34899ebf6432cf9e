/**
 * Index types, their build parameters and their search parameters (seed 002, "Index and search parameters";
 * the ranges are those a 0.10 server enforces).
 */
import { LegacyCode, bad } from "./errors";
import { isBinaryMetric } from "./metrics";

export const INDEX_TYPES = ["FLAT", "IVFFLAT", "IVFSQ8", "IVFSQ8H", "IVFPQ", "HNSW", "ANNOY", "RNSG"] as const;

/** Build parameters per index type: name -> inclusive range. */
const BUILD_RANGES: Record<string, Record<string, [number, number]>> = {
  FLAT: {},
  IVFFLAT: { nlist: [1, 65536] },
  IVFSQ8: { nlist: [1, 65536] },
  IVFSQ8H: { nlist: [1, 65536] },
  IVFPQ: { nlist: [1, 65536], m: [1, 96] },
  HNSW: { M: [4, 64], efConstruction: [8, 512] },
  RNSG: { search_length: [10, 300], out_degree: [5, 300], candidate_pool_size: [50, 1000], knng: [5, 300] },
  ANNOY: { n_trees: [1, 1024] },
};

/** IVFPQ's `m` must be one of these and divide the dimension. */
const PQ_M = [1, 2, 3, 4, 8, 12, 16, 20, 24, 28, 32, 40, 48, 56, 64, 96];

function checkRange(params: Record<string, unknown>, key: string, [low, high]: [number, number], code: number): void {
  const value = params[key];
  if (value === undefined || value === null) throw bad(code, `Parameter '${key}' is missing in params.`);
  if (typeof value !== "number" || !Number.isInteger(value) || value < low || value > high) {
    throw bad(code, `Invalid ${key}: ${JSON.stringify(value)}. ${key} must be an integer within the range of ${low} ~ ${high}.`);
  }
}

/** Checks `POST /collections/{name}/indexes` for a collection of `metric` and `dimension`. */
export function checkIndex(type: string, params: Record<string, unknown>, metric: string, dimension: number): void {
  const ranges = BUILD_RANGES[type];
  if (!ranges) throw bad(LegacyCode.illegalIndexType, `Invalid index type: ${type}`);
  // A binary collection has a flat and an inverted-file index only; the structure metrics only flat.
  if (isBinaryMetric(metric)) {
    const allowed = metric === "SUBSTRUCTURE" || metric === "SUPERSTRUCTURE" ? ["FLAT"] : ["FLAT", "IVFFLAT"];
    if (!allowed.includes(type)) throw bad(LegacyCode.illegalIndexType, `Index type ${type} does not support metric type ${metric}. Use ${allowed.join(" or ")}.`);
  }
  for (const [key, range] of Object.entries(ranges)) checkRange(params, key, range, key === "nlist" ? LegacyCode.illegalNlist : LegacyCode.illegalArgument);
  if (type === "IVFPQ") {
    const m = params.m as number;
    if (!PQ_M.includes(m) || dimension % m !== 0) {
      throw bad(LegacyCode.illegalArgument, `Invalid m: ${m}. m must be one of ${PQ_M.join(", ")} and divide the collection dimension (${dimension}).`);
    }
  }
}

/** Checks a search's `params` against the collection's index (FLAT needs none, the others their one key). */
export function checkSearchParams(index: string, params: Record<string, unknown>, topk: number): void {
  if (index.startsWith("IVF")) checkRange(params, "nprobe", [1, 2048], LegacyCode.illegalArgument);
  else if (index === "HNSW") checkRange(params, "ef", [topk, 4096], LegacyCode.illegalArgument);
  else if (index === "RNSG") checkRange(params, "search_length", [10, 300], LegacyCode.illegalArgument);
  else if (index === "ANNOY") checkRange(params, "search_k", [-1, Number.MAX_SAFE_INTEGER], LegacyCode.illegalArgument);
}
