/** Control plane v2: bulk import jobs on the global host (`zilliz-cloud-api.md` §2.5). */
import { z } from "zod";
import { paginate } from "../paginate";
import type { Transport } from "../transport";

/** Body of `POST /v2/vectordb/jobs/import/create`. */
export interface CreateImportJobRequest {
  clusterId: string;
  collectionName: string;
  dbName?: string;
  partitionName?: string;
  /** Each inner list holds one file (or one column set). */
  objectUrls?: string[][];
  /** Legacy single URL. */
  objectUrl?: string;
  accessKey?: string;
  secretKey?: string;
  token?: string;
  volumeName?: string;
  dataPaths?: string[][];
  options?: Record<string, unknown>;
}

const importFileSchema = z.object({
  fileName: z.string().optional(),
  fileSize: z.number().optional(),
  state: z.string().optional(),
  progress: z.number().optional(),
  completeTime: z.string().nullish(),
  reason: z.string().nullish(),
  importedRows: z.number().optional(),
  totalRows: z.number().optional(),
});

export const importProgressSchema = z.object({
  jobId: z.string(),
  collectionName: z.string().optional(),
  fileName: z.string().optional(),
  fileSize: z.number().optional(),
  /** `Pending` | `Importing` | `Completed` | `Failed` (see `normalizeImportState`). */
  state: z.string(),
  progress: z.number().optional(),
  completeTime: z.string().nullish(),
  reason: z.string().nullish(),
  importedRows: z.number().optional(),
  totalRows: z.number().optional(),
  details: z.array(importFileSchema).nullish(),
});
/** Progress of one import job. */
export type ImportProgress = z.output<typeof importProgressSchema>;

export const importJobSummarySchema = z.object({
  jobId: z.string(),
  collectionName: z.string().optional(),
  /** The list page documents `InProgress` where getProgress says `Importing`. */
  state: z.string(),
  progress: z.number().optional(),
  reason: z.string().nullish(),
});
/** One entry of the job list. */
export type ImportJobSummary = z.output<typeof importJobSummarySchema>;

/** The three paths the progress call is known under (docs, Node SDK, pymilvus). */
export type ImportProgressPath = "getProgress" | "get_progress" | "describe";

type Opts = { signal?: AbortSignal };

/** `/v2/vectordb/jobs/import/...` on the control-plane host. */
export class ImportJobs {
  constructor(
    private readonly t: Transport,
    private readonly progressPath: ImportProgressPath = "getProgress",
  ) {}

  /** Starts an import. Never re-sent: a second import would load the data twice. */
  create(body: CreateImportJobRequest, o: Opts = {}): Promise<{ jobId: string }> {
    return this.t.call({ method: "POST", path: "/v2/vectordb/jobs/import/create", body, schema: z.object({ jobId: z.string() }), idempotent: false, signal: o.signal });
  }
  /** Progress of one job. Unknown job: NotFoundError (96026). */
  getProgress(req: { clusterId: string; jobId: string }, o: Opts & { path?: ImportProgressPath } = {}): Promise<ImportProgress> {
    return this.t.call({ method: "POST", path: `/v2/vectordb/jobs/import/${o.path ?? this.progressPath}`, body: req, schema: importProgressSchema, idempotent: true, signal: o.signal });
  }
  /** Every job of a cluster, all pages. */
  list(req: { clusterId: string; pageSize?: number }, o: Opts = {}): AsyncIterable<ImportJobSummary> {
    return paginate(async (currentPage, pageSize) => {
      const page = await this.t.call({
        method: "POST",
        path: "/v2/vectordb/jobs/import/list",
        body: { clusterId: req.clusterId, pageSize, currentPage },
        schema: z.object({ count: z.number().optional(), records: z.array(importJobSummarySchema).nullish().transform((v) => v ?? []) }),
        idempotent: true,
        signal: o.signal,
      });
      return { items: page.records, count: page.count };
    }, req.pageSize);
  }
}
