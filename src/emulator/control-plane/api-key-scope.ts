/**
 * What a created API key may reach on the control plane (zilliz-cloud-api.md §1.2: "List calls return only what
 * the key can see"). An `Owner` key reaches everything, as the org key does. Any other key reaches only the
 * projects it is granted (96027 otherwise) and, in them, all clusters or the listed ones (96016 otherwise).
 * Only an `Owner` key manages API keys (96013 [G]). Read and write are not told apart [G].
 */
import { EmulatorError } from "../errors";
import type { ApiKeyRecord } from "./cloud-records";
import type { ControlPlaneState } from "./state";

/** The parts of a request the scope depends on. */
export interface ScopedRequest {
  pattern: string;
  params: Record<string, string>;
  body: Record<string, unknown>;
  query: URLSearchParams;
}

function grantOf(key: ApiKeyRecord, projectId: string) {
  return key.projects.find((g) => g.projectId === projectId);
}

/** True when the key reaches the cluster (unknown clusters pass, so the store answers its own not-found code). */
function reachesCluster(key: ApiKeyRecord, state: ControlPlaneState, clusterId: string): boolean {
  const cluster = state.clusters.find((c) => c.clusterId === clusterId);
  if (!cluster) return true;
  const grant = grantOf(key, cluster.projectId);
  return grant !== undefined && (grant.allCluster || grant.clusterIds.includes(clusterId));
}

/**
 * True when a created key may use the cluster's data plane as its token: an `Owner` key everywhere, any
 * other key on the clusters its grants reach (all clusters of a granted project, or the listed ones) [G].
 */
export function keyReachesDataPlane(key: ApiKeyRecord, state: ControlPlaneState, clusterId: string): boolean {
  if (key.orgRole === "Owner") return true;
  const cluster = state.clusters.find((c) => c.clusterId === clusterId);
  return cluster !== undefined && reachesCluster(key, state, clusterId);
}

/** Throws the documented permission code when the key may not make this call. */
export function checkScope(key: ApiKeyRecord, req: ScopedRequest, state: ControlPlaneState): void {
  if (key.orgRole === "Owner") return;
  if (req.pattern.startsWith("/v2/apiKeys")) throw new EmulatorError("noProjectPermission");
  const projectIds = [req.params.projectId, req.body.projectId, req.query.get("projectId")].filter((p): p is string => typeof p === "string" && p !== "");
  for (const projectId of projectIds) {
    if (state.projects.some((p) => p.projectId === projectId) && !grantOf(key, projectId)) throw new EmulatorError("apiKeyProjectScope");
  }
  const clusterIds = [req.params.clusterId, req.body.clusterId, req.query.get("clusterId")].filter((c): c is string => typeof c === "string" && c !== "");
  for (const clusterId of clusterIds) if (!reachesCluster(key, state, clusterId)) throw new EmulatorError("apiKeyClusterScope");
}

/** Narrows the `data` of the list calls to what the key can see. */
export function narrowList(key: ApiKeyRecord, pattern: string, data: unknown, state: ControlPlaneState): unknown {
  if (key.orgRole === "Owner") return data;
  if (pattern === "/v2/projects" && Array.isArray(data)) {
    return data.filter((p: { projectId?: string }) => typeof p.projectId === "string" && grantOf(key, p.projectId));
  }
  if (pattern === "/v2/clusters" && data && typeof data === "object" && Array.isArray((data as { clusters?: unknown }).clusters)) {
    // [G] The count then counts only the visible clusters of the page.
    const page = data as { clusters: Array<{ clusterId: string }>; count: number };
    const clusters = page.clusters.filter((c) => reachesCluster(key, state, c.clusterId));
    return { ...page, count: page.count - (page.clusters.length - clusters.length), clusters };
  }
  return data;
}
