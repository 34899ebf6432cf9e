/** Import jobs (§7): v2 `jobs/import/*` and the entry points the control plane calls. */
import { collection, database, type PlaneContext, type Routes } from "./context";
import { Code, DataPlaneError, invalidParameter } from "./errors";
import { Int64 } from "./json-text";
import { nextId, type ImportJobState } from "./state";
import { startTransition, transitionProgress } from "./transitions";
import { KNOWN_EXTENSIONS, readRows } from "./import-files";
import { convertRow } from "./rows";
import { insertRows } from "./entities";

/** The job summary the control plane reads (`importJob`). */
export interface ImportJobView {
  jobId: string;
  collectionName: string;
  state: "Pending" | "Importing" | "Completed" | "Failed";
  progress: number;
  importedRows: number;
  totalRows: number;
  reason: string;
  completeTime: string;
  fileName: string;
  fileSize: number;
}

/** Below this share of its transition a job is still Pending; the rest of the way it is Importing. */
const PENDING_SHARE = 34;

/** Starts an import: validates the request now, reads the files now; failures show when the job leaves Pending. */
export function startImport(ctx: PlaneContext, collectionName: string, partitionName: string, files: string[]): string {
  const coll = collection(ctx, collectionName);
  if (files.length === 0) throw invalidParameter("import request is empty");
  if (partitionName !== "" && coll.partitionKeyCount > 0) {
    throw new DataPlaneError(Code.importFailed, "not allow to set partition name for collection with partition key: importing data failed");
  }
  const partition = partitionName || (coll.partitionKeyCount > 0 ? coll.partitions[0]! : "_default");
  if (!coll.partitions.includes(partition)) throw new DataPlaneError(Code.partitionNotFound, `partition not found[partition=${partition}]`);
  for (const file of files) {
    const ext = file.slice(file.lastIndexOf(".")).toLowerCase();
    if (!KNOWN_EXTENSIONS.includes(ext)) throw new DataPlaneError(Code.importFailed, `unexpected file type, files=[${file}]: importing data failed`);
  }
  const job: ImportJobState = {
    jobId: nextId(ctx.state), dbName: database(ctx).name, collectionName: coll.name, partitionName: partition, files,
    fileSize: 0, rows: [], transition: startTransition(ctx.mode("import")), completed: false, completeTime: "",
  };
  for (const file of files) {
    const read = readRows(file, ctx.importRoot);
    if ("failure" in read) {
      job.failure = read.failure;
      break;
    }
    job.fileSize += read.size;
    for (const [i, row] of read.rows.entries()) {
      // Validate against a scratch state so that auto IDs are only issued when rows are really inserted.
      const checked = convertRow({ ...ctx.state, lastId: ctx.state.lastId }, coll, row);
      if (typeof checked === "string") {
        job.failure = `failed to parse row ${i} of ${file}: ${checked}`;
        break;
      }
      job.rows.push(row as Record<string, unknown>);
    }
    if (job.failure) break;
  }
  ctx.state.imports[job.jobId] = job;
  return job.jobId;
}

/** Finishes jobs whose transition is over: inserts their rows once. Returns whether anything changed. */
export function settleImports(ctx: PlaneContext): boolean {
  let changed = false;
  for (const job of Object.values(ctx.state.imports)) {
    if (job.completed || job.failure || transitionProgress(job.transition) < 100) continue;
    const coll = ctx.state.databases[job.dbName]?.collections[job.collectionName];
    if (!coll) job.failure = `collection ${job.collectionName} was dropped during the import`;
    else {
      try {
        insertRows(ctx, coll, job.rows, coll.partitions.includes(job.partitionName) ? job.partitionName : coll.partitions[0]!);
        job.completed = true;
        job.completeTime = new Date().toISOString().replace(/\.\d+Z$/, "Z");
      } catch (error) {
        job.failure = error instanceof Error ? error.message : String(error);
      }
    }
    changed = true;
  }
  return changed;
}

