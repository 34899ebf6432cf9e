/** Import jobs (§7): v2 `jobs/import/*` and the entry points the control plane calls. */
import { collection, database, type PlaneContext, type Routes } from "./context";
import { Code, DataPlaneError, invalidParameter } from "./errors";
import { Int64 } from "./json-text";
import { nextId, type ImportJobState } from "./state";
import { startTransition, transitionProgress } from "./transitions";
import { extensionOf, KNOWN_EXTENSIONS, readUnit, type FileRead, type ImportSource } from "./import-files";
import type { S3Credentials } from "./sigv4";
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

/** Jobs whose files are being fetched or decoded in this process (a restored job still marked `reading` was cut off). */
const inFlight = new WeakSet<ImportJobState>();

/** What an import may add to the files: the object-store keys (control plane) and Milvus's `options`. */
export interface ImportExtras {
  /** Keys from the control-plane request; the data plane's own when undefined. */
  credentials?: S3Credentials;
  /** Milvus import options (`sep`, `nullkey` for CSV). */
  options?: Record<string, string>;
}

/** Drops empty units and checks each one's file types the way Milvus's proxy does. */
export function checkUnits(units: string[][]): string[][] {
  const kept = units.filter((unit) => unit.length > 0);
  if (kept.length === 0) throw invalidParameter("import request is empty");
  for (const unit of kept) {
    const exts = unit.map(extensionOf);
    if (exts.some((ext) => !KNOWN_EXTENSIONS.includes(ext)) || (unit.length > 1 && exts.some((ext) => ext !== ".npy"))) {
      if (unit.length > 1 && exts.every((ext) => KNOWN_EXTENSIONS.includes(ext))) {
        throw new DataPlaneError(Code.importFailed, `for JSON or parquet file, each task only accepts one file, but got ${unit.length} files: importing data failed`);
      }
      throw new DataPlaneError(Code.importFailed, `unexpected file type, files=[${unit.join(" ")}]: importing data failed`);
    }
  }
  return kept;
}

/**
 * Starts an import: validates the request now and reads the files; failures show when the job leaves Pending.
 * Local JSON, CSV and NumPy files are read before this returns; objects from the object store and Parquet
 * files are read in the background, and the job cannot complete before they are.
 */
export function startImport(ctx: PlaneContext, collectionName: string, partitionName: string, units: string[][], extras: ImportExtras = {}): string {
  const coll = collection(ctx, collectionName);
  const kept = checkUnits(units);
  if (partitionName !== "" && coll.partitionKeyCount > 0) {
    throw new DataPlaneError(Code.importFailed, "not allow to set partition name for collection with partition key: importing data failed");
  }
  const partition = partitionName || (coll.partitionKeyCount > 0 ? coll.partitions[0]! : "_default");
  if (!coll.partitions.includes(partition)) throw new DataPlaneError(Code.partitionNotFound, `partition not found[partition=${partition}]`);
  const job: ImportJobState = {
    jobId: nextId(ctx.state), dbName: database(ctx).name, collectionName: coll.name, partitionName: partition, files: kept.flat(),
    fileSize: 0, rows: [], transition: startTransition(ctx.mode("import")), completed: false, completeTime: "",
  };
  const source: ImportSource = { importRoot: ctx.importRoot, objectStore: ctx.objectStore, credentials: extras.credentials, bareKeysInBucket: true };
  const csv = { sep: extras.options?.sep, nullKey: extras.options?.nullkey };
  const reads = kept.map((unit) => readUnit(unit, coll, source, csv));
  const apply = (results: FileRead[]) => {
    for (const [u, read] of results.entries()) {
      if ("failure" in read) {
        job.failure = read.failure;
        return;
      }
      job.fileSize += read.size;
      const name = kept[u]!.join(" ");
      for (const [i, row] of read.rows.entries()) {
        // Validate against a scratch state so that auto IDs are only issued when rows are really inserted.
        const checked = convertRow({ ...ctx.state, lastId: ctx.state.lastId }, coll, row);
        if (typeof checked === "string") {
          job.failure = `failed to parse row ${i} of ${name}: ${checked}`;
          return;
        }
        job.rows.push(row as Record<string, unknown>);
      }
    }
  };
  if (reads.some((r) => r instanceof Promise)) {
    job.reading = true;
    inFlight.add(job);
    Promise.all(reads)
      .then(apply)
      .catch((error: unknown) => {
        job.rows = [];
        job.failure = `failed to read the import files: ${error instanceof Error ? error.message : String(error)}`;
      })
      .finally(() => {
        delete job.reading;
        inFlight.delete(job);
        ctx.notify?.();
      })
      .catch(() => undefined);
  } else {
    apply(reads as FileRead[]);
  }
  ctx.state.imports[job.jobId] = job;
  return job.jobId;
}

/** Finishes jobs whose transition is over: inserts their rows once. Returns whether anything changed. */
export function settleImports(ctx: PlaneContext): boolean {
  let changed = false;
  for (const job of Object.values(ctx.state.imports)) {
    if (job.reading && !inFlight.has(job)) {
      // Restored from a snapshot taken while the files were still being read: that read is gone.
      delete job.reading;
      job.failure = "the import was interrupted (zilliz-local restarted while reading its files)";
      changed = true;
      continue;
    }
    if (job.completed || job.failure || job.reading || transitionProgress(job.transition) < 100) continue;
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
      const units = (body.files as unknown[]).map((unit) => (Array.isArray(unit) ? unit : [unit]));
      if (units.flat().some((f) => typeof f !== "string")) {
        throw new DataPlaneError(Code.incorrectParameterFormat, "can only accept json format request, error: json: cannot unmarshal number into Go struct field ImportReq.files of type string");
      }
      const options = (body.options as Record<string, string> | undefined) ?? {};
      const jobId = startImport(ctx, body.collectionName as string, (body.partitionName as string | undefined) ?? "", units as string[][], { options });
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
