/**
 * `ZillizClientV1`: the control plane v1 at `https://controller.api.{region}.zillizcloud.com`
 * (`zilliz-cloud-api.md` §3). Success is `code: 200`; the region is the host's.
 */
import { z } from "zod";
import {
  type Cluster,
  type ClusterOperation,
  type ClusterSummary,
  type CreatedCluster,
  clusterOperationSchema,
  clusterSchema,
  clusterSummarySchema,
  createdClusterSchema,
} from "../control-plane/clusters";
import { Clouds, Projects, Regions } from "../control-plane/meta";
import { paginate } from "../paginate";
import { path, query } from "../path";
import { CONTROL_PLANE_CLIENT_REQUESTS_PER_SECOND } from "../rate-limiter";
import { Transport, type TransportOptions } from "../transport";

/** The v1 host of a region (China host for `ali-`/`tc-` regions). */
export function controlPlaneV1BaseUrl(regionId: string): string {
  const domain = /^(ali|tc)-/.test(regionId) ? "zilliz.com.cn" : "zillizcloud.com";
  return `https://controller.api.${regionId}.${domain}`;
}

/** Options of `ZillizClientV1`. */
export interface ZillizClientV1Options extends Omit<TransportOptions, "baseUrl" | "token" | "dbName"> {
  apiKey: string;
  /** Picks the host; required unless `baseUrl` is given. */
  regionId?: string;
  baseUrl?: string;
}

/** Body of v1 create (dedicated). */
export interface CreateClusterV1Request {
  plan: "Standard" | "Enterprise";
  clusterName: string;
  cuSize: number;
  cuType: string;
  projectId: string;
}

/** Body of v1 createServerless. */
export interface CreateServerlessClusterV1Request {
  plan: "Free" | "Serverless";
  clusterName: string;
  projectId: string;
}

type Opts = { signal?: AbortSignal };

/** `/v1/clusters/...`. */
export class ClustersV1 {
  constructor(private readonly t: Transport) {}
  /** `POST /v1/clusters/create`. Never retried. */
  create(body: CreateClusterV1Request, o: Opts = {}): Promise<CreatedCluster> {
    return this.t.call({ method: "POST", path: "/v1/clusters/create", body, schema: createdClusterSchema, idempotent: false, signal: o.signal });
  }
  /** `POST /v1/clusters/createServerless`. Never retried. */
  createServerless(body: CreateServerlessClusterV1Request, o: Opts = {}): Promise<CreatedCluster> {
    return this.t.call({ method: "POST", path: "/v1/clusters/createServerless", body, schema: createdClusterSchema, idempotent: false, signal: o.signal });
  }
  /** `GET /v1/clusters/{id}`; entries carry `clusterType` instead of `cuType`. */
  describe(clusterId: string, o: Opts = {}): Promise<Cluster> {
    return this.t.call({ method: "GET", path: path`/v1/clusters/${clusterId}`, schema: clusterSchema, idempotent: true, signal: o.signal });
  }
  /** `GET /v1/clusters?pageSize=&current=`: the page parameter is `current` in v1. pageSize must be 5–100. */
  list(o: Opts & { pageSize?: number } = {}): AsyncIterable<ClusterSummary> {
    return paginate(async (current, pageSize) => {
      const page = await this.t.call({
        method: "GET",
        path: `/v1/clusters${query({ pageSize, current })}`,
        schema: z.object({ count: z.number().optional(), clusters: z.array(clusterSummarySchema).nullish().transform((v) => v ?? []) }),
        idempotent: true,
        signal: o.signal,
      });
      return { items: page.clusters, count: page.count };
    }, o.pageSize);
  }
  /** `POST /v1/clusters/{id}/modify` with `{cuSize}`. */
  modify(clusterId: string, body: { cuSize: number }, o: Opts = {}): Promise<ClusterOperation> {
    return this.t.call({ method: "POST", path: path`/v1/clusters/${clusterId}/modify`, body, schema: clusterOperationSchema, idempotent: true, signal: o.signal });
  }
  /** `POST /v1/clusters/{id}/suspend`. */
  suspend(clusterId: string, o: Opts = {}): Promise<ClusterOperation> {
    return this.t.call({ method: "POST", path: path`/v1/clusters/${clusterId}/suspend`, schema: clusterOperationSchema, idempotent: false, signal: o.signal });
  }
  /** `POST /v1/clusters/{id}/resume`. */
  resume(clusterId: string, o: Opts = {}): Promise<ClusterOperation> {
    return this.t.call({ method: "POST", path: path`/v1/clusters/${clusterId}/resume`, schema: clusterOperationSchema, idempotent: false, signal: o.signal });
  }
  /** `DELETE /v1/clusters/{id}/drop`. */
  drop(clusterId: string, o: Opts = {}): Promise<ClusterOperation> {
    return this.t.call({ method: "DELETE", path: path`/v1/clusters/${clusterId}/drop`, schema: clusterOperationSchema, idempotent: true, signal: o.signal });
  }
}

