/** ImportJob operations: Zilliz Cloud (control plane, by clusterId) or a Milvus data plane (run time only). */
import { isNotFound, MilvusClient, normalizeImportState, waitFor, ZillizClientV1, type ImportProgress, type ImportProgressV1 } from "../../client";
import { effectiveToken } from "../shared/lost-password";
import { cloudClient } from "../shared/cloud-client";
import { IncompleteError } from "../shared/partial-state";
import { requireApiKey } from "../shared/provider-config";
import { defineResource, type Observed, type ResourceOps } from "../shared/resource-definition";
import { deadlineMs, type RuntimeContext } from "../shared/runtime-context";
import { importMarker } from "./import-marker";
import { submitOrFind, type ListedJob, type RecoverableImportApi } from "./import-recovery";
import { DEFAULT_IMPORT_WAIT_SECONDS, importJobSpec, objectUrlGroups, refineImportJob, type ImportJobInputs, type ImportJobSpec, type ImportJobState } from "./import-job-spec";

/** One way to submit, follow and list jobs, whichever plane it runs on (v1 has no usable list). */
type ImportApi = RecoverableImportApi;

/** v1 reports a fraction and an error message instead of a state. */
function fromV1(s: ImportProgressV1): ImportProgress {
  const ready = s.readyPercentage ?? 0;
  const state = s.errorMessage ? "Failed" : ready >= 1 ? "Completed" : "Importing";
  return { jobId: s.jobId, state, progress: Math.round(ready * 100), ...(s.errorMessage ? { reason: s.errorMessage } : {}) };
}

function api(ctx: RuntimeContext, p: ImportJobInputs): ImportApi {
  const urls = objectUrlGroups(p.objectUrls ?? []);
  const common = { collectionName: p.collectionName, ...(p.dbName ? { dbName: p.dbName } : {}), ...(p.partitionName ? { partitionName: p.partitionName } : {}) };
  const keys = p.accessKey !== undefined && p.secretKey !== undefined ? { accessKey: p.accessKey, secretKey: p.secretKey } : {};
  if (p.endpoint !== undefined) {
    const mc = new MilvusClient({ endpoint: p.endpoint, token: effectiveToken(ctx, p.token, ctx.config.apiKey) });
    return {
      submit: async () => (await mc.importJobs.create({ ...common, files: urls })).jobId,
      progress: (jobId) => mc.importJobs.getProgress({ jobId, ...(p.dbName ? { dbName: p.dbName } : {}) }),
      list: () => mc.importJobs.list({ collectionName: p.collectionName, ...(p.dbName ? { dbName: p.dbName } : {}) }),
    };
  }
  const clusterId = p.clusterId!;
  if (p.apiVersion === "v1") {
    const v1 = new ZillizClientV1({ apiKey: requireApiKey(ctx.config), baseUrl: ctx.config.cloudApiUrl, regionId: p.regionId });
    return {
      submit: async () => (await v1.importJobs.create({ clusterId, collectionName: p.collectionName, objectUrl: urls[0]![0]!, ...(p.partitionName ? { partitionName: p.partitionName } : {}), ...keys })).jobId,
      progress: async (jobId) => fromV1(await v1.importJobs.getProgress({ clusterId, jobId })),
    };
  }
  const zc = cloudClient(ctx);
  return {
    // A volume source names the volume and the paths in it; the keys belong to object storage only.
    submit: async () =>
      (p.volumeName !== undefined
        ? await zc.importJobs.create({ ...common, clusterId, volumeName: p.volumeName, dataPaths: objectUrlGroups(p.dataPaths ?? []) })
        : await zc.importJobs.create({ ...common, clusterId, objectUrls: urls, ...keys })
      ).jobId,
    progress: (jobId) => zc.importJobs.getProgress({ clusterId, jobId }),
    list: async () => {
      const jobs: ListedJob[] = [];
      for await (const j of zc.importJobs.list({ clusterId, pageSize: 100 })) jobs.push(j);
      return jobs;
    },
  };
}

function observe(jobId: string, s: ImportProgress | undefined): Observed {
  return {
    jobId,
    state: s ? normalizeImportState(s.state) : "Pending",
    progress: s?.progress ?? 0,
    importedRows: s?.importedRows ?? 0,
    totalRows: s?.totalRows ?? 0,
    ...(s?.reason ? { reason: s.reason } : {}),
  };
}

/** The job's outputs as last stored (nothing on the server to ask). */
function stored(state: ImportJobState, jobId: string): Observed {
  const { state: s, progress, importedRows, totalRows, reason } = state;
  return { jobId, state: s ?? "Pending", progress: progress ?? 0, importedRows: importedRows ?? 0, totalRows: totalRows ?? 0, ...(reason !== undefined ? { reason } : {}) };
}

