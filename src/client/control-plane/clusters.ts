/** Control plane v2: clusters (`zilliz-cloud-api.md` §2.3). */
import { z } from "zod";
import { paginate } from "../paginate";
import { path, query } from "../path";
import type { Transport } from "../transport";

const num = z.number();

export const clusterSummarySchema = z.object({
  clusterId: z.string(),
  clusterName: z.string(),
  description: z.string().optional(),
  regionId: z.string().optional(),
  plan: z.string().optional(),
  /** `""` for Free and Serverless. v1 calls it `clusterType`. */
  cuType: z.string().optional(),
  clusterType: z.string().optional(),
  cuSize: num.optional(),
  /** Raw status; see `normalizeClusterStatus` before comparing suspend states. */
  status: z.string(),
  connectAddress: z.string().optional(),
  privateLinkAddress: z.string().optional(),
  createTime: z.string().optional(),
  projectId: z.string().optional(),
  deploymentOption: z.string().optional(),
});
/** A cluster as list returns it. */
export type ClusterSummary = z.output<typeof clusterSummarySchema>;

export const clusterSchema = clusterSummarySchema.extend({
  storageSize: num.optional(),
  snapshotNumber: num.optional(),
  createProgress: num.optional(),
  /** Missing or 0 means 1 (terraform does the same). */
  replica: num.optional(),
  autoscaling: z.unknown().optional(),
  labels: z.record(z.string(), z.string()).optional(),
});
/** A cluster as describe returns it (raw status). */
export type Cluster = z.output<typeof clusterSchema>;

export const createdClusterSchema = z.object({
  clusterId: z.string(),
  username: z.string(),
  /** Shown only once: treat as a secret. */
  password: z.string(),
  prompt: z.string().optional(),
});
/** What a create call returns. */
export type CreatedCluster = z.output<typeof createdClusterSchema>;

export const clusterOperationSchema = z.object({ clusterId: z.string(), prompt: z.string().optional() });
/** What modify / suspend / resume / drop return. */
export type ClusterOperation = z.output<typeof clusterOperationSchema>;

/** Body of createFree and createServerless. */
export interface CreateServerlessClusterRequest {
  /** Letters, digits and hyphens. */
  clusterName: string;
  projectId: string;
  regionId: string;
  /** Serverless only (terraform sends it). */
  labels?: Record<string, string>;
}

/** Autoscaling settings: min/max or schedules; `null` in a modify body removes that rule [G]. */
export interface Autoscaling {
  cu?: { min: number; max: number } | { schedules: Array<{ cron: string; target: number; timezone?: string }> } | null;
  replica?: { min: number; max: number } | { schedules: Array<{ cron: string; target: number; timezone?: string }> } | null;
}

/** Body of createDedicated. */
export interface CreateDedicatedClusterRequest {
  clusterName: string;
  projectId: string;
  regionId?: string;
  /** `Standard` | `Enterprise` (omit to take the server default). */
  plan?: string;
  /** `Performance-optimized` | `Capacity-optimized`. */
  cuType: string;
  /** Omit when `autoscaling.cu` is set. */
  cuSize?: number;
  replica?: number;
  autoscaling?: Autoscaling;
  labels?: Record<string, string>;
  bucketInfo?: { bucketName: string; prefix?: string };
  keyIdentifier?: string;
}

/** Body of modify: any of cuSize, replica, autoscaling. */
export interface ModifyClusterRequest {
  cuSize?: number;
  replica?: number;
  autoscaling?: Autoscaling;
}

const listPageSchema = z.object({
  count: num.optional(),
  currentPage: num.optional(),
  pageSize: num.optional(),
  clusters: z.array(clusterSummarySchema).nullish().transform((v) => v ?? []),
});

type Opts = { signal?: AbortSignal };

/** `/v2/clusters/...` calls. */
export class Clusters {
  constructor(private readonly t: Transport) {}

