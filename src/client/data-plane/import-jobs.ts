/** Milvus data plane v2: Milvus-native import jobs (`milvus-rest-api.md` §7). */
import { z } from "zod";
import { importProgressSchema, type ImportProgress } from "../control-plane/import-jobs";
import type { CodeOverrides } from "../error-codes";
import { int64String } from "../schema-helpers";
import type { Transport } from "../transport";
import { type CallOptions, post } from "./call";

/** Body of `jobs/import/create`. */
export interface CreateMilvusImportRequest {
  collectionName: string;
  dbName?: string;
  partitionName?: string;
  /** Object-storage keys relative to the Milvus bucket; each inner list is one file unit. */
  files: string[][];
  /** Values must be strings (e.g. `{timeout: "300s"}`). */
  options?: Record<string, string>;
}

// On this endpoint 2100/2101 mean "import job does not exist" (2.4/2.5 and late 2.6).
const progressOverrides: CodeOverrides = { 2100: "not_found", 2101: "not_found" };

export const milvusImportRecordSchema = z.object({
  jobId: int64String,
  collectionName: z.string().optional(),
  state: z.string(),
  progress: z.number().optional(),
  reason: z.string().nullish(),
});
/** One entry of `jobs/import/list`. */
export type MilvusImportRecord = z.output<typeof milvusImportRecordSchema>;

/** `/v2/vectordb/jobs/import/...` on a cluster or Milvus endpoint. */
export class MilvusImportJobs {
  constructor(private readonly t: Transport) {}
  /** Starts an import; the job id is a numeric string. Never re-sent. */
  create(req: CreateMilvusImportRequest, o: CallOptions = {}): Promise<{ jobId: string }> {
    return post(this.t, "jobs/import/create", req, z.object({ jobId: int64String }), false, o);
  }
  /** `describe` (default) or the deprecated `get_progress`. Unknown job: NotFoundError. */
  getProgress(req: { jobId: string; dbName?: string }, o: CallOptions & { path?: "describe" | "get_progress" } = {}): Promise<ImportProgress> {
    // These request types have no dbName field: the database travels in the DB-Name header.
    const headers = req.dbName ? { "DB-Name": req.dbName } : undefined;
    const schema = importProgressSchema.extend({ jobId: int64String });
    return post(this.t, `jobs/import/${o.path ?? "describe"}`, { jobId: req.jobId }, schema, true, { ...o, overrides: progressOverrides, headers });
  }
  list(req: { dbName?: string; collectionName?: string } = {}, o: CallOptions = {}): Promise<MilvusImportRecord[]> {
    return post(this.t, "jobs/import/list", req, z.object({ records: z.array(milvusImportRecordSchema).nullish() }).transform((d) => d.records ?? []), true, o);
  }
}