/** The public view of a job. */
export function viewJob(job: ImportJobState): ImportJobView {
  const p = transitionProgress(job.transition);
  const failed = job.failure !== undefined && p >= PENDING_SHARE;
  const state = failed ? "Failed" : job.completed ? "Completed" : p < PENDING_SHARE ? "Pending" : "Importing";
  const progress = state === "Failed" ? 0 : state === "Completed" ? 100 : state === "Pending" ? Math.floor((p / PENDING_SHARE) * 10) : 40 + Math.floor(((p - PENDING_SHARE) / (100 - PENDING_SHARE)) * 50);
  const rows = state === "Completed" ? job.rows.length : 0;
  return {
    jobId: job.jobId, collectionName: job.collectionName, state, progress, importedRows: rows, totalRows: rows,
    reason: failed ? job.failure! : "", completeTime: job.completeTime, fileName: `[${job.files.join(" ")}]`, fileSize: job.fileSize,
  };
}

function findJob(ctx: PlaneContext, jobId: string): ImportJobState {
  if (!/^\d+$/.test(jobId)) throw new DataPlaneError(Code.importFailed, `strconv.ParseInt: parsing "${jobId}": invalid syntax: importing data failed`);
  const job = ctx.state.imports[jobId];
  if (!job) throw new DataPlaneError(Code.importFailed, `import job does not exist, jobID=${jobId}: importing data failed`);
  return job;
}

function describeJob(job: ImportJobState): Record<string, unknown> {
  const v = viewJob(job);
  const taskState = v.state === "Importing" ? "InProgress" : v.state;
  return {
    collectionName: v.collectionName, completeTime: v.completeTime, fileSize: new Int64(String(v.fileSize)),
    importedRows: new Int64(String(v.importedRows)), jobId: v.jobId, progress: new Int64(String(v.progress)),
    reason: v.reason || undefined, state: v.state, totalRows: new Int64(String(v.totalRows)),
    details: [{
      completeTime: v.completeTime, fileName: v.fileName, fileSize: new Int64(String(v.fileSize)), importedRows: new Int64(String(v.importedRows)),
      progress: new Int64(String(v.progress)), reason: v.reason || undefined, state: taskState, totalRows: new Int64(String(v.totalRows)),
    }],
  };
}

const JOB_SPEC = { struct: "JobIDReq", fields: { "jobId!": "string" as const } };

export const importRoutes: Routes = {
  "jobs/import/create": {
    spec: { struct: "ImportReq", fields: { dbName: "string", "collectionName!": "string", partitionName: "string", "files!": "array", options: "strmap" } },
    run(body, ctx) {
      const files = (body.files as unknown[]).flatMap((unit) => (Array.isArray(unit) ? unit : [unit]));
      if (files.some((f) => typeof f !== "string")) {
        throw new DataPlaneError(Code.incorrectParameterFormat, "can only accept json format request, error: json: cannot unmarshal number into Go struct field ImportReq.files of type string");
      }
      const jobId = startImport(ctx, body.collectionName as string, (body.partitionName as string | undefined) ?? "", files as string[]);
      return { data: { jobId } };
    },
  },
  "jobs/import/describe": { spec: JOB_SPEC, run: (body, ctx) => ({ data: describeJob(findJob(ctx, body.jobId as string)) }) },
  "jobs/import/get_progress": { spec: JOB_SPEC, run: (body, ctx) => ({ data: describeJob(findJob(ctx, body.jobId as string)) }) },
  "jobs/import/list": {
    spec: { struct: "OptionalCollectionNameReq", fields: { dbName: "string", collectionName: "string" } },
    run(body, ctx) {
      const records = Object.values(ctx.state.imports)
        .filter((j) => j.dbName === ctx.dbName && (!body.collectionName || j.collectionName === body.collectionName))
        .map((j) => {
          const v = viewJob(j);
          return { collectionName: v.collectionName, jobId: v.jobId, progress: new Int64(String(v.progress)), reason: v.reason || undefined, state: v.state };
        });
      return { data: { records } };
    },
  },
};