  /** `POST /v2/clusters/createFree`. Asynchronous: the cluster starts in CREATING. Never retried. */
  createFree(body: CreateServerlessClusterRequest, o: Opts = {}): Promise<CreatedCluster> {
    return this.t.call({ method: "POST", path: "/v2/clusters/createFree", body, schema: createdClusterSchema, idempotent: false, signal: o.signal });
  }
  /** `POST /v2/clusters/createServerless`. Never retried. */
  createServerless(body: CreateServerlessClusterRequest, o: Opts = {}): Promise<CreatedCluster> {
    return this.t.call({ method: "POST", path: "/v2/clusters/createServerless", body, schema: createdClusterSchema, idempotent: false, signal: o.signal });
  }
  /** `POST /v2/clusters/createDedicated`. Never retried. */
  createDedicated(body: CreateDedicatedClusterRequest, o: Opts = {}): Promise<CreatedCluster> {
    return this.t.call({ method: "POST", path: "/v2/clusters/createDedicated", body, schema: createdClusterSchema, idempotent: false, signal: o.signal });
  }
  /** `GET /v2/clusters/{id}`. Unknown id: NotFoundError (96018). */
  describe(clusterId: string, o: Opts = {}): Promise<Cluster> {
    return this.t.call({ method: "GET", path: path`/v2/clusters/${clusterId}`, schema: clusterSchema, idempotent: true, signal: o.signal });
  }
  /** `GET /v2/clusters`, every page. `projectId` is an undocumented filter the API honours. */
  list(o: Opts & { projectId?: string; pageSize?: number } = {}): AsyncIterable<ClusterSummary> {
    return paginate(async (currentPage, pageSize) => {
      const page = await this.t.call({
        method: "GET",
        path: `/v2/clusters${query({ pageSize, currentPage, projectId: o.projectId })}`,
        schema: listPageSchema,
        idempotent: true,
        signal: o.signal,
      });
      return { items: page.clusters, count: page.count };
    }, o.pageSize);
  }
  /**
   * The cluster with this name in the project, or undefined. Names are unique per project (40013), so
   * this is how a create whose response was lost finds out whether it happened.
   */
  async findByName(clusterName: string, o: Opts & { projectId?: string } = {}): Promise<ClusterSummary | undefined> {
    for await (const c of this.list(o)) {
      if (c.clusterName !== clusterName || c.status === "DELETED") continue;
      // The projectId filter is undocumented: check the project here too, so that a server that ignores the
      // filter can never bind a cluster of another project (a list entry without projectId is described).
      if (o.projectId !== undefined) {
        const projectId = c.projectId ?? (await this.describe(c.clusterId, o)).projectId;
        if (projectId !== o.projectId) continue;
      }
      return c;
    }
    return undefined;
  }
  /** `POST /v2/clusters/{id}/modify`. Setting the same size twice is harmless, so it is retried. */
  modify(clusterId: string, body: ModifyClusterRequest, o: Opts = {}): Promise<ClusterOperation> {
    return this.t.call({ method: "POST", path: path`/v2/clusters/${clusterId}/modify`, body, schema: clusterOperationSchema, idempotent: true, signal: o.signal });
  }
  /** `POST /v2/clusters/{id}/modifyReplica`. */
  modifyReplica(clusterId: string, body: { replica: number }, o: Opts = {}): Promise<ClusterOperation> {
    return this.t.call({ method: "POST", path: path`/v2/clusters/${clusterId}/modifyReplica`, body, schema: clusterOperationSchema, idempotent: true, signal: o.signal });
  }
  /** `POST /v2/clusters/{id}/modifyProperties` (rename). */
  modifyProperties(clusterId: string, body: { clusterName: string }, o: Opts = {}): Promise<ClusterOperation | undefined> {
    return this.t.call({ method: "POST", path: path`/v2/clusters/${clusterId}/modifyProperties`, body, schema: z.union([clusterOperationSchema, z.unknown().transform(() => undefined)]), idempotent: true, signal: o.signal });
  }
  /** `GET /v2/clusters/{id}/labels`. */
  async getLabels(clusterId: string, o: Opts = {}): Promise<Record<string, string>> {
    const data = await this.t.call({ method: "GET", path: path`/v2/clusters/${clusterId}/labels`, schema: z.object({ labels: z.record(z.string(), z.string()).nullish() }), idempotent: true, signal: o.signal });
    return data.labels ?? {};
  }
  /** `PUT /v2/clusters/{id}/labels`: replaces the whole label set. */
  async putLabels(clusterId: string, labels: Record<string, string>, o: Opts = {}): Promise<void> {
    await this.t.call({ method: "PUT", path: path`/v2/clusters/${clusterId}/labels`, body: { labels }, schema: z.unknown(), idempotent: true, signal: o.signal });
  }
  /** `POST /v2/clusters/{id}/suspend`. A second suspend fails with WrongStateError (40003), so no blind retry. */
  suspend(clusterId: string, o: Opts = {}): Promise<ClusterOperation> {
    return this.t.call({ method: "POST", path: path`/v2/clusters/${clusterId}/suspend`, schema: clusterOperationSchema, idempotent: false, signal: o.signal });
  }
  /** `POST /v2/clusters/{id}/resume`. */
  resume(clusterId: string, o: Opts = {}): Promise<ClusterOperation> {
    return this.t.call({ method: "POST", path: path`/v2/clusters/${clusterId}/resume`, schema: clusterOperationSchema, idempotent: false, signal: o.signal });
  }
  /** `DELETE /v2/clusters/{id}/drop`. Deletes are retried; a retry that finds nothing reports NotFoundError. */
  drop(clusterId: string, o: Opts = {}): Promise<ClusterOperation> {
    return this.t.call({ method: "DELETE", path: path`/v2/clusters/${clusterId}/drop`, schema: clusterOperationSchema, idempotent: true, signal: o.signal });
  }
}
