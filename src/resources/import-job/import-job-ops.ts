/** ImportJob create/read/delete: Zilliz Cloud (control plane v2 by clusterId) or a Milvus data plane. */
import { isNotFound, MilvusClient, normalizeImportState, waitFor, ZillizClient, ZillizClientV1, type ImportProgress, type ImportProgressV1 } from "../../client";
import { partialState } from "../shared/partial-state";
import { requireApiKey } from "../shared/provider-config";
import { deadlineMs, outcomeUnknown, pickInputs, type ResourceOps, type RuntimeContext } from "../shared/runtime-context";
import { planImportJobDiff } from "./import-job-plan";
import { DEFAULT_IMPORT_WAIT_SECONDS, importJobInputsSchema, objectUrlGroups } from "./import-job-schema";

export const IMPORT_JOB_INPUT_KEYS = [
  "clusterId", "endpoint", "apiVersion", "regionId", "token", "dbName", "collectionName", "partitionName", "objectUrls", "accessKey", "secretKey", "waitTimeoutSeconds", "waitForCompletion",
] as const;

/** One way to submit and follow a job, whichever plane it runs on. */
interface ImportApi {
  submit(): Promise<string>;
  progress(jobId: string): Promise<ImportProgress>;
}

/** v1 reports a fraction and an error message instead of a state. */
function fromV1(s: ImportProgressV1): ImportProgress {
  const ready = s.readyPercentage ?? 0;
  const state = s.errorMessage ? "Failed" : ready >= 1 ? "Completed" : "Importing";
  return { jobId: s.jobId, state, progress: Math.round(ready * 100), ...(s.errorMessage ? { reason: s.errorMessage } : {}) };
}

function api(ctx: RuntimeContext, p: Record<string, unknown>): ImportApi {
  const urls = objectUrlGroups((p.objectUrls as Array<string | string[]>) ?? []);
  const common = {
    collectionName: p.collectionName as string,
    ...(p.dbName ? { dbName: p.dbName as string } : {}),
    ...(p.partitionName ? { partitionName: p.partitionName as string } : {}),
  };
  if (typeof p.endpoint === "string") {
    const mc = new MilvusClient({ endpoint: p.endpoint, token: (p.token as string | undefined) ?? ctx.config.apiKey });
    return {
      submit: async () => (await mc.importJobs.create({ ...common, files: urls })).jobId,
      progress: (jobId) => mc.importJobs.getProgress({ jobId, ...(p.dbName ? { dbName: p.dbName as string } : {}) }),
    };
  }
  const clusterId = p.clusterId as string;
  if (p.apiVersion === "v1") {
    const v1 = new ZillizClientV1({ apiKey: requireApiKey(ctx.config), baseUrl: ctx.config.cloudApiUrl, regionId: p.regionId as string | undefined });
    return {
      submit: async () =>
        (await v1.importJobs.create({
          clusterId, collectionName: common.collectionName, objectUrl: urls[0]![0]!,
          ...(common.partitionName ? { partitionName: common.partitionName } : {}),
          ...(p.accessKey !== undefined ? { accessKey: p.accessKey as string, secretKey: p.secretKey as string } : {}),
        })).jobId,
      progress: async (jobId) => fromV1(await v1.importJobs.getProgress({ clusterId, jobId })),
    };
  }
  const zc = new ZillizClient({ apiKey: requireApiKey(ctx.config), baseUrl: ctx.config.cloudApiUrl });
  return {
    submit: async () =>
      (await zc.importJobs.create({
        ...common, clusterId, objectUrls: urls,
        ...(p.accessKey !== undefined ? { accessKey: p.accessKey as string, secretKey: p.secretKey as string } : {}),
      })).jobId,
    progress: (jobId) => zc.importJobs.getProgress({ clusterId, jobId }),
  };
}

function outputs(p: Record<string, unknown>, jobId: string, s: ImportProgress | undefined): Record<string, unknown> {
  return {
    ...pickInputs(p, IMPORT_JOB_INPUT_KEYS), jobId,
    state: s ? normalizeImportState(s.state) : "Pending", progress: s?.progress ?? 0, importedRows: s?.importedRows ?? 0, totalRows: s?.totalRows ?? 0,
    ...(s?.reason ? { reason: s.reason } : {}),
  };
}

async function create(ctx: RuntimeContext, inputs: Record<string, unknown>) {
  const a = api(ctx, inputs);
  let jobId: string;
  try {
    jobId = await a.submit();
  } catch (e) {
    if (outcomeUnknown(e)) {
      // Never re-sent: a second submission would import the same rows twice.
      throw new Error(
        `ImportJob: the import request's answer was lost (${e instanceof Error ? e.message : String(e)}); the job may or may not have started. ` +
          "Check the cluster's import job list before running `pulumi up` again, which would submit a new import.",
      );
    }
    throw e;
  }
  let last: ImportProgress | undefined;
  try {
    last = await a.progress(jobId);
    if (inputs.waitForCompletion !== false) {
      last = await waitFor({
        poll: () => a.progress(jobId),
        check: (s) => {
          const state = normalizeImportState(s.state);
          return state === "Completed" ? "done" : state === "Failed" ? { failed: s.reason || "import failed" } : "pending";
        },
        timeoutMs: deadlineMs(inputs, DEFAULT_IMPORT_WAIT_SECONDS),
        intervalMs: ctx.pollIntervalMs,
        description: `import job ${jobId} to complete`,
        onProgress: (s, ms) => {
          last = s;
          ctx.log(`import job ${jobId}: ${normalizeImportState(s.state)} ${s.progress ?? 0}% (${s.importedRows ?? 0} rows, ${Math.round(ms / 1000)} s)`);
        },
      });
    }
  } catch (e) {
    throw partialState(jobId, outputs(inputs, jobId, last), e);
  }
  return { id: jobId, outs: outputs(inputs, jobId, last) };
}

async function read(ctx: RuntimeContext, id: string, props: Record<string, unknown>) {
  let s: ImportProgress;
  try {
    s = await api(ctx, props).progress(id);
  } catch (e) {
    // Job records expire on the server: a job no longer listed is gone from the stack too.
    if (isNotFound(e)) return {};
    throw e;
  }
  const inputs = pickInputs(props, IMPORT_JOB_INPUT_KEYS);
  return { id, props: outputs(inputs, id, s), inputs };
}

async function update(_ctx: RuntimeContext, _id: string, olds: Record<string, unknown>, news: Record<string, unknown>) {
  // Only the token or wait settings change in place: the job itself is not touched.
  const { jobId, state, progress, importedRows, totalRows, reason } = olds;
  return { outs: { ...pickInputs(news, IMPORT_JOB_INPUT_KEYS), jobId, state, progress, importedRows, totalRows, ...(reason !== undefined ? { reason } : {}) } };
}

async function remove(ctx: RuntimeContext, id: string): Promise<void> {
  // An import cannot be undone: the rows stay in the collection; only the stack forgets the job.
  ctx.log(`import job ${id}: removed from the stack; the imported rows stay in the collection`);
}

/** The ImportJob's run-time operations. */
export const importJobOps: ResourceOps = { schema: importJobInputsSchema, plan: planImportJobDiff, create, read, update, delete: remove };
