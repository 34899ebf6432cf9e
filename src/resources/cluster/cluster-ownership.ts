/**
 * Cluster ownership: the label {@link OWNER_LABEL} = the resource's ownership mark. The label is the stack's
 * bookkeeping, not the user's: it is sent with every create and label change, and never reported back as one
 * of the cluster's `labels` (so it is never drift). v1 has no labels, so v1 clusters carry no mark.
 */
import type { Cluster, ClusterSummary } from "../../client";
import type { ClusterApi } from "./cluster-api";

/** The label key (letters, digits and hyphens only: the safest characters for a label key). */
export const OWNER_LABEL = "pulumi-zilliz-owner";

/** The cluster API with the mark added on writes and hidden on reads; `needsMark` says a cluster lacks it. */
export interface MarkedClusterApi extends ClusterApi {
  /** True when the last `getLabels` of this cluster found no mark, or another one (a v2 cluster only). */
  needsMark(id: string): boolean;
  /** The mark a cluster carries now (undefined without one, or over v1). */
  markOf(id: string): Promise<string | undefined>;
}

/** Labels without the mark. */
export function withoutMark(labels: Record<string, string>): Record<string, string> {
  const { [OWNER_LABEL]: _mark, ...rest } = labels;
  return rest;
}

/** Wraps `api` so that `mark` (when known, over v2) travels with every create and label write. */
export function markedClusterApi(api: ClusterApi, mark: string | undefined, apiVersion: string | undefined): MarkedClusterApi {
  const usesLabels = mark !== undefined && apiVersion !== "v1";
  const lacking = new Set<string>();
  return {
    ...api,
    create: (plan, body) => api.create(plan, usesLabels ? { ...body, labels: { ...(body.labels ?? {}), [OWNER_LABEL]: mark } } : body),
    getLabels: async (id) => {
      const labels = await api.getLabels(id);
      if (usesLabels && labels[OWNER_LABEL] !== mark) lacking.add(id);
      else lacking.delete(id);
      return withoutMark(labels);
    },
    putLabels: (id, labels) => {
      lacking.delete(id);
      return api.putLabels(id, usesLabels ? { ...withoutMark(labels), [OWNER_LABEL]: mark } : labels);
    },
    needsMark: (id) => lacking.has(id),
    markOf: async (id) => (apiVersion === "v1" ? undefined : (await api.getLabels(id))[OWNER_LABEL]),
  };
}

/** Free clusters take no labels at create: the mark follows a moment later, so a fresh one may lack it. */
const FRESH_MS = 2 * 60_000;

/**
 * Whether an existing cluster of the requested name is this resource's own: it carries the mark. `freeSince`
 * (only for a Free cluster, which cannot be labelled at create, looked up right after a lost answer): an
 * unmarked cluster created since then (minus clock skew) counts as the one the lost request made.
 */
export async function isOwnCluster(zc: MarkedClusterApi, found: ClusterSummary | Cluster, mark: string | undefined, freeSince?: number): Promise<boolean> {
  if (mark === undefined) return false;
  const carried = await zc.markOf(found.clusterId);
  if (carried !== undefined) return carried === mark;
  const created = Date.parse(found.createTime ?? "");
  return freeSince !== undefined && Number.isFinite(created) && created >= freeSince - FRESH_MS;
}
