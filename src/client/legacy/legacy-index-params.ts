/**
 * Index types of the Milvus 0.x API and the build parameters each takes (seed 002, "Index and search
 * parameters"; the ranges are those a 0.10 server enforces). Pure: a resource can check an index at preview,
 * before any call.
 */

/** The index types the 0.x API builds (FLAT is the raw data, no index). */
export const LEGACY_INDEX_TYPES = ["FLAT", "IVFFLAT", "IVFSQ8", "IVFSQ8H", "IVFPQ", "HNSW", "RNSG", "ANNOY"] as const;
export type LegacyIndexType = (typeof LEGACY_INDEX_TYPES)[number];

/** Required build parameters per index type, each an integer within an inclusive range. */
export const LEGACY_INDEX_PARAMS: Readonly<Record<LegacyIndexType, Readonly<Record<string, readonly [number, number]>>>> = {
  FLAT: {},
  IVFFLAT: { nlist: [1, 65536] },
  IVFSQ8: { nlist: [1, 65536] },
  IVFSQ8H: { nlist: [1, 65536] },
  IVFPQ: { nlist: [1, 65536], m: [1, 96] },
  HNSW: { M: [4, 64], efConstruction: [8, 512] },
  RNSG: { search_length: [10, 300], out_degree: [5, 300], candidate_pool_size: [50, 1000], knng: [5, 300] },
  ANNOY: { n_trees: [1, 1024] },
};

/** IVFPQ's `m` must be one of these and divide the collection's dimension. */
export const LEGACY_IVFPQ_M = [1, 2, 3, 4, 8, 12, 16, 20, 24, 28, 32, 40, 48, 56, 64, 96] as const;

/** Metrics of binary collections (vectors packed in bytes). */
export const LEGACY_BINARY_METRICS = ["HAMMING", "JACCARD", "TANIMOTO", "SUBSTRUCTURE", "SUPERSTRUCTURE"] as const;

/**
 * What is wrong with building `indexType` with `params`, one sentence per problem naming the parameter
 * (empty when nothing is). `collection` adds the checks that need it: IVFPQ's `m` against the dimension, and
 * the index types a binary metric allows (FLAT or IVFFLAT; SUBSTRUCTURE/SUPERSTRUCTURE FLAT only).
 * Parameters the type does not use are not reported: the server ignores them.
 */
export function legacyIndexProblems(indexType: string, params: Record<string, unknown>, collection: { metricType?: string; dimension?: number } = {}): string[] {
  if (!(LEGACY_INDEX_TYPES as readonly string[]).includes(indexType)) {
    return [`index_type "${indexType}" is not one of ${LEGACY_INDEX_TYPES.join(", ")}`];
  }
  const problems: string[] = [];
  const metric = collection.metricType;
  if (metric !== undefined && (LEGACY_BINARY_METRICS as readonly string[]).includes(metric)) {
    const allowed = metric === "SUBSTRUCTURE" || metric === "SUPERSTRUCTURE" ? ["FLAT"] : ["FLAT", "IVFFLAT"];
    if (!allowed.includes(indexType)) problems.push(`index_type "${indexType}" cannot index a ${metric} collection (use ${allowed.join(" or ")})`);
  }
  for (const [key, [low, high]] of Object.entries(LEGACY_INDEX_PARAMS[indexType as LegacyIndexType])) {
    const value = params[key];
    if (value === undefined || value === null) problems.push(`params.${key} is required for ${indexType} (an integer within ${low} ~ ${high})`);
    else if (typeof value !== "number" || !Number.isInteger(value) || value < low || value > high) {
      problems.push(`params.${key} must be an integer within ${low} ~ ${high} for ${indexType}, not ${JSON.stringify(value)}`);
    }
  }
  const m = params.m;
  if (indexType === "IVFPQ" && typeof m === "number" && Number.isInteger(m) && m >= 1 && m <= 96) {
    if (!(LEGACY_IVFPQ_M as readonly number[]).includes(m)) problems.push(`params.m must be one of ${LEGACY_IVFPQ_M.join(", ")}, not ${m}`);
    else if (collection.dimension !== undefined && collection.dimension % m !== 0) problems.push(`params.m (${m}) must divide the collection dimension (${collection.dimension})`);
  }
  return problems;
}
