/**
 * How an ImportJob create avoids importing twice. An import has no name and no mark, so its own job is found
 * by what the APIs report: the collection's job list, and each job's files (`details[].fileName`). Neither
 * API reports when a job was created (Milvus only from 2.6), so "created since the request" is decided with a
 * snapshot of the job list taken just before the submit:
 * - an unfinished job importing the same files into the same collection is followed instead of submitting
 *   again (an interrupted run submitted it);
 * - a job this resource noted on the collection (`import-marker.ts`) before it was interrupted is followed,
 *   finished or not (unless it failed);
 * - after a lost submit answer, a job that is new since the snapshot, on the collection, with the same files
 *   is the one the lost request started. None: nothing was imported, and the user is told to run `up` again
 *   (an import is never re-sent blindly: a late first request would import the rows twice).
 */
import { normalizeImportState, type ImportProgress } from "../../client";
import { createOrFind, type Lookup } from "../shared/outcome-unknown";
import type { RuntimeContext } from "../shared/runtime-context";
import type { ImportMarker } from "./import-marker";

/** One entry of a job list. */
export interface ListedJob {
  jobId: string;
  collectionName?: string;
  state: string;
}

/** The calls the recovery needs; `list` is absent where the API has no usable job list (v1). */
export interface RecoverableImportApi {
  submit(): Promise<string>;
  progress(jobId: string): Promise<ImportProgress>;
  list?(): Promise<ListedJob[]>;
}

/** The file paths a job reports: Milvus writes each file unit as a Go list (`"[a.json b.json]"`), the cloud a URL. */
export function reportedFiles(p: ImportProgress): string[] {
  const names = [...(p.details ?? []).map((d) => d.fileName), p.fileName].filter((n): n is string => typeof n === "string" && n !== "");
  return [...new Set(names.flatMap((n) => (n.startsWith("[") && n.endsWith("]") ? n.slice(1, -1).split(" ").filter(Boolean) : [n])))];
}

/** A reported file is ours when it is the same text, or a URL ending in our (volume data) path. */
function isFile(reported: string, ours: string): boolean {
  const relative = ours.replace(/^\/+/, "");
  return reported === ours || (!ours.includes("://") && reported.includes("://") && reported.endsWith(`/${relative}`));
}

/** True when the job imports these files: every file it reports is one of ours, and our first file is among them. */
export function sameFiles(reported: readonly string[], ours: readonly string[]): boolean {
  return reported.length > 0 && reported.every((f) => ours.some((o) => isFile(f, o))) && reported.some((f) => isFile(f, ours[0]!));
}

const finished = (state: string) => ["Completed", "Failed"].includes(normalizeImportState(state));

/** The jobs among `jobs` (on the collection) that import `files`, with their progress. */
async function withSameFiles(a: RecoverableImportApi, jobs: ListedJob[], collectionName: string, files: string[]): Promise<Array<{ jobId: string; progress: ImportProgress }>> {
  const out: Array<{ jobId: string; progress: ImportProgress }> = [];
  for (const job of jobs) {
    if (job.collectionName !== undefined && job.collectionName !== collectionName) continue;
    const progress = await a.progress(job.jobId);
    if (sameFiles(reportedFiles(progress), files)) out.push({ jobId: job.jobId, progress });
  }
  return out;
}

/** The job to follow (see the module comment), noted on the collection when a marker is given. */
export async function submitOrFind(ctx: RuntimeContext, a: RecoverableImportApi, collectionName: string, units: string[][], marker?: ImportMarker): Promise<{ jobId: string; first?: ImportProgress }> {
  const job = await findOrSubmit(ctx, a, collectionName, units, marker);
  if (marker) await marker.write(job.jobId);
  return job;
}

async function findOrSubmit(ctx: RuntimeContext, a: RecoverableImportApi, collectionName: string, units: string[][], marker?: ImportMarker): Promise<{ jobId: string; first?: ImportProgress }> {
  const files = units.flat();
  // This resource noted a job before (an interrupted run, after the submit): follow it, finished or not, unless it
  // failed (then the user asked for a new attempt) or imports other files.
  const noted = marker ? await marker.read() : undefined;
  if (noted !== undefined) {
    const progress = await a.progress(noted).catch(() => undefined);
    if (progress && normalizeImportState(progress.state) !== "Failed" && sameFiles(reportedFiles(progress), files)) {
      ctx.log(`import job ${noted}: this resource submitted it before (noted on the collection by an interrupted run); following it instead of importing again`);
      return { jobId: noted, first: progress };
    }
  }
  const before = a.list ? await a.list() : undefined;
  if (before) {
    const running = await withSameFiles(a, before.filter((j) => !finished(j.state)), collectionName, files);
    if (running.length === 1) {
      ctx.log(`import job ${running[0]!.jobId}: already importing these files into "${collectionName}" (an interrupted run submitted it); following it instead of importing again`);
      return running[0]!;
    }
    if (running.length > 1) {
      throw new Error(`ImportJob: ${running.length} unfinished jobs already import these files into "${collectionName}" (${running.map((r) => r.jobId).join(", ")}); wait for them, then read the right one into the stack with ImportJob.get(name, jobId, {...}) instead of importing again`);
    }
  }
  const lookUp = async (): Promise<Lookup<{ jobId: string; progress: ImportProgress }>> => {
    if (!before || !a.list) return { unknowable: "this API version has no job list to look in" };
    const known = new Set(before.map((j) => j.jobId));
    const same = await withSameFiles(a, (await a.list()).filter((j) => !known.has(j.jobId)), collectionName, files);
    if (same.length === 1) return { found: same[0]! };
    if (same.length === 0) return { absent: true };
    return { unknowable: `${same.length} new jobs import these files (${same.map((s) => s.jobId).join(", ")})` };
  };
  const outcome = await createOrFind(ctx, {
    what: `import into "${collectionName}"`,
    send: () => a.submit(),
    lookUp,
    resendWhenAbsent: false,
    nextStep:
      "look at the cluster's import jobs. If one imports these files, read it into the stack with ImportJob.get(name, jobId, { clusterId }) instead of importing again; " +
      "if none does, nothing was imported: run `pulumi up` again",
  });
  if ("sent" in outcome) return { jobId: outcome.sent };
  ctx.log(`import job ${outcome.found.jobId}: the lost request started it; following it`);
  return { jobId: outcome.found.jobId, first: outcome.found.progress };
}
