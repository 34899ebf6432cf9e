/**
 * The ImportJob's properties. An import is a past event: only a change of the files it imports makes a new
 * job; a change of what it pointed at (a renamed collection, a new token, a replaced cluster) is recorded
 * without any call, so no sequence of `up`/`refresh`/`preview` ever imports the same files twice.
 */
import { z } from "zod";
import { clusterIdType, milvusName } from "../shared/data-plane-target";
import type { StateOf } from "../shared/resource-definition";
import { ownerMarkOf } from "../shared/ownership-mark";
import { defineSpec, hiddenInput, input, type InputsOf, output } from "../shared/spec";

export const DEFAULT_IMPORT_WAIT_SECONDS = 60 * 60;
/** Object storage schemes the Zilliz Cloud import accepts (`file:///` too, which only zilliz-local reads). */
const OBJECT_URL = /^((s3|s3a|gs|gcs|az|azure|https?|oss|cos):\/\/[^\s/]+\/\S*|file:\/\/\/\S+)$/;
const objectUrl = z.string().regex(OBJECT_URL, "expected an object URL such as s3://bucket/path/file.parquet or https://…");
/** A data-plane file key (relative to the Milvus bucket), for self-hosted imports. */
const fileKey = z.string().min(1).regex(/^\S+$/, "a file key has no spaces");

/** The wire shape: every entry a list (one file or one column group). */
export function objectUrlGroups(urls: ReadonlyArray<string | readonly string[]>): string[][] {
  return urls.map((u) => (Array.isArray(u) ? [...u] : [u as string]));
}

export const importJobSpec = defineSpec({
  /**
   * The Zilliz Cloud cluster to import into (control-plane import), wired as `cluster.id`. Give this or
   * `endpoint`. A change is recorded without a new import.
   * @example cluster.id
   */
  clusterId: input(clusterIdType.optional(), { change: "local" }),
  /**
   * A self-hosted Milvus endpoint instead (data-plane import; `objectUrls` are then keys in the Milvus
   * bucket). A change is recorded without a new import.
   * @example "http://localhost:19530"
   */
  endpoint: input(z.url({ protocol: /^https?$/, message: "endpoint must be an http(s) URL such as http://localhost:19530" }).optional(), { change: "local" }),
  /** `v2` (default) or the deprecated control plane `v1` (one object URL, no dbName, with `regionId`). A change is recorded only. */
  apiVersion: input(z.enum(["v1", "v2"]).optional(), { change: "local", default: "v2" }),
  /** v1 only: the region of the cluster, which picks the v1 host. A change is recorded only. @example "gcp-us-west1" */
  regionId: input(z.string().min(1).optional(), { change: "local" }),
  /** Data-plane token for `endpoint` (secret). Default: the provider's API key. A change is recorded only. */
  token: input(z.string().optional(), { change: "local", secret: true }),
  /** Database, default `default`. A change is recorded only (the rows already imported stay where they are). */
  dbName: input(milvusName("database name").optional(), { change: "local", default: "default" }),
  /**
   * Target collection. A change (e.g. the collection was renamed) is recorded only: the import never re-runs.
   * @example docs.collectionName
   */
  collectionName: input(milvusName("collection name"), { change: "local" }),
  /** Target partition (the default partition when unset). A change is recorded only. */
  partitionName: input(milvusName("partition name").optional(), { change: "local" }),
  /**
   * Files to import: each entry one file URL, or a list of files forming one unit (e.g. NumPy columns).
   * Give this or `volumeName` + `dataPaths`. Changing it replaces the job, i.e. imports the new list (every
   * file in it) once more; the rows already imported stay. To add files without re-importing the old ones,
   * declare another ImportJob.
   * @example ["s3://bucket/rows/part-0001.parquet"]
   */
  objectUrls: input(z.array(z.union([z.string(), z.array(z.string()).min(1)])).min(1, "give at least one object URL").optional(), {
    change: "replace",
    canonical: (v) => (Array.isArray(v) ? objectUrlGroups(v as Array<string | string[]>) : v),
  }),
  /**
   * Import from a Zilliz Cloud volume instead of object URLs (control plane v2 with `clusterId` only),
   * wired as `volume.id`; the files are `dataPaths` inside it. Changing it replaces the job (a new import
   * of the files in the other volume), exactly like a change of `objectUrls`.
   * @example volume.id
   */
  volumeName: input(z.string().min(1).optional(), { change: "replace" }),
  /**
   * With `volumeName`: the files to import, as paths inside the volume; each entry one file, or a list of
   * files forming one unit. Changing it replaces the job (imports the new list once more).
   * @example ["2026-12/part-0001.parquet"]
   */
  dataPaths: input(z.array(z.union([z.string().min(1), z.array(z.string().min(1)).min(1)])).min(1, "give at least one data path").optional(), {
    change: "replace",
    canonical: (v) => (Array.isArray(v) ? objectUrlGroups(v as Array<string | string[]>) : v),
  }),
  /** Object-storage access key (secret). A change is recorded only. */
  accessKey: input(z.string().optional(), { change: "local", secret: true }),
  /** Object-storage secret key (secret). A change is recorded only. */
  secretKey: input(z.string().optional(), { change: "local", secret: true }),
  /** Deadline for the import, in seconds (default 3600). Updates in place (no server call). @example 7200 */
  waitTimeoutSeconds: input(z.number().int().min(1).max(7 * 24 * 3600).optional(), { change: "local" }),
  /** Wait until Completed (default true). Updates in place (no server call). */
  waitForCompletion: input(z.boolean().optional(), { change: "local", default: true }),
  /**
   * Set by the class, not by the program: this resource's ownership mark (a hash of project, stack, type and
   * name). The job id is kept under it as the collection property `pulumi-zilliz.import.<mark>`, so that a run
   * interrupted after the submit follows the same job instead of importing again. Only read at create.
   */
  ownerMark: hiddenInput(z.string().regex(/^[0-9a-f]{16}$/).optional(), { change: "create-only", fill: ownerMarkOf }),

  /** The job id (the same as the resource id). */
  jobId: output<string>(),
  /** `Pending`, `Importing`, `Completed` or `Failed` as last seen. */
  state: output<string>(),
  /** Percent done, 0–100. */
  progress: output<number>(),
  /** Rows imported so far. */
  importedRows: output<number>(),
  /** Rows in the files. */
  totalRows: output<number>(),
  /** Why the job failed, when it did. */
  reason: output<string | undefined>(),
});

