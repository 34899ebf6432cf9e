/**
 * Backup operations against the control plane (run time only): create, follow the cloud job until the
 * backup is AVAILABLE, delete and wait until it is gone.
 */
import { collect, isNotFound, waitFor, type Backup as BackupInfo, type CloudJob, type CreatedBackup, type ZillizClient } from "../../client";
import { cloudClient } from "../shared/cloud-client";
import { IncompleteError } from "../shared/partial-state";
import { defineResource, type Observed, type ResourceOps } from "../shared/resource-definition";
import { createOrFind } from "../shared/outcome-unknown";
import { deadlineMs, type RuntimeContext } from "../shared/runtime-context";
import { backupSpec, DEFAULT_BACKUP_WAIT_SECONDS, type BackupInputs, type BackupSpec, type BackupState } from "./backup-spec";

function observe(b: BackupInfo, jobId?: string): Observed {
  const grouped = new Map<string, string[]>();
  for (const c of b.collections ?? []) grouped.set(c.dbName || "default", [...(grouped.get(c.dbName || "default") ?? []), c.collectionName]);
  return {
    ...(b.clusterId ? { clusterId: b.clusterId } : {}),
    // What the backup holds, as the server says (a cluster backup names no collection).
    ...(b.backupType === "COLLECTION" ? { collections: [...grouped].map(([dbName, collectionNames]) => ({ dbName, collectionNames })) } : b.backupType === "CLUSTER" ? { collections: undefined } : {}),
    backupId: b.backupId,
    backupName: b.backupName ?? "",
    backupType: b.backupType ?? "",
    ...(jobId !== undefined ? { jobId } : {}),
    status: b.status,
    size: b.size ?? 0,
    createTime: b.createTime ?? "",
    expireTime: b.expireTime ?? "",
  };
}