/**
 * Follows a submitted job until Completed. A Failed job, or a wait that runs out, keeps the job in the
 * stack as partial state: the next `up` follows it again (and fails again for a Failed job), never resubmits.
 */
async function follow(ctx: RuntimeContext, a: ImportApi, jobId: string, inputs: ImportJobInputs, first?: ImportProgress): Promise<Observed> {
  let last = first;
  try {
    last = last ?? (await a.progress(jobId));
    if (normalizeImportState(last.state) === "Failed") throw new Error(`import job ${jobId} failed: ${last.reason || "no reason given"}. Fix the files and change objectUrls (a new import), or run \`pulumi up --replace\` on this resource`);
    if (inputs.waitForCompletion === false || normalizeImportState(last.state) === "Completed") return observe(jobId, last);
    last = await waitFor({
      poll: () => a.progress(jobId),
      check: (s) => {
        const state = normalizeImportState(s.state);
        return state === "Completed" ? "done" : state === "Failed" ? { failed: `import job ${jobId} failed: ${s.reason || "no reason given"}` } : "pending";
      },
      timeoutMs: deadlineMs(inputs, DEFAULT_IMPORT_WAIT_SECONDS),
      intervalMs: ctx.pollIntervalMs,
      description: `import job ${jobId} to complete`,
      onProgress: (s, ms) => {
        last = s;
        ctx.log(`import job ${jobId}: ${normalizeImportState(s.state)} ${s.progress ?? 0}% (${s.importedRows ?? 0} rows, ${Math.round(ms / 1000)} s)`);
      },
    });
    return observe(jobId, last);
  } catch (e) {
    const failed = last !== undefined && normalizeImportState(last.state) === "Failed";
    throw new IncompleteError(jobId, observe(jobId, last), { operation: "import", step: failed ? "failed" : "wait Completed" }, e);
  }
}

async function create(ctx: RuntimeContext, inputs: ImportJobInputs) {
  const a = api(ctx, inputs);
  // Never re-sent blindly: a lost answer is settled by the job list (import-recovery.ts).
  // The files to recognise the job by: the object URLs, or for a volume source its data paths (a job reports
  // them as URLs that end with the path).
  const source = inputs.volumeName !== undefined ? inputs.dataPaths : inputs.objectUrls;
  const { jobId, first } = await submitOrFind(ctx, a, inputs.collectionName, objectUrlGroups(source ?? []), importMarker(ctx, inputs));
  return { id: jobId, observed: await follow(ctx, a, jobId, inputs, first) };
}

async function read(ctx: RuntimeContext, id: string, state: ImportJobState): Promise<Observed> {
  try {
    return observe(id, await api(ctx, state as ImportJobInputs).progress(id));
  } catch (e) {
    if (!isNotFound(e)) throw e;
    // Job records expire on the server. The import still happened: the job stays in the stack as it was
    // last seen, so that nothing ever submits it again.
    ctx.log(`import job ${id}: the server no longer lists it (job records expire); keeping it as last seen (${String(state.state ?? "unknown")})`);
    return stored(state, id);
  }
}

async function resume(ctx: RuntimeContext, id: string, state: ImportJobState, news: ImportJobInputs): Promise<Observed> {
  let first: ImportProgress;
  try {
    first = await api(ctx, news).progress(id);
  } catch (e) {
    if (!isNotFound(e)) throw new IncompleteError(id, stored(state, id), { operation: "import", step: "wait Completed" }, e);
    throw new IncompleteError(id, stored(state, id), { operation: "import", step: "expired" }, new Error(`import job ${id} was not finished when last seen and the server no longer lists it, so its outcome is unknown; check the collection's row count, then remove the resource from the stack (\`pulumi state delete\`) or replace it`));
  }
  return follow(ctx, api(ctx, news), id, news, first);
}

const ops: ResourceOps<ImportJobSpec> = {
  create,
  read,
  // Every in-place change of a job is only recorded (the runtime never calls this for those); nothing to send.
  update: async () => ({}),
  resume,
  delete: async (ctx, id, state) => {
    // An import cannot be undone: the rows stay in the collection; only the stack forgets the job (and its note).
    await importMarker(ctx, state as Partial<ImportJobInputs>)?.clear(id);
    ctx.log(`import job ${id}: removed from the stack; the imported rows stay in the collection`);
  },
};

/** The ImportJob resource. */
export const importJobDefinition = defineResource({ kind: "ImportJob", spec: importJobSpec, refine: refineImportJob, ops });
