/**
 * The control-plane calls a Cluster needs, over v2 (default) or the deprecated v1. v1 has no rename,
 * labels or replica calls: those changes fail with a clear message (and `check` refuses them up front).
 */
import { ZillizClient, ZillizClientV1, type Autoscaling, type Cluster, type ClusterSummary, type CreatedCluster, type Project } from "../../client";
import { requireApiKey } from "../shared/provider-config";
import { cloudClient } from "../shared/cloud-client";
import type { RuntimeContext } from "../shared/runtime-context";

/** One control-plane surface for both API versions. */
export interface ClusterApi {
  listProjects(): Promise<Project[]>;
  create(plan: string, body: { clusterName: string; projectId: string; regionId: string; cuType: string; cuSize?: number; replica?: number; autoscaling?: Autoscaling; labels?: Record<string, string> }): Promise<CreatedCluster>;
  describe(id: string): Promise<Cluster>;
  findByName(name: string, projectId: string): Promise<ClusterSummary | undefined>;
  modify(id: string, body: { cuSize?: number; replica?: number; autoscaling?: Autoscaling }): Promise<unknown>;
  rename(id: string, clusterName: string): Promise<unknown>;
  getLabels(id: string): Promise<Record<string, string>>;
  putLabels(id: string, labels: Record<string, string>): Promise<unknown>;
  suspend(id: string): Promise<unknown>;
  resume(id: string): Promise<unknown>;
  drop(id: string): Promise<unknown>;
}

function v2(zc: ZillizClient): ClusterApi {
  return {
    listProjects: () => zc.projects.list(),
    create: (plan, b) =>
      plan === "Free"
        ? zc.clusters.createFree({ clusterName: b.clusterName, projectId: b.projectId, regionId: b.regionId })
        : plan === "Serverless"
          ? zc.clusters.createServerless({ clusterName: b.clusterName, projectId: b.projectId, regionId: b.regionId, labels: b.labels })
          : zc.clusters.createDedicated({ ...b, plan }),
    describe: (id) => zc.clusters.describe(id),
    findByName: (name, projectId) => zc.clusters.findByName(name, { projectId }),
    modify: (id, body) => zc.clusters.modify(id, body),
    rename: (id, clusterName) => zc.clusters.modifyProperties(id, { clusterName }),
    getLabels: (id) => zc.clusters.getLabels(id),
    putLabels: (id, labels) => zc.clusters.putLabels(id, labels),
    suspend: (id) => zc.clusters.suspend(id),
    resume: (id) => zc.clusters.resume(id),
    drop: (id) => zc.clusters.drop(id),
  };
}

function v1(zc: ZillizClientV1): ClusterApi {
  const unsupported = (what: string) => async () => {
    throw new Error(`Cluster: ${what} is not available with apiVersion v1; use v2`);
  };
  return {
    listProjects: () => zc.projects.list(),
    create: (plan, b) =>
      plan === "Free" || plan === "Serverless"
        ? zc.clusters.createServerless({ plan, clusterName: b.clusterName, projectId: b.projectId })
        : zc.clusters.create({ plan: plan as "Standard" | "Enterprise", clusterName: b.clusterName, cuSize: b.cuSize ?? 1, cuType: b.cuType, projectId: b.projectId }),
    describe: (id) => zc.clusters.describe(id),
    findByName: async (name, projectId) => {
      for await (const c of zc.clusters.list()) if (c.clusterName === name && (c.projectId === undefined || c.projectId === projectId)) return c;
      return undefined;
    },
    modify: async (id, body) => {
      if (body.replica !== undefined || body.autoscaling !== undefined) throw new Error("Cluster: replica and autoscaling changes are not available with apiVersion v1; use v2");
      return zc.clusters.modify(id, { cuSize: body.cuSize ?? 1 });
    },
    rename: unsupported("renaming a cluster"),
    // v1 has no labels: a cluster seen through v1 has none.
    getLabels: async () => ({}),
    putLabels: unsupported("labels"),
    suspend: (id) => zc.clusters.suspend(id),
    resume: (id) => zc.clusters.resume(id),
    drop: (id) => zc.clusters.drop(id),
  };
}

/** The control plane for these inputs, with the API key from the provider config. */
export function clusterApi(ctx: RuntimeContext, inputs: { apiVersion?: string; regionId?: string }): ClusterApi {
  const apiKey = requireApiKey(ctx.config);
  const regionId = inputs.regionId;
  if (inputs.apiVersion === "v1") return v1(new ZillizClientV1({ apiKey, regionId, baseUrl: ctx.config.cloudApiUrl }));
  return v2(cloudClient(ctx, regionId));
}
