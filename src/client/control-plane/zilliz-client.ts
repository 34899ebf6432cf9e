/** `ZillizClient`: the control plane v2 at `https://api.cloud.zilliz.com`. */
import { CONTROL_PLANE_CLIENT_REQUESTS_PER_SECOND } from "../rate-limiter";
import { Transport, type TransportOptions } from "../transport";
import { Backups, CloudJobs } from "./backups";
import { Clusters } from "./clusters";
import { ImportJobs, type ImportProgressPath } from "./import-jobs";
import { Clouds, Regions } from "./meta";
import { ApiKeys } from "./api-keys";
import { ProjectsV2 } from "./projects";
import { Volumes } from "./volumes";
import { PrivateEndpoints } from "./private-endpoints";

export const GLOBAL_V2_BASE_URL = "https://api.cloud.zilliz.com";
export const CHINA_V2_BASE_URL = "https://api.cloud.zilliz.com.cn";

/** The v2 host for a region: China for `ali-` and `tc-` regions, global otherwise. */
export function controlPlaneV2BaseUrl(regionId?: string): string {
  return regionId && /^(ali|tc)-/.test(regionId) ? CHINA_V2_BASE_URL : GLOBAL_V2_BASE_URL;
}

/** Options of `ZillizClient`. */
export interface ZillizClientOptions extends Omit<TransportOptions, "baseUrl" | "token" | "dbName"> {
  /** Zilliz Cloud API key (the control plane accepts only API keys). */
  apiKey: string;
  /** Overrides the host (emulator, proxies). Default: chosen from `regionId`, else global. */
  baseUrl?: string;
  /** Only picks the China host for `ali-`/`tc-` regions; v2 itself is global. */
  regionId?: string;
  /** Which path the import progress call uses (default `getProgress`). */
  importProgressPath?: ImportProgressPath;
}

/** Typed client for the Zilliz Cloud control plane v2. */
export class ZillizClient {
  readonly clouds: Clouds;
  readonly regions: Regions;
  /** Projects: list and describe, plus create, delete, plan upgrade and regions. */
  readonly projects: ProjectsV2;
  readonly clusters: Clusters;
  readonly importJobs: ImportJobs;
  readonly apiKeys: ApiKeys;
  readonly volumes: Volumes;
  readonly backups: Backups;
  readonly cloudJobs: CloudJobs;
  readonly privateEndpoints: PrivateEndpoints;
  /** The transport, for calls this client does not wrap yet. */
  readonly transport: Transport;

  constructor(opts: ZillizClientOptions) {
    const { apiKey, baseUrl, regionId, importProgressPath, ...rest } = opts;
    // The documented limit is per key and endpoint; the transport keeps one bucket per endpoint at that rate.
    const requestsPerSecond = rest.requestsPerSecond ?? CONTROL_PLANE_CLIENT_REQUESTS_PER_SECOND;
    this.transport = new Transport({ ...rest, requestsPerSecond, baseUrl: baseUrl ?? controlPlaneV2BaseUrl(regionId), token: apiKey });
    this.clouds = new Clouds(this.transport);
    this.regions = new Regions(this.transport);
    this.projects = new ProjectsV2(this.transport);
    this.clusters = new Clusters(this.transport);
    this.importJobs = new ImportJobs(this.transport, importProgressPath);
    this.apiKeys = new ApiKeys(this.transport);
    this.volumes = new Volumes(this.transport);
    this.backups = new Backups(this.transport);
    this.cloudJobs = new CloudJobs(this.transport);
    this.privateEndpoints = new PrivateEndpoints(this.transport);
  }
}
