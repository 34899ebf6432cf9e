/** The CollectionIndex's properties: one table, from which its class, check, diff and stored shape derive. */
import { z } from "zod";
import { canonicalMap } from "../shared/canonical-map";
import { canonicalEndpoint, dataPlaneTarget, milvusName, refineTarget, retargetInPlace } from "../shared/data-plane-target";
import { INDEXABLE_TYPES } from "../shared/field-types";
import { isUnknown } from "../shared/unknowns";
import type { DiffPlan } from "../shared/plan";
import type { StateOf } from "../shared/resource-definition";
import { defineSpec, input, output, type InputsOf, type Props } from "../shared/spec";
import { strictObject } from "../shared/strict-object";

export const FLOAT_METRICS = ["L2", "IP", "COSINE"] as const;
export const BINARY_METRICS = ["HAMMING", "JACCARD", "SUBSTRUCTURE", "SUPERSTRUCTURE", "MHJACCARD"] as const;
export const SPARSE_METRICS = ["IP", "BM25"] as const;
export const DEFAULT_INDEX_WAIT_SECONDS = 30 * 60;

type IndexKind = "float" | "binary" | "sparse" | "scalar" | "any";

/** Which field kind each index type serves (AUTOINDEX serves every kind; scalar indexes take no metric). */
const INDEX_KINDS: Record<string, IndexKind> = {
  AUTOINDEX: "any",
  FLAT: "float",
  IVF_FLAT: "float",
  IVF_SQ8: "float",
  IVF_PQ: "float",
  IVF_RABITQ: "float",
  HNSW: "float",
  HNSW_SQ: "float",
  HNSW_PQ: "float",
  HNSW_PRQ: "float",
  DISKANN: "float",
  SCANN: "float",
  GPU_CAGRA: "float",
  GPU_IVF_FLAT: "float",
  GPU_IVF_PQ: "float",
  GPU_BRUTE_FORCE: "float",
  BIN_FLAT: "binary",
  BIN_IVF_FLAT: "binary",
  MINHASH_LSH: "binary",
  SPARSE_INVERTED_INDEX: "sparse",
  SPARSE_WAND: "sparse",
  INVERTED: "scalar",
  STL_SORT: "scalar",
  Trie: "scalar",
  BITMAP: "scalar",
  NGRAM: "scalar",
  RTREE: "scalar",
};
export const INDEX_TYPES = Object.keys(INDEX_KINDS) as [string, ...string[]];

const int = (min: number, max: number) => z.number().int().min(min).max(max);
const nlist = int(1, 65536).optional();
const hnsw = { M: int(2, 2048).optional(), efConstruction: int(1, 2147483647).optional() };
const refine = { refine: z.boolean().optional(), refine_type: z.enum(["SQ6", "SQ8", "BF16", "FP16", "FP32"]).optional() };
const pq = { m: int(1, 65536).optional(), nbits: int(1, 24).optional() };
const jsonCastTypes = ["BOOL", "DOUBLE", "VARCHAR", "ARRAY_BOOL", "ARRAY_DOUBLE", "ARRAY_VARCHAR"];

/**
 * Build params per index type; unknown keys are refused with a suggestion so a typo never passes. Types
 * whose build params vary by server (DiskANN, AUTOINDEX on Zilliz Cloud, MinHash) take any params.
 */
const PARAMS: Record<string, z.ZodType> = {
  HNSW: strictObject(hnsw),
  HNSW_SQ: strictObject({ ...hnsw, sq_type: z.enum(["SQ6", "SQ8", "BF16", "FP16"]).optional(), ...refine }),
  HNSW_PQ: strictObject({ ...hnsw, ...pq, ...refine }),
  HNSW_PRQ: strictObject({ ...hnsw, ...pq, nrq: int(1, 16).optional(), ...refine }),
  IVF_FLAT: strictObject({ nlist }),
  IVF_SQ8: strictObject({ nlist }),
  IVF_RABITQ: strictObject({ nlist, ...refine }),
  BIN_IVF_FLAT: strictObject({ nlist }),
  GPU_IVF_FLAT: strictObject({ nlist }),
  IVF_PQ: strictObject({ nlist, ...pq }),
  GPU_IVF_PQ: strictObject({ nlist, ...pq }),
  SCANN: strictObject({ nlist, with_raw_data: z.boolean().optional() }),
  SPARSE_INVERTED_INDEX: strictObject({ drop_ratio_build: z.number().min(0).lt(1).optional(), inverted_index_algo: z.enum(["TAAT_NAIVE", "DAAT_WAND", "DAAT_MAXSCORE"]).optional(), bm25_k1: z.number().optional(), bm25_b: z.number().optional() }),
  SPARSE_WAND: strictObject({ drop_ratio_build: z.number().min(0).lt(1).optional() }),
  GPU_CAGRA: strictObject({ intermediate_graph_degree: int(1, 1024).optional(), graph_degree: int(1, 1024).optional(), build_algo: z.string().optional(), cache_dataset_on_device: z.string().optional() }),
  // A JSON field's INVERTED index names the path inside the document and the type to index it as.
  INVERTED: strictObject({ json_path: z.string().min(1).optional(), json_cast_type: z.string().refine((t) => jsonCastTypes.includes(t.toUpperCase()), `one of ${jsonCastTypes.join(", ")}`).optional() }),
  NGRAM: strictObject({ min_gram: int(1, 255).optional(), max_gram: int(1, 255).optional() }),
  DISKANN: z.record(z.string(), z.unknown()),
  AUTOINDEX: z.record(z.string(), z.unknown()),
  MINHASH_LSH: z.record(z.string(), z.unknown()),
};
const NO_PARAMS = strictObject({});