async function describe(zc: ZillizClient, clusterId: string, backupId: string): Promise<BackupInfo | undefined> {
  try {
    return await zc.backups.describe(clusterId, backupId);
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

type Seen = { job?: CloudJob; backup?: BackupInfo };

/**
 * Follows the cloud job (its status and progress), then confirms on the backup itself that it is AVAILABLE.
 * Without a job id (a backup read into the stack by `get`), the backup's own status is polled.
 */
function waitAvailable(ctx: RuntimeContext, zc: ZillizClient, clusterId: string, backupId: string, jobId: string | undefined, inputs: { waitTimeoutSeconds?: number }): Promise<Seen> {
  return waitFor<Seen>({
    poll: async () => {
      const job = jobId ? await zc.cloudJobs.describe(jobId).catch((e: unknown) => (isNotFound(e) ? undefined : Promise.reject(e))) : undefined;
      if (job !== undefined && job.status !== "SUCCESSFUL" && job.status !== "FAILED") return { job };
      return { job, backup: await describe(zc, clusterId, backupId) };
    },
    check: ({ job, backup }) => {
      if (job?.status === "FAILED") return { failed: `backup job ${job.jobId} FAILED${job.reason ? `: ${job.reason}` : ""}` };
      if (job !== undefined && backup === undefined && job.status === "SUCCESSFUL") return { failed: `backup ${backupId} is gone although its job succeeded` };
      if (backup?.status === "AVAILABLE") return "done";
      if (backup !== undefined && /FAIL/.test(backup.status)) return { failed: `backup ${backupId} is ${backup.status}` };
      return "pending";
    },
    timeoutMs: deadlineMs(inputs, DEFAULT_BACKUP_WAIT_SECONDS),
    intervalMs: ctx.pollIntervalMs,
    description: `backup ${backupId} of cluster ${clusterId} to be AVAILABLE`,
    onProgress: ({ job, backup }, ms) =>
      ctx.log(`backup ${backupId}: ${job ? `job ${job.status}${job.progress !== undefined ? ` (${job.progress}%)` : ""}` : (backup?.status ?? "pending")}, waiting for AVAILABLE (${Math.round(ms / 1000)} s)`),
  });
}

/** Waits, then reports what the server has; a failure keeps the backup in the stack with the wait pending. */
async function finish(ctx: RuntimeContext, zc: ZillizClient, clusterId: string, backupId: string, jobId: string | undefined, inputs: { waitTimeoutSeconds?: number }, operation: string): Promise<Observed> {
  try {
    await waitAvailable(ctx, zc, clusterId, backupId, jobId, inputs);
    const b = await describe(zc, clusterId, backupId);
    if (!b) throw new Error(`backup ${backupId} disappeared right after it became AVAILABLE`);
    return observe(b, jobId);
  } catch (e) {
    const now = await describe(zc, clusterId, backupId).catch(() => undefined);
    throw new IncompleteError(backupId, now ? observe(now, jobId) : { backupId, ...(jobId ? { jobId } : {}), status: "CREATING" }, { operation, step: "wait AVAILABLE" }, e);
  }
}

/** The cluster's on-demand backups of a type (to tell a new one from those that were there before). */
async function manualBackups(zc: ZillizClient, clusterId: string, backupType: "CLUSTER" | "COLLECTION"): Promise<BackupInfo[]> {
  return collect(zc.backups.list({ clusterId, creationMethod: "MANUAL", backupType }));
}

async function create(ctx: RuntimeContext, inputs: BackupInputs) {
  const zc = cloudClient(ctx);
  const collections = inputs.collections;
  const backupType = collections ? "COLLECTION" : "CLUSTER";
  // The server names backups itself, so a create whose answer is lost can only be recognised as the one
  // backup that was not there before: note what is there first (one list call per create).
  const before = new Set((await manualBackups(zc, inputs.clusterId, backupType)).map((b) => b.backupId));
  const outcome = await createOrFind<CreatedBackup, BackupInfo>(ctx, {
    what: `backup of cluster ${inputs.clusterId}`,
    send: () =>
      zc.backups.create(inputs.clusterId, {
        backupType,
        ...(collections ? { dbCollections: collections.map((c) => ({ dbName: c.dbName ?? "default", collectionNames: c.collectionNames })) } : {}),
        ...(inputs.crossRegionCopies ? { crossRegionCopies: inputs.crossRegionCopies } : {}),
      }),
    lookUp: async () => {
      const fresh = (await manualBackups(zc, inputs.clusterId, backupType)).filter((b) => !before.has(b.backupId));
      if (fresh.length === 1) return { found: fresh[0]! };
      if (fresh.length === 0) return { absent: true };
      // Someone else is making backups too: taking one would be a guess.
      return { unknowable: `${fresh.length} new backups appeared (${fresh.map((b) => b.backupId).join(", ")})` };
    },
    // The server names backups itself: a second request would make a second backup.
    resendWhenAbsent: false,
    nextStep: `look at the cluster's backups; read the right one into the stack with Backup.get(name, backupId, { clusterId }), or run \`pulumi up\` again if there is none`,
  });
  const created: CreatedBackup = "sent" in outcome ? outcome.sent : { backupId: outcome.found.backupId, backupName: outcome.found.backupName };
  if ("found" in outcome) ctx.log(`backup ${created.backupId}: its job id is unknown after the lost answer; waiting on the backup itself`);
  ctx.log(`backup ${created.backupId}: started on cluster ${inputs.clusterId}${created.jobId ? ` (job ${created.jobId})` : ""}`);
  return { id: created.backupId, observed: await finish(ctx, zc, inputs.clusterId, created.backupId, created.jobId, inputs, "create") };
}

async function read(ctx: RuntimeContext, id: string, state: BackupState): Promise<Observed | undefined> {
  if (state.clusterId === undefined) throw new Error(`Backup ${id}: give the cluster, e.g. Backup.get(name, "${id}", { clusterId })`);
  const b = await describe(cloudClient(ctx), state.clusterId, id);
  return b ? observe(b, typeof state.jobId === "string" ? state.jobId : undefined) : undefined;
}

/** Only `waitTimeoutSeconds` changes in place (no server call); a pending wait is resumed by `resume`. */
async function update(ctx: RuntimeContext, id: string, olds: BackupState, news: BackupInputs): Promise<Observed> {
  return (await read(ctx, id, { ...olds, clusterId: news.clusterId })) ?? {};
}

async function resume(ctx: RuntimeContext, id: string, state: BackupState, news: BackupInputs): Promise<Observed> {
  const zc = cloudClient(ctx);
  if (!(await describe(zc, news.clusterId, id))) throw new Error(`Backup ${id} no longer exists; run \`pulumi refresh\` to drop it from the stack, then \`pulumi up\` takes a new one`);
  return finish(ctx, zc, news.clusterId, id, typeof state.jobId === "string" ? state.jobId : undefined, news, state.pendingWork?.operation ?? "create");
}

async function remove(ctx: RuntimeContext, id: string, state: BackupState): Promise<void> {
  const zc = cloudClient(ctx);
  const clusterId = state.clusterId;
  if (clusterId === undefined) return;
  if (!(await describe(zc, clusterId, id))) return;
  try {
    await zc.backups.delete(clusterId, id);
  } catch (e) {
    if (isNotFound(e)) return;
    throw e;
  }
  await waitFor({
    poll: () => describe(zc, clusterId, id),
    check: (b) => (b === undefined ? "done" : "pending"),
    timeoutMs: deadlineMs(state, DEFAULT_BACKUP_WAIT_SECONDS),
    intervalMs: ctx.pollIntervalMs,
    description: `backup ${id} to be deleted`,
    onProgress: (b, ms) => ctx.log(`backup ${id}: ${b?.status ?? "gone"}, waiting for deletion (${Math.round(ms / 1000)} s)`),
  });
}

const ops: ResourceOps<BackupSpec> = { create, read, update, resume, delete: remove };

/** The Backup resource. */
export const backupDefinition = defineResource({ kind: "Backup", spec: backupSpec, ops });
