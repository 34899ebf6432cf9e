/**
 * On-demand backups and the backup policy of Dedicated clusters (zilliz-cloud-api.md §2.6, codes 96028–96040).
 * A backup is CREATING until the cluster transition mode settles it to AVAILABLE (lazily, at read time, like
 * clusters); its cloud job reads IN_PROGRESS then SUCCESSFUL.
 */
import { EmulatorError } from "../errors";
import type { TransitionMode } from "../transition-mode";
import { isKnownRegion } from "./catalog";
import { newBackupId, newCloudJobId } from "./cloud-ids";
import type { BackupPolicyRecord, BackupRecord, CloudResourceSections } from "./cloud-records";
import type { ClusterStore } from "./cluster-store";
import { isSettled } from "./settle";
import type { ClusterRecord, ControlPlaneState } from "./state";

/** [G] The policy a cluster has before anyone sets one: disabled, daily, 02:00-04:00 UTC, kept 7 days. */
export function defaultPolicy(clusterId: string): BackupPolicyRecord {
  return { clusterId, frequency: "1,2,3,4,5,6,7", startTime: "02:00-04:00", retentionDays: 7, enabled: false, crossRegionCopies: [] };
}

/** Filters of the list call. */
export interface BackupFilter {
  projectId?: string;
  clusterId?: string;
  creationMethod?: string;
  backupType?: string;
}

/** Backup rules over the shared state. */
export class BackupStore {
  constructor(
    private readonly state: ControlPlaneState & CloudResourceSections,
    private readonly clusters: ClusterStore,
    private readonly options: { now(): number; mode(): TransitionMode; snapshotOf?(clusterId: string): unknown },
  ) {}

  private get backups(): BackupRecord[] {
    return (this.state.backups ??= []);
  }

  private get policies(): BackupPolicyRecord[] {
    return (this.state.backupPolicies ??= []);
  }

  create(clusterId: unknown, body: Record<string, unknown>): BackupRecord {
    const cluster = this.dedicated(clusterId);
    if (cluster.status !== "RUNNING") throw new EmulatorError("wrongClusterState");
    const backupType = body.backupType;
    if (backupType !== "CLUSTER" && backupType !== "COLLECTION") throw new EmulatorError("invalidBackupType");
    const dbCollections = backupType === "COLLECTION" ? collectionsOf(body.dbCollections) : [];
    const crossRegionCopies = this.copies(body.crossRegionCopies, cluster);
    const now = this.options.now();
    const n = this.backups.filter((b) => b.clusterId === cluster.clusterId).length;
    const backup: BackupRecord = {
      backupId: newBackupId(n),
      backupName: `${cluster.clusterName}-backup-${n}`,
      jobId: newCloudJobId(),
      clusterId: cluster.clusterId,
      projectId: cluster.projectId,
      regionId: cluster.regionId,
      backupType,
      creationMethod: "MANUAL",
      dbCollections,
      crossRegionCopies,
      status: "CREATING",
      createTime: now,
      startedAt: now,
      snapshot: this.options.snapshotOf?.(cluster.clusterId),
    };
    this.backups.push(backup);
    return backup;
  }

  list(filter: BackupFilter): BackupRecord[] {
    if (filter.creationMethod !== undefined && !["MANUAL", "AUTO"].includes(filter.creationMethod)) throw new EmulatorError("invalidCreationMethod");
    if (filter.backupType !== undefined && !["CLUSTER", "COLLECTION"].includes(filter.backupType)) throw new EmulatorError("invalidBackupType");
    this.settleAll();
    return this.backups.filter(
      (b) =>
        (filter.projectId === undefined || b.projectId === filter.projectId) &&
        (filter.clusterId === undefined || b.clusterId === filter.clusterId) &&
        (filter.creationMethod === undefined || b.creationMethod === filter.creationMethod) &&
        (filter.backupType === undefined || b.backupType === filter.backupType),
    );
  }

  /** Describe: the cluster must exist (96018) and hold the backup (96042 [G]). */
  get(clusterId: unknown, backupId: unknown): BackupRecord {
    const cluster = this.clusters.get(clusterId);
    const backup = this.backups.find((b) => b.backupId === backupId && b.clusterId === cluster.clusterId);
    if (!backup) throw new EmulatorError("backupNotFound");
    this.settle(backup);
    return backup;
  }

  /** The backup a cloud job belongs to, its own or one of its restores (96026 when none). */
  byJob(jobId: unknown): BackupRecord {
    const backup = this.backups.find((b) => b.jobId === jobId || (b.restores ?? []).some((r) => r.jobId === jobId));
    if (!backup) throw new EmulatorError("jobNotFound");
    this.settle(backup);
    return backup;
  }

  /** [G] Delete is accepted in any state (a CREATING backup is abandoned) and takes effect at once. */
  delete(clusterId: unknown, backupId: unknown): BackupRecord {
    const backup = this.get(clusterId, backupId);
    this.state.backups = this.backups.filter((b) => b !== backup);
    return backup;
  }

