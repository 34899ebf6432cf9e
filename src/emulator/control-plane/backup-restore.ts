/**
 * Restoring a CLUSTER backup into a new Dedicated cluster (codes 96037 and 96040, zilliz-cloud-api.md §4.2).
 * The path and body are not in the reference [G]: `POST /v2/clusters/{id}/backups/{backupId}/restoreCluster` with
 * `{projectId, clusterName, cuSize?, collectionStatus?}`. The new cluster starts from the data-plane snapshot
 * taken when the backup was made, and goes CREATING → RUNNING like any cluster; its cloud job follows it.
 */
import { EmulatorError } from "../errors";
import type { BackupStore } from "./backup-store";
import { newCloudJobId } from "./cloud-ids";
import type { ClusterStore, CreatedCluster } from "./cluster-store";
import type { ClusterRecord } from "./state";

/** [G] What a restored cluster does with its collections: keep the backed-up load state, load all, or release all. */
export const COLLECTION_STATUSES = ["KEEP", "LOAD", "RELEASE"];

/** The parts restore needs from the owner. */
export interface RestoreDeps {
  backups: BackupStore;
  clusters: ClusterStore;
  now(): number;
  /** Opens the new cluster's data plane from the snapshot (an empty one when undefined). */
  open(cluster: ClusterRecord, snapshot: unknown): Promise<void>;
}

/** Runs a restoreCluster call and answers `{clusterId, username, password, jobId}`. */
export async function restoreCluster(deps: RestoreDeps, clusterId: unknown, backupId: unknown, body: Record<string, unknown>) {
  const backup = deps.backups.get(clusterId, backupId);
  const status = body.collectionStatus ?? body.targetCollectionStatus ?? "KEEP";
  if (typeof status !== "string" || !COLLECTION_STATUSES.includes(status)) throw new EmulatorError("invalidTargetCollectionStatus");
  if (backup.backupType !== "CLUSTER") throw new EmulatorError("clusterRestoreFailed", "Only a CLUSTER backup restores into a cluster.");
  if (backup.status !== "AVAILABLE") throw new EmulatorError("clusterRestoreFailed", "The backup is not AVAILABLE yet.");
  const source = deps.clusters.get(clusterId);
  const created: CreatedCluster = deps.clusters.createDedicated(
    {
      clusterName: body.clusterName,
      projectId: body.projectId ?? source.projectId,
      plan: source.plan,
      cuType: source.cuType,
      cuSize: body.cuSize ?? source.cuSize,
    },
    source.regionId,
    "v2",
  );
  await deps.open(created.cluster, backup.snapshot);
  const jobId = newCloudJobId();
  (backup.restores ??= []).push({ jobId, clusterId: created.cluster.clusterId, startTime: deps.now() });
  return { clusterId: created.cluster.clusterId, username: created.username, password: created.password, jobId };
}
