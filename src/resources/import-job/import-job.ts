import * as pulumi from "@pulumi/pulumi";
import { propsBag, withSecretOutputs } from "../shared/resource-options";
import { ZillizDynamicResource } from "../shared/zilliz-dynamic-resource";

/** Arguments of an {@link ImportJob}. Any change to what is imported replaces it, i.e. runs a new import. */
export interface ImportJobArgs {
  /** Zilliz Cloud cluster id (control plane v2). Give this or `endpoint`. @example cluster.clusterId */
  clusterId?: pulumi.Input<string>;
  /** A self-hosted Milvus endpoint (data-plane import; `objectUrls` are then keys in the Milvus bucket). */
  endpoint?: pulumi.Input<string>;
  /** `v2` (default) or the deprecated control plane `v1` (one object URL, no dbName, with `regionId`). */
  apiVersion?: pulumi.Input<"v1" | "v2">;
  /** v1 only: the region of the cluster, which picks the v1 host. @example "gcp-us-west1" */
  regionId?: pulumi.Input<string>;
  /** Data-plane token for `endpoint` (secret). */
  token?: pulumi.Input<string>;
  /** Database, default `default`. */
  dbName?: pulumi.Input<string>;
  /** Target collection. @example docs.collectionName */
  collectionName: pulumi.Input<string>;
  /** Target partition (default partition when unset). */
  partitionName?: pulumi.Input<string>;
  /**
   * Files to import: each entry one file URL, or a list of files forming one unit (e.g. NumPy columns).
   * @example ["s3://bucket/rows/part-0001.parquet"]
   */
  objectUrls: pulumi.Input<pulumi.Input<string | string[]>[]>;
  /** Object-storage access key (secret). */
  accessKey?: pulumi.Input<string>;
  /** Object-storage secret key (secret). */
  secretKey?: pulumi.Input<string>;
  /** Deadline for the import, in seconds (default 3600). Updates in place (no server call). */
  waitTimeoutSeconds?: pulumi.Input<number>;
  /** Wait until Completed (default true). */
  waitForCompletion?: pulumi.Input<boolean>;
}

const OUTPUTS = [
  "clusterId", "endpoint", "apiVersion", "regionId", "token", "dbName", "collectionName", "partitionName", "objectUrls", "accessKey", "secretKey", "waitTimeoutSeconds",
  "waitForCompletion", "jobId", "state", "progress", "importedRows", "totalRows", "reason",
] as const;

/**
 * A bulk import into a collection, submitted once and awaited until Completed (Failed is an error that
 * keeps the job id in the stack). Deleting it only removes it from the stack: the imported rows stay.
 * A create whose answer was lost is never re-sent. The id is the job id.
 *
 * @example
 * new ImportJob("load", { clusterId: cluster.clusterId, collectionName: docs.collectionName, objectUrls: ["s3://bucket/docs.parquet"], accessKey, secretKey });
 */
export class ImportJob extends ZillizDynamicResource {
  declare readonly jobId: pulumi.Output<string>;
  /** `Pending`, `Importing`, `Completed` or `Failed`. */
  declare readonly state: pulumi.Output<string>;
  declare readonly progress: pulumi.Output<number>;
  declare readonly importedRows: pulumi.Output<number>;
  declare readonly totalRows: pulumi.Output<number>;
  declare readonly reason: pulumi.Output<string | undefined>;

  constructor(name: string, args: ImportJobArgs, opts?: pulumi.CustomResourceOptions) {
    super("ImportJob", name, propsBag(args, OUTPUTS, ["token", "accessKey", "secretKey"]), withSecretOutputs(opts, ["token", "accessKey", "secretKey"]));
  }

  /** Reads an existing job by id into the stack; `state` must give `clusterId` or `endpoint`. */
  static get(name: string, id: pulumi.Input<string>, state: Partial<ImportJobArgs>, opts?: pulumi.CustomResourceOptions): ImportJob {
    return new ImportJob(name, state as ImportJobArgs, { ...opts, id });
  }
}
