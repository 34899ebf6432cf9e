/** Control plane v2: on-demand backups and the backup policy of Dedicated clusters (`zilliz-cloud-api.md` §2.6). */
import { z } from "zod";
import { paginate } from "../paginate";
import { path, query } from "../path";
import type { Transport } from "../transport";

/** One cross-region copy: the region the backup is copied to (and, for a policy, how long it is kept there). */
export const crossRegionCopySchema = z.object({ regionId: z.string(), retentionDays: z.number().optional() });
/** A cross-region copy. */
export type CrossRegionCopy = z.output<typeof crossRegionCopySchema>;

/** Body of `POST /v2/clusters/{id}/backups/create`. */
export interface CreateBackupRequest {
  backupType: "CLUSTER" | "COLLECTION";
  /** COLLECTION backups: the collections, grouped by database (`dbName` defaults to `default`). */
  dbCollections?: Array<{ dbName?: string; collectionNames: string[] }>;
  crossRegionCopies?: Array<{ regionId: string }>;
}

export const createdBackupSchema = z.object({ backupId: z.string(), backupName: z.string().optional(), jobId: z.string().optional() });
/** What a backup create answers. */
export type CreatedBackup = z.output<typeof createdBackupSchema>;

export const backupSchema = z.object({
  backupId: z.string(),
  backupName: z.string().optional(),
  clusterId: z.string().optional(),
  clusterName: z.string().optional(),
  projectId: z.string().optional(),
  regionId: z.string().optional(),
  backupType: z.string().optional(),
  creationMethod: z.string().optional(),
  /** `CREATING`, `AVAILABLE`, … */
  status: z.string(),
  size: z.number().optional(),
  createTime: z.string().optional(),
  expireTime: z.string().nullish(),
  collections: z.array(z.object({ dbName: z.string().optional(), collectionName: z.string() })).nullish(),
  crossRegionCopies: z.array(crossRegionCopySchema).nullish(),
});
/** A backup as describe reports it. */
export type Backup = z.output<typeof backupSchema>;

const backupListSchema = z.object({ count: z.number().optional(), backups: z.array(backupSchema).nullish().transform((v) => v ?? []) });

export const backupPolicySchema = z.object({
  clusterId: z.string().optional(),
  /** ISO weekdays, comma-separated (1 = Monday), e.g. `"1,3,5"`. */
  frequency: z.string().optional(),
  /** UTC window `HH:MM-HH:MM`. */
  startTime: z.string().optional(),
  retentionDays: z.number().optional(),
  enabled: z.boolean().optional(),
  /** `ENABLED` | `DISABLED`. */
  status: z.string().optional(),
  crossRegionCopies: z.array(crossRegionCopySchema).nullish(),
});
/** A cluster's backup policy. */
export type BackupPolicy = z.output<typeof backupPolicySchema>;

/** Body of `POST /v2/clusters/{id}/backups/policy` (an upsert). */
export interface SetBackupPolicyRequest {
  frequency?: string;
  startTime?: string;
  retentionDays?: number;
  enabled?: boolean;
  crossRegionCopies?: CrossRegionCopy[];
}

export const cloudJobSchema = z.object({
  jobId: z.string(),
  type: z.string().optional(),
  /** e.g. `IN_PROGRESS`, `SUCCESSFUL`, `FAILED`. */
  status: z.string(),
  /** A string in the docs (`"100"`); numbers accepted too. */
  progress: z.union([z.string(), z.number()]).optional(),
  startTime: z.string().nullish(),
  endTime: z.string().nullish(),
  reason: z.string().nullish(),
});
/** A cloud job (backups, restores, migrations). */
export type CloudJob = z.output<typeof cloudJobSchema>;

/** Body of a cluster restore [G]. */
export interface RestoreClusterRequest {
  /** The new cluster's name (unique in its project). */
  clusterName: string;
  /** Default: the source cluster's project. */
  projectId?: string;
  cuSize?: number;
  /** What to do with the collections' load state: `KEEP`, `LOAD` or `RELEASE`. */
  collectionStatus?: "KEEP" | "LOAD" | "RELEASE";
}

