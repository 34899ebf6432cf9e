import * as pulumi from "@pulumi/pulumi";
import { propsBag, withSecretOutputs } from "../shared/resource-options";
import { ZillizDynamicResource } from "../shared/zilliz-dynamic-resource";

/** Build params, typed per index type (unknown keys are refused by `check`). */
export interface IndexBuildParams {
  /** HNSW: graph degree, 2–2048. */
  M?: number;
  /** HNSW: candidate list size while building. */
  efConstruction?: number;
  /** IVF_* / SCANN / BIN_IVF_FLAT: cluster count, 1–65536. */
  nlist?: number;
  /** IVF_PQ: sub-vector count (must divide dim). */
  m?: number;
  /** IVF_PQ: bits per sub-vector code, 1–24. */
  nbits?: number;
  /** SCANN: keep raw data. */
  with_raw_data?: boolean;
  /** SPARSE_INVERTED_INDEX / SPARSE_WAND: ratio of small values dropped while building, [0, 1). */
  drop_ratio_build?: number;
}

/** Arguments of a {@link CollectionIndex}. Any change to the index itself replaces it. */
export interface CollectionIndexArgs {
  /** Data-plane URL (a cluster's `connectAddress`). @example cluster.connectAddress */
  endpoint: pulumi.Input<string>;
  /** Data-plane token (secret); default the provider's `zilliz:apiKey`. Updates in place (no server call). */
  token?: pulumi.Input<string>;
  /** Database, default `default`. */
  dbName?: pulumi.Input<string>;
  /** The collection. @example docs.collectionName */
  collectionName: pulumi.Input<string>;
  /** The field to index. @example "vec" */
  fieldName: pulumi.Input<string>;
  /** Index name, default the field name. @example "vec_hnsw" */
  indexName?: pulumi.Input<string>;
  /**
   * `AUTOINDEX`, `FLAT`, `IVF_FLAT`, `IVF_SQ8`, `IVF_PQ`, `HNSW`, `DISKANN`, `SCANN`, `BIN_FLAT`, `BIN_IVF_FLAT`,
   * `SPARSE_INVERTED_INDEX`, `SPARSE_WAND`, scalar `INVERTED`, `STL_SORT`, `Trie`, `BITMAP`.
   * @example "HNSW"
   */
  indexType: pulumi.Input<string>;
  /** `L2`, `IP`, `COSINE` (float vectors), `HAMMING`, `JACCARD` (binary), `IP`/`BM25` (sparse); none for scalar indexes. @example "COSINE" */
  metricType?: pulumi.Input<string>;
  /** Build params for the index type. @example { M: 16, efConstruction: 200 } */
  params?: pulumi.Input<IndexBuildParams>;
  /** The field's data type, when known, so `check` can refuse a mismatch before any call (create checks it anyway). @example "FloatVector" */
  fieldDataType?: pulumi.Input<string>;
  /** Wait until the build finishes (default true). Updates in place (no server call). */
  waitForBuild?: pulumi.Input<boolean>;
  /** Take over an existing index of the same name if it matches (refused listing differences otherwise). */
  adopt?: pulumi.Input<boolean>;
  /** Deadline for the build and drop waits, in seconds (default 1800). */
  waitTimeoutSeconds?: pulumi.Input<number>;
}

const OUTPUTS = [
  "endpoint", "token", "dbName", "collectionName", "fieldName", "indexName", "indexType", "metricType", "params", "fieldDataType", "waitForBuild", "adopt",
  "waitTimeoutSeconds", "indexState",
] as const;

/**
 * An index on one field of a collection. Any change replaces it; when the collection is loaded it is
 * released around the drop and reloaded once its vector fields are indexed again. The id is
 * `<dbName>/<collectionName>/<indexName>`.
 *
 * Adopting: `CollectionIndex.get(name, "default/documents/vec", { endpoint, token })`, or `adopt: true`.
 *
 * @example
 * new CollectionIndex("vec", { endpoint: cluster.connectAddress, collectionName: docs.collectionName, fieldName: "vec", indexType: "HNSW", metricType: "COSINE", params: { M: 16, efConstruction: 200 } });
 */
export class CollectionIndex extends ZillizDynamicResource {
  declare readonly collectionName: pulumi.Output<string>;
  declare readonly fieldName: pulumi.Output<string>;
  declare readonly indexName: pulumi.Output<string>;
  declare readonly indexType: pulumi.Output<string>;
  declare readonly metricType: pulumi.Output<string | undefined>;
  declare readonly params: pulumi.Output<IndexBuildParams | undefined>;
  /** `Finished`, `InProgress`, … at the last create or refresh. */
  declare readonly indexState: pulumi.Output<string>;

  constructor(name: string, args: CollectionIndexArgs, opts?: pulumi.CustomResourceOptions) {
    super("CollectionIndex", name, propsBag(args, OUTPUTS, ["token"]), withSecretOutputs(opts, ["token"]));
  }

  /** Reads an existing index by id `<dbName>/<collectionName>/<indexName>`; `state` must give `endpoint` (and `token`). */
  static get(name: string, id: pulumi.Input<string>, state: Pick<CollectionIndexArgs, "endpoint" | "token"> & Partial<CollectionIndexArgs>, opts?: pulumi.CustomResourceOptions): CollectionIndex {
    return new CollectionIndex(name, state as CollectionIndexArgs, { ...opts, id });
  }
}