/** The field kind a field data type needs. */
export function vectorKindOf(dataType: string | undefined): "float" | "binary" | "sparse" | "scalar" | undefined {
  if (dataType === undefined) return undefined;
  if (dataType === "BinaryVector") return "binary";
  if (dataType === "SparseFloatVector") return "sparse";
  if (/Vector$/.test(dataType)) return "float";
  return "scalar";
}

export const indexSpec = defineSpec({
  ...dataPlaneTarget,
  /**
   * The collection. When it changes because the collection was renamed, the index follows it in place (no
   * rebuild; the update checks the index is there under the new name). To move an index to another
   * collection, replace it: `pulumi up --replace <urn>`.
   * @example docs.collectionName
   */
  // Unknown only while the collection is replaced (a rename keeps it known): the index goes with it.
  collectionName: input(milvusName("collection name"), { change: "update", whenUnknown: "replace" }),
  /** The field to index. Changing it replaces the index. @example "vec" */
  fieldName: input(milvusName("field name"), { change: "replace" }),
  /** Index name, default the field name. Changing it replaces the index. @example "vec_hnsw" */
  indexName: input(milvusName("index name").optional(), { change: "replace", default: (p: Props) => p.fieldName }),
  /**
   * The index type: vector (`AUTOINDEX`, `FLAT`, `IVF_FLAT`, `IVF_SQ8`, `IVF_PQ`, `IVF_RABITQ`, `HNSW`,
   * `HNSW_SQ`, `HNSW_PQ`, `HNSW_PRQ`, `DISKANN`, `SCANN`, GPU types, `BIN_FLAT`, `BIN_IVF_FLAT`, `MINHASH_LSH`,
   * `SPARSE_INVERTED_INDEX`, `SPARSE_WAND`) or scalar (`AUTOINDEX`, `INVERTED`, `STL_SORT`, `Trie`, `BITMAP`,
   * `NGRAM`, `RTREE`). Changing it replaces the index (release, drop, recreate, reload).
   * @example "HNSW"
   */
  indexType: input(z.enum(INDEX_TYPES), { change: "replace" }),
  /**
   * `L2`, `IP`, `COSINE` (float vectors), `HAMMING`, `JACCARD` (binary), `IP`/`BM25` (sparse); none for scalar
   * indexes. Unset on AUTOINDEX: the server's choice. Changing it replaces the index.
   * @example "COSINE"
   */
  metricType: input(z.string().optional(), { change: "replace", serverChosen: true }),
  /** Build params for the index type (checked per type). Changing them replaces the index. @example { M: 16, efConstruction: 200 } */
  params: input(z.record(z.string(), z.unknown()).optional(), { change: "replace", canonical: (v) => canonicalMap(v as Record<string, unknown>) }),
  /**
   * The field's data type, when known, so `check` can match index and metric to it before any call
   * (create checks it anyway). No server call.
   * @example "FloatVector"
   */
  fieldDataType: input(z.enum(INDEXABLE_TYPES).optional(), { change: "local" }),
  /** Wait until the build finishes (default true). Updates in place (no server call). */
  waitForBuild: input(z.boolean().optional(), { change: "local", default: true }),
  /** Take over an existing index of the same name if it matches (refused listing differences otherwise). Only read at create. */
  adopt: input(z.boolean().optional(), { change: "create-only" }),
  /** Deadline for the build and drop waits, in seconds (default 1800). Updates in place (no server call). */
  waitTimeoutSeconds: input(z.number().int().min(1).max(24 * 3600).optional(), { change: "local" }),

  /** `Finished`, `InProgress`, … at the last create or refresh. */
  indexState: output<string>(),
});

export type IndexSpec = typeof indexSpec;
export type IndexInputs = InputsOf<IndexSpec>;
export type IndexState = StateOf<IndexSpec>;