export type ImportJobSpec = typeof importJobSpec;
export type ImportJobInputs = InputsOf<ImportJobSpec>;
export type ImportJobState = StateOf<ImportJobSpec>;

/** Cross-property rules of `check`. */
export function refineImportJob(v: ImportJobInputs, ctx: z.RefinementCtx): void {
  const issue = (path: Array<string | number>, message: string) => ctx.addIssue({ code: "custom", path, message });
  if ((v.clusterId === undefined) === (v.endpoint === undefined)) issue(["clusterId"], "give exactly one of clusterId (Zilliz Cloud: cluster.id) or endpoint (self-hosted Milvus)");
  if ((v.accessKey === undefined) !== (v.secretKey === undefined)) issue([v.accessKey === undefined ? "accessKey" : "secretKey"], "accessKey and secretKey go together");
  if (v.volumeName !== undefined) {
    if (v.objectUrls !== undefined) issue(["volumeName"], "give objectUrls or volumeName + dataPaths, not both");
    if (v.dataPaths === undefined) issue(["dataPaths"], "volumeName needs dataPaths (the files to import from the volume)");
    if (v.endpoint !== undefined) issue(["volumeName"], "a volume import goes through the Zilliz Cloud control plane: use clusterId, not endpoint");
    if (v.apiVersion === "v1") issue(["volumeName"], "a volume import needs apiVersion v2");
  } else {
    if (v.dataPaths !== undefined) issue(["dataPaths"], "dataPaths needs volumeName (for object storage use objectUrls)");
    if (v.objectUrls === undefined) issue(["objectUrls"], "give objectUrls (or volumeName + dataPaths): the files to import");
  }
  if (v.apiVersion === "v1") {
    if (v.endpoint !== undefined) issue(["endpoint"], "apiVersion v1 imports go through the control plane: use clusterId");
    if ((v.objectUrls ?? []).flat().length > 1) issue(["objectUrls"], "apiVersion v1 imports exactly one object URL");
    if (v.dbName !== undefined) issue(["dbName"], "dbName needs apiVersion v2");
  }
  const item = v.endpoint !== undefined ? fileKey : objectUrl;
  (v.objectUrls ?? []).forEach((entry, i) => {
    const list = Array.isArray(entry) ? entry : [entry];
    list.forEach((url, j) => {
      const r = item.safeParse(url);
      if (!r.success) issue(Array.isArray(entry) ? ["objectUrls", i, j] : ["objectUrls", i], r.error.issues[0]?.message ?? "invalid");
    });
  });
}
