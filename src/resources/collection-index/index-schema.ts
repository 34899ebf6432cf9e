/** The CollectionIndex inputs as zod validates them in `check` (run time only; never captured). */
import { z } from "zod";
import { MILVUS_NAME } from "../collection/collection-schema";

export const FLOAT_METRICS = ["L2", "IP", "COSINE"] as const;
export const BINARY_METRICS = ["HAMMING", "JACCARD", "SUBSTRUCTURE", "SUPERSTRUCTURE"] as const;
export const SPARSE_METRICS = ["IP", "BM25"] as const;
export const DEFAULT_INDEX_WAIT_SECONDS = 30 * 60;

/** Which vector kind each index type serves (scalar indexes take no metric). */
const INDEX_KINDS: Record<string, "float" | "binary" | "sparse" | "scalar" | "any"> = {
  AUTOINDEX: "any",
  FLAT: "float",
  IVF_FLAT: "float",
  IVF_SQ8: "float",
  IVF_PQ: "float",
  HNSW: "float",
  DISKANN: "float",
  SCANN: "float",
  GPU_CAGRA: "float",
  GPU_IVF_FLAT: "float",
  GPU_IVF_PQ: "float",
  BIN_FLAT: "binary",
  BIN_IVF_FLAT: "binary",
  SPARSE_INVERTED_INDEX: "sparse",
  SPARSE_WAND: "sparse",
  INVERTED: "scalar",
  STL_SORT: "scalar",
  Trie: "scalar",
  BITMAP: "scalar",
};
export const INDEX_TYPES = Object.keys(INDEX_KINDS) as [string, ...string[]];

const int = (min: number, max: number) => z.number().int().min(min).max(max);
const nlist = int(1, 65536);

/** Build params per index type; unknown keys are refused so a typo never passes silently. */
const PARAMS: Record<string, z.ZodType> = {
  HNSW: z.strictObject({ M: int(2, 2048).optional(), efConstruction: int(1, 2147483647).optional() }),
  IVF_FLAT: z.strictObject({ nlist: nlist.optional() }),
  IVF_SQ8: z.strictObject({ nlist: nlist.optional() }),
  BIN_IVF_FLAT: z.strictObject({ nlist: nlist.optional() }),
  GPU_IVF_FLAT: z.strictObject({ nlist: nlist.optional() }),
  IVF_PQ: z.strictObject({ nlist: nlist.optional(), m: int(1, 65536).optional(), nbits: int(1, 24).optional() }),
  GPU_IVF_PQ: z.strictObject({ nlist: nlist.optional(), m: int(1, 65536).optional(), nbits: int(1, 24).optional() }),
  SCANN: z.strictObject({ nlist: nlist.optional(), with_raw_data: z.boolean().optional() }),
  SPARSE_INVERTED_INDEX: z.strictObject({ drop_ratio_build: z.number().min(0).lt(1).optional() }),
  SPARSE_WAND: z.strictObject({ drop_ratio_build: z.number().min(0).lt(1).optional() }),
  GPU_CAGRA: z.strictObject({ intermediate_graph_degree: int(1, 1024).optional(), graph_degree: int(1, 1024).optional() }),
};
const NO_PARAMS = z.strictObject({});

/** The vector kind a field data type needs. */
export function vectorKindOf(dataType: string | undefined): "float" | "binary" | "sparse" | "scalar" | undefined {
  if (dataType === undefined) return undefined;
  if (dataType === "BinaryVector") return "binary";
  if (dataType === "SparseFloatVector") return "sparse";
  if (/Vector$/.test(dataType)) return "float";
  return "scalar";
}

export const indexInputsSchema = z
  .object({
    endpoint: z.url({ message: "endpoint must be an http(s) URL" }),
    token: z.string().optional(),
    dbName: z.string().regex(MILVUS_NAME).optional(),
    collectionName: z.string().regex(MILVUS_NAME, "not a valid collection name"),
    fieldName: z.string().regex(MILVUS_NAME, "not a valid field name"),
    indexName: z.string().regex(MILVUS_NAME, "not a valid index name").optional(),
    indexType: z.enum(INDEX_TYPES),
    metricType: z.string().optional(),
    /** The field's data type, when known, so `check` can match index and metric to it. */
    fieldDataType: z.string().optional(),
    params: z.record(z.string(), z.unknown()).optional(),
    waitForBuild: z.boolean().optional(),
    adopt: z.boolean().optional(),
    waitTimeoutSeconds: z.number().int().min(1).max(24 * 3600).optional(),
  })
  .superRefine((v, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    const indexKind = INDEX_KINDS[v.indexType];
    const metric = v.metricType;
    const metricKind =
      metric === undefined ? undefined : (BINARY_METRICS as readonly string[]).includes(metric) ? "binary" : metric === "BM25" ? "sparse" : (FLOAT_METRICS as readonly string[]).includes(metric) ? "float" : "unknown";
    if (metricKind === "unknown") issue(["metricType"], `unknown metric type ${metric}`);
    const fieldKind = vectorKindOf(v.fieldDataType) ?? (metricKind === "binary" ? "binary" : undefined);
    if (indexKind === "scalar") {
      if (metric !== undefined) issue(["metricType"], `${v.indexType} is a scalar index and takes no metric type`);
      if (fieldKind !== undefined && fieldKind !== "scalar") issue(["indexType"], `${v.indexType} cannot index a ${v.fieldDataType ?? "vector"} field`);
    } else {
      if (metric === undefined && v.indexType !== "AUTOINDEX") issue(["metricType"], `${v.indexType} needs a metric type`);
      if (fieldKind === "binary" && indexKind !== "binary" && indexKind !== "any") {
        issue(["indexType"], `${v.indexType} cannot index a binary vector: use BIN_FLAT or BIN_IVF_FLAT`);
      }
      if (fieldKind === "binary" && metricKind !== undefined && metricKind !== "binary") issue(["metricType"], "binary vectors need HAMMING or JACCARD");
      if (indexKind === "binary" && metricKind !== undefined && metricKind !== "binary") issue(["metricType"], `${v.indexType} needs HAMMING or JACCARD`);
      if (fieldKind === "scalar") issue(["indexType"], `${v.indexType} is a vector index; ${v.fieldDataType} is a scalar field`);
      if ((indexKind === "sparse" || fieldKind === "sparse") && metric !== undefined && !(SPARSE_METRICS as readonly string[]).includes(metric)) {
        issue(["metricType"], "sparse vectors need IP or BM25");
      }
      if (indexKind === "float" && fieldKind === "sparse") issue(["indexType"], `${v.indexType} cannot index a sparse vector`);
      if (indexKind === "float" && metricKind === "sparse") issue(["metricType"], `${v.indexType} does not support BM25`);
    }
    const paramsSchema = PARAMS[v.indexType] ?? NO_PARAMS;
    const parsed = paramsSchema.safeParse(v.params ?? {});
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        const keys = i.code === "unrecognized_keys" ? i.keys : [undefined];
        for (const k of keys) {
          const path = ["params", ...i.path.map((p) => (typeof p === "symbol" ? String(p) : p)), ...(k === undefined ? [] : [k])];
          issue(path, i.code === "unrecognized_keys" ? `${v.indexType} takes no build param "${k}"` : i.message);
        }
      }
    }
  });

/** Validated CollectionIndex inputs. */
export type IndexInputs = z.output<typeof indexInputsSchema>;
