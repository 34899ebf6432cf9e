/** Lookup of a cluster by id or by name (Terraform's `zillizcloud_cluster` data source). */
import type * as pulumi from "@pulumi/pulumi";
import { normalizeClusterStatus, type Cluster } from "../client";
import { asOutput, lookupClient, type Inputs, type LookupOptions } from "./lookup-client";

/** A cluster as a lookup returns it (never its password). */
export interface ClusterInfo {
  clusterId: string;
  clusterName: string;
  projectId: string;
  regionId: string;
  plan: string;
  cuType: string;
  cuSize: number;
  replica: number;
  status: string;
  connectAddress: string;
  privateLinkAddress: string;
  createTime: string;
}

/** Which cluster: by `clusterId`, or by `name` (within `projectId` when given; names are unique per project). */
export type ClusterQuery = { clusterId: string; name?: never; projectId?: never } | { name: string; projectId?: string; clusterId?: never };

function info(c: Cluster): ClusterInfo {
  return {
    clusterId: c.clusterId,
    clusterName: c.clusterName,
    projectId: c.projectId ?? "",
    regionId: c.regionId ?? "",
    plan: c.plan ?? "",
    cuType: c.cuType || c.clusterType || "",
    cuSize: c.cuSize ?? 0,
    replica: c.replica || 1,
    status: normalizeClusterStatus(c.status),
    connectAddress: c.connectAddress ?? "",
    privateLinkAddress: c.privateLinkAddress ?? "",
    createTime: c.createTime ?? "",
  };
}

/** The cluster, as a promise; by name it fails when no cluster (or more than one, across projects) matches. */
export async function lookupCluster(query: ClusterQuery, opts: LookupOptions = {}): Promise<ClusterInfo> {
  const zc = lookupClient(opts);
  if (query.clusterId !== undefined) return info(await zc.clusters.describe(query.clusterId));
  const matches: string[] = [];
  for await (const c of zc.clusters.list({ projectId: query.projectId })) {
    if (c.clusterName !== query.name || c.status === "DELETED") continue;
    // The projectId filter is undocumented: check the project here too.
    if (query.projectId !== undefined && c.projectId !== undefined && c.projectId !== query.projectId) continue;
    matches.push(c.clusterId);
  }
  const where = query.projectId ? ` in project ${query.projectId}` : "";
  if (matches.length === 0) throw new Error(`getCluster: no cluster named "${query.name}"${where}`);
  if (matches.length > 1) throw new Error(`getCluster: ${matches.length} clusters named "${query.name}" (${matches.join(", ")}); give projectId or clusterId`);
  return info(await zc.clusters.describe(matches[0]!));
}

/**
 * A cluster, as an `Output` (by id, or by name within a project); the id may be another resource's output.
 * @example const search = getCluster({ name: "search-prod" }); new Collection("docs", { clusterId: search.clusterId, ... });
 */
export function getCluster(query: Inputs<{ clusterId: string }> | Inputs<{ name: string; projectId?: string }>, opts: LookupOptions = {}): pulumi.Output<ClusterInfo> {
  return asOutput(query, (q) => lookupCluster(q as ClusterQuery, opts));
}