export const restoredClusterSchema = z.object({ clusterId: z.string(), username: z.string().optional(), password: z.string().optional(), jobId: z.string().optional() });
/** What a restore answers: the new cluster and the job restoring it. */
export type RestoredCluster = z.output<typeof restoredClusterSchema>;

type Opts = { signal?: AbortSignal };

/** `/v2/clusters/{id}/backups/...` calls. */
export class Backups {
  constructor(private readonly t: Transport) {}

  /** `POST …/backups/create`. Never retried: a retry would make a second backup. */
  create(clusterId: string, body: CreateBackupRequest, o: Opts = {}): Promise<CreatedBackup> {
    return this.t.call({ method: "POST", path: path`/v2/clusters/${clusterId}/backups/create`, body, schema: createdBackupSchema, idempotent: false, signal: o.signal });
  }
  /** `GET /v2/backups?clusterId&projectId&creationMethod&backupType`, every page. */
  list(filter: { clusterId?: string; projectId?: string; creationMethod?: "MANUAL" | "AUTO"; backupType?: "CLUSTER" | "COLLECTION" } = {}, o: Opts = {}): AsyncIterable<Backup> {
    return paginate(async (currentPage, pageSize) => {
      const page = await this.t.call({ method: "GET", path: `/v2/backups${query({ ...filter, pageSize, currentPage })}`, schema: backupListSchema, idempotent: true, signal: o.signal });
      return { items: page.backups, count: page.count };
    });
  }
  /** `GET …/backups/{backupId}`. */
  describe(clusterId: string, backupId: string, o: Opts = {}): Promise<Backup> {
    return this.t.call({ method: "GET", path: path`/v2/clusters/${clusterId}/backups/${backupId}`, schema: backupSchema, idempotent: true, signal: o.signal });
  }
  /** `DELETE …/backups/{backupId}`. A retry that finds nothing reports NotFoundError. */
  async delete(clusterId: string, backupId: string, o: Opts = {}): Promise<void> {
    await this.t.call({ method: "DELETE", path: path`/v2/clusters/${clusterId}/backups/${backupId}`, schema: z.unknown(), idempotent: true, signal: o.signal });
  }
  /**
   * `POST …/backups/{backupId}/restoreCluster` [G: the path and body follow zilliz-local; the reference only
   * says restores are cloud jobs]: a new cluster from an AVAILABLE cluster backup. Never retried.
   */
  restoreCluster(clusterId: string, backupId: string, body: RestoreClusterRequest, o: Opts = {}): Promise<RestoredCluster> {
    return this.t.call({ method: "POST", path: path`/v2/clusters/${clusterId}/backups/${backupId}/restoreCluster`, body, schema: restoredClusterSchema, idempotent: false, signal: o.signal });
  }
  /** `GET …/backups/policy`. */
  getPolicy(clusterId: string, o: Opts = {}): Promise<BackupPolicy> {
    return this.t.call({ method: "GET", path: path`/v2/clusters/${clusterId}/backups/policy`, schema: backupPolicySchema, idempotent: true, signal: o.signal });
  }
  /** `POST …/backups/policy`: sets the fields given (an upsert, so retried). */
  async setPolicy(clusterId: string, body: SetBackupPolicyRequest, o: Opts = {}): Promise<void> {
    await this.t.call({ method: "POST", path: path`/v2/clusters/${clusterId}/backups/policy`, body, schema: z.unknown(), idempotent: true, signal: o.signal });
  }
}

/** `GET /v2/jobs/{jobId}`. */
export class CloudJobs {
  constructor(private readonly t: Transport) {}
  /** Describes a cloud job; unknown id: NotFoundError (96026). */
  describe(jobId: string, o: Opts = {}): Promise<CloudJob> {
    return this.t.call({ method: "GET", path: path`/v2/jobs/${jobId}`, schema: cloudJobSchema, idempotent: true, signal: o.signal });
  }
}