/** Index type, metric and params checked against each other and against the field type when known. */
export function refineIndex(v: IndexInputs, ctx: z.RefinementCtx): void {
  refineTarget(v, ctx);
  const issue = (path: Array<string | number>, message: string) => ctx.addIssue({ code: "custom", path, message });
  const indexKind = INDEX_KINDS[v.indexType];
  const metric = v.metricType;
  const metricKind =
    metric === undefined ? undefined : (BINARY_METRICS as readonly string[]).includes(metric) ? "binary" : metric === "BM25" ? "sparse" : (FLOAT_METRICS as readonly string[]).includes(metric) ? "float" : "unknown";
  if (metricKind === "unknown") issue(["metricType"], `unknown metric type ${metric}`);
  // A field type preview cannot know yet is checked at create, against the real field.
  const fieldType = isUnknown(v.fieldDataType) ? undefined : v.fieldDataType;
  const fieldKind = vectorKindOf(fieldType) ?? (metricKind === "binary" ? "binary" : undefined);
  if (indexKind === "scalar" || (indexKind === "any" && fieldKind === "scalar")) {
    if (metric !== undefined) issue(["metricType"], `an index on a scalar field takes no metric type`);
    if (fieldKind !== undefined && fieldKind !== "scalar") issue(["indexType"], `${v.indexType} cannot index a ${fieldType ?? "vector"} field`);
  } else {
    if (metric === undefined && indexKind !== "any") issue(["metricType"], `${v.indexType} needs a metric type`);
    if (fieldKind === "binary" && indexKind !== "binary" && indexKind !== "any") issue(["indexType"], `${v.indexType} cannot index a binary vector: use BIN_FLAT or BIN_IVF_FLAT`);
    if (fieldKind === "binary" && metricKind !== undefined && metricKind !== "binary") issue(["metricType"], "binary vectors need HAMMING or JACCARD");
    if (indexKind === "binary" && metricKind !== undefined && metricKind !== "binary") issue(["metricType"], `${v.indexType} needs HAMMING or JACCARD`);
    if (fieldKind === "scalar") issue(["indexType"], `${v.indexType} is a vector index; ${fieldType} is a scalar field`);
    if ((indexKind === "sparse" || fieldKind === "sparse") && metric !== undefined && !(SPARSE_METRICS as readonly string[]).includes(metric)) issue(["metricType"], "sparse vectors need IP or BM25");
    if (indexKind === "float" && fieldKind === "sparse") issue(["indexType"], `${v.indexType} cannot index a sparse vector`);
    if (indexKind === "float" && metricKind === "sparse") issue(["metricType"], `${v.indexType} does not support BM25`);
  }
  if (v.indexType === "INVERTED" && fieldType === "JSON" && (v.params?.json_path === undefined || v.params?.json_cast_type === undefined)) {
    issue(["params"], "an INVERTED index on a JSON field needs json_path and json_cast_type");
  }
  const parsed = (PARAMS[v.indexType] ?? NO_PARAMS).safeParse(v.params ?? {});
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const keys = i.code === "unrecognized_keys" ? i.keys : [undefined];
      const messages = i.message.split("\n");
      keys.forEach((k, n) => {
        const path = ["params", ...i.path.map((p) => (typeof p === "symbol" ? String(p) : p)), ...(k === undefined ? [] : [k])];
        issue(path, i.code === "unrecognized_keys" ? `${v.indexType}: ${messages[n] ?? i.message}` : i.message);
      });
    }
  }
}

/** One index per field, and a name unique per collection: the old index goes first unless both move. */
export function adjustIndexPlan(plan: DiffPlan, olds: IndexState, news: Props): void {
  retargetInPlace(plan, olds, news);
  if (plan.replaces.length === 0) return;
  if (typeof news.collectionName === "string" && !isUnknown(news.collectionName) && news.collectionName !== olds.collectionName) {
    // The old index lives on under the collection's new name, where the replacement would collide with it.
    throw new Error(
      `CollectionIndex "${String(olds.indexName ?? olds.fieldName)}": collectionName changes ("${String(olds.collectionName)}" → "${news.collectionName}") in the same update that replaces the index (${plan.replaces.join(", ")}). ` +
        "Apply them one at a time: first the rename (the index follows it), then the index change.",
    );
  }
  // One index per field on a collection: the old one goes first unless the index moves to another target.
  plan.deleteBeforeReplace = olds.fieldName === news.fieldName && canonicalEndpoint(olds.endpoint) === canonicalEndpoint(news.endpoint) && olds.clusterId === news.clusterId && (olds.dbName ?? "default") === (news.dbName ?? "default");
  // The new index is built on the new collection name directly: nothing to follow.
  plan.updates = plan.updates.filter((k) => k !== "collectionName");
}
