/** How records are shown on the wire: v2 and v1 cluster objects, projects and import progress. */
import type { DataPlaneImportJob } from "../data-plane-port";
import { isEmptyAutoscaling } from "./autoscaling-rules";
import type { ClusterRecord, ClusterStatus, ProjectRecord } from "./state";

/** Options that change how records render. */
export interface ViewOptions {
  /** Render SUSPENDING/SUSPENDED as STOPPING/STOPPED (both spellings are seen in real traffic). */
  suspendNames: "SUSPENDING" | "STOPPING";
  createProgress(cluster: ClusterRecord): number;
  instanceCount(projectId: string): number;
  /** [G] The loopback address again when the cluster's project has a private endpoint in its region, else "". */
  privateLinkAddress?(cluster: ClusterRecord): string;
}

/** ISO-8601 UTC without milliseconds, as the service writes it. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

function statusName(status: ClusterStatus, options: ViewOptions): string {
  if (options.suspendNames === "STOPPING") {
    if (status === "SUSPENDING") return "STOPPING";
    if (status === "SUSPENDED") return "STOPPED";
  }
  return status;
}

/** A v2 list entry (no storageSize, snapshotNumber or createProgress). */
export function clusterListEntryV2(c: ClusterRecord, options: ViewOptions): Record<string, unknown> {
  return {
    clusterId: c.clusterId,
    clusterName: c.clusterName,
    description: c.description,
    regionId: c.regionId,
    plan: c.plan,
    cuType: c.cuType,
    cuSize: c.cuSize,
    status: statusName(c.status, options),
    connectAddress: c.connectAddress,
    privateLinkAddress: options.privateLinkAddress?.(c) ?? "",
    createTime: isoTime(c.createTime),
    projectId: c.projectId,
  };
}

/** The v2 describe object. */
export function clusterDescribeV2(c: ClusterRecord, options: ViewOptions): Record<string, unknown> {
  return {
    ...clusterListEntryV2(c, options),
    storageSize: 0,
    snapshotNumber: 0,
    createProgress: options.createProgress(c),
    replica: c.replica,
    // [G] Echoed only once set, so clusters without autoscaling describe as before.
    ...(isEmptyAutoscaling(c.autoscaling) ? {} : { autoscaling: c.autoscaling }),
  };
}

/** v1 renames cuType to clusterType and includes the describe-only fields in both list and describe. */
export function clusterV1(c: ClusterRecord, options: ViewOptions): Record<string, unknown> {
  const { cuType, ...rest } = clusterListEntryV2(c, options);
  return { ...rest, clusterType: cuType, storageSize: 0, snapshotNumber: 0, createProgress: options.createProgress(c) };
}

export function projectV2(p: ProjectRecord, options: ViewOptions): Record<string, unknown> {
  return {
    projectId: p.projectId,
    projectName: p.projectName,
    instanceCount: options.instanceCount(p.projectId),
    createTime: isoTime(p.createTime),
    plan: p.plan,
    regionIds: p.regionIds,
  };
}

export function projectV1(p: ProjectRecord, options: ViewOptions): Record<string, unknown> {
  return { projectId: p.projectId, projectName: p.projectName, instanceCount: options.instanceCount(p.projectId), createTimeMilli: p.createTime };
}

/** v2 getProgress `data`; `fileName` is the object URL as given (the data plane spells it Milvus's way). */
export function importProgressV2(jobId: string, job: DataPlaneImportJob, fileName: string): Record<string, unknown> {
  const detail = {
    fileName,
    fileSize: job.fileSize,
    state: job.state,
    progress: job.progress,
    completeTime: job.completeTime,
    reason: job.reason,
    importedRows: job.importedRows,
    totalRows: job.totalRows,
  };
  return { jobId, collectionName: job.collectionName, ...detail, details: [detail] };
}

/** v1 import `get` `data`: readyPercentage is a 0–1 fraction; completeTime/errorMessage null until known. */
export function importProgressV1(jobId: string, job: DataPlaneImportJob, fileName: string): Record<string, unknown> {
  const detail = {
    fileName,
    fileSize: job.fileSize,
    readyPercentage: job.progress / 100,
    completeTime: job.state === "Completed" || job.state === "Failed" ? job.completeTime || null : null,
    errorMessage: job.state === "Failed" ? job.reason : null,
  };
  return { jobId, collectionName: job.collectionName, ...detail, details: [detail] };
}

/** v1 list `state` vocabulary. */
export function importStateV1(job: DataPlaneImportJob): string {
  if (job.state === "Completed") return "ImportCompleted";
  if (job.state === "Failed") return "ImportFailed";
  return "ImportRunning";
}
