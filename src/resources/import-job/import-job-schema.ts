/** The ImportJob inputs as zod validates them in `check` (run time only; never captured). */
import { z } from "zod";
import { MILVUS_NAME } from "../collection/collection-schema";

export const DEFAULT_IMPORT_WAIT_SECONDS = 60 * 60;
/** Object storage schemes the Zilliz Cloud import accepts (`file:///` too, which only zilliz-local reads). */
const OBJECT_URL = /^((s3|s3a|gs|gcs|az|azure|https?|oss|cos):\/\/[^\s/]+\/\S*|file:\/\/\/\S+)$/;

const objectUrl = z.string().regex(OBJECT_URL, "expected an object URL such as s3://bucket/path/file.parquet or https://…");
/** A data-plane file key (relative to the Milvus bucket), for self-hosted imports. */
const fileKey = z.string().min(1).regex(/^\S+$/, "a file key has no spaces");

export const importJobInputsSchema = z
  .object({
    clusterId: z.string().regex(/^in\d{2}-[0-9a-f]+$/, "expected a cluster id like in01-0123abcd…").optional(),
    endpoint: z.url({ message: "endpoint must be an http(s) URL" }).optional(),
    apiVersion: z.enum(["v1", "v2"]).optional(),
    /** v1 only: picks the regional v1 host (`controller.api.<region>…`). */
    regionId: z.string().min(1).optional(),
    token: z.string().optional(),
    dbName: z.string().regex(MILVUS_NAME).optional(),
    collectionName: z.string().regex(MILVUS_NAME, "not a valid collection name"),
    partitionName: z.string().regex(MILVUS_NAME, "not a valid partition name").optional(),
    objectUrls: z.array(z.union([z.string(), z.array(z.string()).min(1)])).min(1, "give at least one object URL"),
    accessKey: z.string().optional(),
    secretKey: z.string().optional(),
    waitTimeoutSeconds: z.number().int().min(1).max(7 * 24 * 3600).optional(),
    waitForCompletion: z.boolean().optional(),
  })
  .superRefine((v, ctx) => {
    if ((v.clusterId === undefined) === (v.endpoint === undefined)) {
      ctx.addIssue({ code: "custom", path: ["clusterId"], message: "give exactly one of clusterId (Zilliz Cloud) or endpoint (self-hosted Milvus)" });
    }
    if ((v.accessKey === undefined) !== (v.secretKey === undefined)) {
      ctx.addIssue({ code: "custom", path: [v.accessKey === undefined ? "accessKey" : "secretKey"], message: "accessKey and secretKey go together" });
    }
    if (v.apiVersion === "v1") {
      if (v.endpoint !== undefined) ctx.addIssue({ code: "custom", path: ["endpoint"], message: "apiVersion v1 imports go through the control plane: use clusterId" });
      if (v.objectUrls.flat().length > 1) ctx.addIssue({ code: "custom", path: ["objectUrls"], message: "apiVersion v1 imports exactly one object URL" });
      if (v.dbName !== undefined) ctx.addIssue({ code: "custom", path: ["dbName"], message: "dbName needs apiVersion v2" });
    }
    const item = v.endpoint !== undefined ? fileKey : objectUrl;
    v.objectUrls.forEach((entry, i) => {
      const list = Array.isArray(entry) ? entry : [entry];
      list.forEach((url, j) => {
        const r = item.safeParse(url);
        if (!r.success) {
          ctx.addIssue({ code: "custom", path: Array.isArray(entry) ? ["objectUrls", i, j] : ["objectUrls", i], message: r.error.issues[0]?.message ?? "invalid" });
        }
      });
    });
  });

/** Validated ImportJob inputs. */
export type ImportJobInputs = z.output<typeof importJobInputsSchema>;

/** The wire shape: every entry a list (one file or one column group). */
export function objectUrlGroups(urls: ReadonlyArray<string | readonly string[]>): string[][] {
  return urls.map((u) => (Array.isArray(u) ? [...u] : [u as string]));
}