/** Body of `POST /v1/vector/collections/import`. */
export interface CreateImportV1Request {
  clusterId: string;
  collectionName: string;
  partitionName?: string;
  objectUrl: string;
  accessKey?: string;
  secretKey?: string;
}

const v1FileSchema = z.object({
  fileName: z.string().optional(),
  fileSize: z.number().optional(),
  readyPercentage: z.number().optional(),
  completeTime: z.string().nullish(),
  errorMessage: z.string().nullish(),
});
export const importProgressV1Schema = v1FileSchema.extend({
  jobId: z.string(),
  collectionName: z.string().optional(),
  details: z.array(v1FileSchema).nullish(),
});
/** v1 progress: `readyPercentage` is a fraction from 0 to 1. */
export type ImportProgressV1 = z.output<typeof importProgressV1Schema>;

export const importTaskV1Schema = z.object({ jobId: z.string(), collectionName: z.string().optional(), state: z.string() });
/** One entry of the v1 job list; `state` is `ImportRunning` | `ImportCompleted` | `ImportFailed`. */
export type ImportTaskV1 = z.output<typeof importTaskV1Schema>;

/** `/v1/vector/collections/import...` on the controller host. */
export class ImportJobsV1 {
  constructor(private readonly t: Transport) {}
  /** Starts an import. Never re-sent. */
  create(body: CreateImportV1Request, o: Opts = {}): Promise<{ jobId: string }> {
    return this.t.call({ method: "POST", path: "/v1/vector/collections/import", body, schema: z.object({ jobId: z.string() }), idempotent: false, signal: o.signal });
  }
  /** `GET .../import/get?jobId=&clusterId=`. Unknown job: NotFoundError (90144). */
  getProgress(req: { clusterId: string; jobId: string }, o: Opts = {}): Promise<ImportProgressV1> {
    return this.t.call({ method: "GET", path: `/v1/vector/collections/import/get${query({ jobId: req.jobId, clusterId: req.clusterId })}`, schema: importProgressV1Schema, idempotent: true, signal: o.signal });
  }
  /** `GET .../import/list`, all pages. */
  list(req: { clusterId: string; pageSize?: number }, o: Opts = {}): AsyncIterable<ImportTaskV1> {
    return paginate(async (currentPage, pageSize) => {
      const page = await this.t.call({
        method: "GET",
        path: `/v1/vector/collections/import/list${query({ clusterId: req.clusterId, pageSize, currentPage })}`,
        schema: z.object({ count: z.number().optional(), tasks: z.array(importTaskV1Schema).nullish().transform((v) => v ?? []) }),
        idempotent: true,
        signal: o.signal,
      });
      return { items: page.tasks, count: page.count };
    }, req.pageSize);
  }
}

/** Typed client for the (deprecated) control plane v1. */
export class ZillizClientV1 {
  readonly clouds: Clouds;
  readonly regions: Regions;
  readonly projects: Projects;
  readonly clusters: ClustersV1;
  readonly importJobs: ImportJobsV1;
  readonly transport: Transport;

  constructor(opts: ZillizClientV1Options) {
    const { apiKey, baseUrl, regionId, ...rest } = opts;
    if (!baseUrl && !regionId) throw new TypeError("ZillizClientV1 needs regionId or baseUrl");
    // The same documented limit as v2: per key and endpoint.
    const requestsPerSecond = rest.requestsPerSecond ?? CONTROL_PLANE_CLIENT_REQUESTS_PER_SECOND;
    this.transport = new Transport({ ...rest, requestsPerSecond, baseUrl: baseUrl ?? controlPlaneV1BaseUrl(regionId as string), token: apiKey });
    this.clouds = new Clouds(this.transport, "v1");
    this.regions = new Regions(this.transport, "v1");
    this.projects = new Projects(this.transport, "v1");
    this.clusters = new ClustersV1(this.transport);
    this.importJobs = new ImportJobsV1(this.transport);
  }
}
