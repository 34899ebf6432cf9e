/** BackupPolicy operations against the control plane (run time only). The policy is an upsert on the cluster. */
import { isNotFound, normalizeClusterStatus, ZillizError, type BackupPolicy as PolicyInfo, type ZillizClient } from "../../client";
import { cloudClient } from "../shared/cloud-client";
import { IncompleteError } from "../shared/partial-state";
import { defineResource, type Observed, type ResourceOps } from "../shared/resource-definition";
import type { RuntimeContext } from "../shared/runtime-context";
import { backupPolicySpec, canonicalFrequency, refineBackupPolicy, type BackupPolicyInputs, type BackupPolicySpec, type BackupPolicyState } from "./backup-policy-spec";

function observe(p: PolicyInfo): Observed {
  const enabled = p.enabled ?? p.status === "ENABLED";
  return {
    ...(p.frequency !== undefined ? { frequency: p.frequency } : {}),
    ...(p.startTime !== undefined ? { startTime: p.startTime } : {}),
    ...(p.retentionDays !== undefined ? { retentionDays: p.retentionDays } : {}),
    enabled,
    crossRegionCopies: p.crossRegionCopies ?? [],
    status: p.status ?? (enabled ? "ENABLED" : "DISABLED"),
  };
}

/** The whole policy in one upsert (so a setting changed outside the stack is put back too), then one read. */
async function put(zc: ZillizClient, clusterId: string, inputs: BackupPolicyInputs): Promise<Observed> {
  await zc.backups.setPolicy(clusterId, body(inputs));
  return observe(await zc.backups.getPolicy(clusterId));
}

function body(inputs: BackupPolicyInputs) {
  return {
    frequency: canonicalFrequency(inputs.frequency) as string,
    startTime: inputs.startTime,
    retentionDays: inputs.retentionDays,
    enabled: inputs.enabled ?? true,
    crossRegionCopies: inputs.crossRegionCopies ?? [],
  };
}

async function create(ctx: RuntimeContext, inputs: BackupPolicyInputs) {
  // A policy always exists (disabled by default): creating one is setting it, whatever it was before.
  const zc = cloudClient(ctx);
  await zc.backups.setPolicy(inputs.clusterId, body(inputs));
  try {
    return { id: inputs.clusterId, observed: observe(await zc.backups.getPolicy(inputs.clusterId)) };
  } catch (e) {
    // The policy is set: keep it in the stack (destroy can disable it); the next up sets and reads it again.
    throw new IncompleteError(inputs.clusterId, {}, { operation: "create", step: "read back" }, e);
  }
}

async function read(ctx: RuntimeContext, id: string, state: BackupPolicyState): Promise<Observed | undefined> {
  try {
    return observe(await cloudClient(ctx).backups.getPolicy(state.clusterId ?? id));
  } catch (e) {
    // The cluster is gone, and its policy with it.
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

async function update(ctx: RuntimeContext, id: string, _olds: BackupPolicyState, news: BackupPolicyInputs): Promise<Observed> {
  return put(cloudClient(ctx), id, news);
}

/** Disables the policy (there is no policy delete); a cluster already gone has nothing to disable. */
async function remove(ctx: RuntimeContext, id: string, state: BackupPolicyState): Promise<void> {
  const zc = cloudClient(ctx);
  const clusterId = state.clusterId ?? id;
  try {
    await zc.backups.setPolicy(clusterId, { enabled: false });
  } catch (e) {
    if (isNotFound(e)) return;
    if (!(ZillizError.isZillizError(e) && e.kind === "wrong_state")) throw e;
    // Refused because of the cluster's state: fine when the cluster is being deleted (the policy goes with it).
    const status = await zc.clusters.describe(clusterId).then((c) => normalizeClusterStatus(c.status), (d: unknown) => (isNotFound(d) ? "DELETED" : Promise.reject(d)));
    if (status !== "DELETING" && status !== "DELETED") throw e;
  }
}

// A create that could not read back: the update sets the whole policy again anyway.
const ops: ResourceOps<BackupPolicySpec> = { create, read, update, resume: (ctx, id, _state, news) => update(ctx, id, _state, news), delete: remove };

/** The BackupPolicy resource. */
export const backupPolicyDefinition = defineResource({ kind: "BackupPolicy", spec: backupPolicySpec, refine: refineBackupPolicy, ops });