  policy(clusterId: unknown): BackupPolicyRecord {
    const cluster = this.dedicated(clusterId);
    return this.policies.find((p) => p.clusterId === cluster.clusterId) ?? defaultPolicy(cluster.clusterId);
  }

  /** Sets the fields present in the body (absent ones keep their values); applied at once. */
  setPolicy(clusterId: unknown, body: Record<string, unknown>): BackupPolicyRecord {
    const cluster = this.dedicated(clusterId);
    if (cluster.status === "DELETING" || cluster.status === "DELETED") throw new EmulatorError("wrongClusterState");
    const current = this.policy(cluster.clusterId);
    const next: BackupPolicyRecord = {
      clusterId: cluster.clusterId,
      frequency: body.frequency === undefined ? current.frequency : checkFrequency(body.frequency),
      startTime: body.startTime === undefined ? current.startTime : checkWindow(body.startTime),
      retentionDays: body.retentionDays === undefined ? current.retentionDays : checkRetention(body.retentionDays),
      enabled: body.enabled === undefined ? current.enabled : checkEnabled(body.enabled),
      crossRegionCopies: body.crossRegionCopies === undefined ? current.crossRegionCopies : this.copies(body.crossRegionCopies, cluster),
    };
    this.state.backupPolicies = [...this.policies.filter((p) => p.clusterId !== cluster.clusterId), next];
    return next;
  }

  /** Completes CREATING backups (the manual-mode advance): all, or those of one cluster or one backup id. */
  advance(id?: string): void {
    for (const b of this.backups) if (id === undefined || b.clusterId === id || b.backupId === id) this.complete(b);
  }

  settleAll(): void {
    for (const b of this.backups) this.settle(b);
  }

  private settle(backup: BackupRecord): void {
    if (backup.startedAt !== undefined && isSettled(backup.startedAt, this.options.mode(), this.options.now())) this.complete(backup);
  }

  private complete(backup: BackupRecord): void {
    if (backup.status !== "CREATING") return;
    backup.status = "AVAILABLE";
    backup.startedAt = undefined;
    backup.endTime = this.options.now();
  }

  private dedicated(clusterId: unknown): ClusterRecord {
    const cluster = this.clusters.get(clusterId);
    if (cluster.kind === "free") throw new EmulatorError("freeNotSupported");
    if (cluster.kind === "serverless") throw new EmulatorError("serverlessNotSupported");
    return cluster;
  }

  /** [G] Cross-region copies are the Enterprise-only feature (96028); each region must exist and differ. */
  private copies(value: unknown, cluster: ClusterRecord): Array<{ regionId: string; retentionDays?: number }> {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) throw new EmulatorError("missingParameter", "crossRegionCopies must be an array.");
    if (value.length === 0) return [];
    if (cluster.plan !== "Enterprise") throw new EmulatorError("enterpriseOnly");
    return value.map((entry) => {
      const { regionId, retentionDays } = (entry ?? {}) as { regionId?: unknown; retentionDays?: unknown };
      if (typeof regionId !== "string" || !isKnownRegion(regionId) || regionId === cluster.regionId) throw new EmulatorError("invalidRegionId");
      // Why: the Terraform policy sends a retention per copy [C]; kept when given, checked like the policy's own.
      return retentionDays === undefined ? { regionId } : { regionId, retentionDays: checkRetention(retentionDays) };
    });
  }
}

function collectionsOf(value: unknown): Array<{ dbName: string; collectionNames: string[] }> {
  // Why [G]: a collection backup that names no collection cannot be made; 96038 is "backup creation failed".
  if (!Array.isArray(value) || value.length === 0) throw new EmulatorError("backupCreationFailed", "dbCollections names no collection.");
  return value.map((entry) => {
    const e = (entry ?? {}) as { dbName?: unknown; collectionNames?: unknown };
    const names = e.collectionNames;
    if (!Array.isArray(names) || names.length === 0 || names.some((n) => typeof n !== "string" || n === "")) {
      throw new EmulatorError("backupCreationFailed", "dbCollections names no collection.");
    }
    return { dbName: typeof e.dbName === "string" && e.dbName !== "" ? e.dbName : "default", collectionNames: [...(names as string[])] };
  });
}

function checkFrequency(value: unknown): string {
  if (typeof value !== "string") throw new EmulatorError("invalidBackupFrequency");
  const days = value.split(",").map((d) => d.trim());
  const ok = days.length > 0 && days.every((d) => /^[1-7]$/.test(d)) && new Set(days).size === days.length;
  if (!ok) throw new EmulatorError("invalidBackupFrequency");
  return days.join(",");
}

function checkWindow(value: unknown): string {
  const match = typeof value === "string" ? /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/.exec(value) : null;
  if (!match || value === `${match[1]}:${match[2]}-${match[1]}:${match[2]}`) throw new EmulatorError("invalidBackupStartTime");
  return value as string;
}

function checkRetention(value: unknown): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > 30) throw new EmulatorError("invalidRetentionDays");
  return value;
}

function checkEnabled(value: unknown): boolean {
  if (typeof value !== "boolean") throw new EmulatorError("missingParameter", "enabled must be a boolean.");
  return value;
}
