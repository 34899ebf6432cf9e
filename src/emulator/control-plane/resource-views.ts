/** Wire forms of API keys, backups, backup policies, cloud jobs and volumes (zilliz-cloud-api.md §2.6). */
import type { ApiKeyRecord, BackupPolicyRecord, BackupRecord, RestoreRecord, VolumeRecord } from "./cloud-records";
import type { ControlPlaneState } from "./state";
import { isoTime } from "./views";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The describe (and list entry) object of an API key; the key value is never shown again. */
export function apiKeyView(k: ApiKeyRecord, state: ControlPlaneState & { volumes?: VolumeRecord[] }): Record<string, unknown> {
  return {
    apiKeyId: k.apiKeyId,
    name: k.name,
    // [G] The emulator has one org user; every key is created by it.
    creatorName: "admin",
    createdBy: "admin",
    orgRole: k.orgRole,
    projects: k.projects.map((g) => ({
      projectId: g.projectId,
      projectName: state.projects.find((p) => p.projectId === g.projectId)?.projectName ?? "",
      role: g.role,
      allCluster: g.allCluster,
      clusters: g.clusterIds.map((id) => ({ clusterId: id, clusterName: state.clusters.find((c) => c.clusterId === id)?.clusterName ?? "" })),
      allVolume: g.allVolume,
      volumes: g.volumeIds.map((name) => ({ volumeName: name })),
    })),
    createTime: isoTime(k.createTime),
  };
}

/** [G] Manual backups are kept until deleted in the real console; the emulator shows 30 days from creation. */
export function backupView(b: BackupRecord, clusterName: string): Record<string, unknown> {
  return {
    clusterId: b.clusterId,
    clusterName,
    projectId: b.projectId,
    regionId: b.regionId,
    backupId: b.backupId,
    backupName: b.backupName,
    backupType: b.backupType,
    creationMethod: b.creationMethod,
    status: b.status,
    // [G] No data is copied; the size is reported as 0 bytes.
    size: 0,
    createTime: isoTime(b.createTime),
    expireTime: isoTime(b.createTime + 30 * DAY_MS),
    collections: b.dbCollections.flatMap((db) => db.collectionNames.map((collectionName) => ({ dbName: db.dbName, collectionName }))),
    crossRegionCopies: b.crossRegionCopies,
  };
}

/** The GET policy object: the settings plus the POST answer's status word. */
export function backupPolicyView(p: BackupPolicyRecord): Record<string, unknown> {
  return { ...p, status: p.enabled ? "ENABLED" : "DISABLED" };
}

/** `GET /v2/jobs/{jobId}` for a backup's job: progress is a string, as documented. */
export function backupJobView(b: BackupRecord): Record<string, unknown> {
  const done = b.status === "AVAILABLE";
  return {
    jobId: b.jobId,
    type: "BACKUP",
    status: done ? "SUCCESSFUL" : "IN_PROGRESS",
    progress: done ? "100" : "0",
    startTime: isoTime(b.createTime),
    endTime: done && b.endTime !== undefined ? isoTime(b.endTime) : "",
    reason: "",
  };
}

/** `GET /v2/jobs/{jobId}` for a restore: SUCCESSFUL once the restored cluster is RUNNING. */
export function restoreJobView(r: RestoreRecord, clusterStatus: string | undefined): Record<string, unknown> {
  const done = clusterStatus === "RUNNING";
  const failed = clusterStatus === undefined || clusterStatus === "DELETING" || clusterStatus === "DELETED";
  return {
    jobId: r.jobId,
    type: "RESTORE_CLUSTER",
    status: done ? "SUCCESSFUL" : failed ? "FAILED" : "IN_PROGRESS",
    progress: done ? "100" : "0",
    startTime: isoTime(r.startTime),
    endTime: "",
    reason: failed && !done ? "The restored cluster was deleted." : "",
  };
}

/** The describe object of a volume; the external pointer only on EXTERNAL ones. */
export function volumeView(v: VolumeRecord): Record<string, unknown> {
  const external = v.type === "EXTERNAL" ? { storageIntegrationId: v.storageIntegrationId, path: v.path } : {};
  return { volumeName: v.volumeName, type: v.type, projectId: v.projectId, regionId: v.regionId, ...external, status: v.status, createTime: isoTime(v.createTime) };
}
