/** v2 routes for API keys, backups, backup policies, cloud jobs and volumes (zilliz-cloud-api.md §2.6). */
import type { Route } from "../router";
import type { ApiKeyStore } from "./api-key-store";
import type { BackupStore } from "./backup-store";
import { checkPaging } from "./cluster-rules";
import type { ClusterStore } from "./cluster-store";
import { restoreCluster, type RestoreDeps } from "./backup-restore";
import { apiKeyView, backupJobView, backupPolicyView, backupView, restoreJobView, volumeView } from "./resource-views";
import type { ControlPlaneState } from "./state";
import type { VolumeStore } from "./volume-store";

/** The stores these routes read and change. */
export interface ResourceStores {
  state: ControlPlaneState;
  clusters: ClusterStore;
  apiKeys: ApiKeyStore;
  backups: BackupStore;
  volumes: VolumeStore;
  restore: RestoreDeps;
}

function page<T>(all: T[], query: URLSearchParams): { count: number; currentPage: number; pageSize: number; items: T[] } {
  const { pageSize, currentPage } = checkPaging(query.get("pageSize") ?? undefined, query.get("currentPage") ?? undefined, "v2");
  return { count: all.length, currentPage, pageSize, items: all.slice((currentPage - 1) * pageSize, currentPage * pageSize) };
}

/** An optional query filter: absent or empty means no filter. */
function filterOf(query: URLSearchParams, name: string): string | undefined {
  return query.get(name) || undefined;
}

/** The route table over the stores. */
export function resourceRoutes(s: ResourceStores): Route[] {
  const route = (method: string, pattern: string, handler: Route["handler"]): Route => ({ method, pattern, version: "v2", handler });
  const clusterName = (id: string) => s.state.clusters.find((c) => c.clusterId === id)?.clusterName ?? "";

  return [
    route("POST", "/v2/apiKeys", ({ body }) => {
      const key = s.apiKeys.create(body);
      return { apiKeyId: key.apiKeyId, apiKey: key.apiKey };
    }),
    route("GET", "/v2/apiKeys", ({ query }) => {
      const { items, ...paging } = page(s.apiKeys.list(), query);
      return { apiKeys: items.map((k) => apiKeyView(k, s.state)), ...paging };
    }),
    route("GET", "/v2/apiKeys/:apiKeyId", ({ params }) => apiKeyView(s.apiKeys.get(params.apiKeyId), s.state)),
    route("PUT", "/v2/apiKeys/:apiKeyId", ({ params, body }) => apiKeyView(s.apiKeys.update(params.apiKeyId, body), s.state)),
    route("DELETE", "/v2/apiKeys/:apiKeyId", ({ params }) => ({ apiKeyId: s.apiKeys.delete(params.apiKeyId).apiKeyId })),

    route("POST", "/v2/clusters/:clusterId/backups/create", ({ params, body }) => {
      const b = s.backups.create(params.clusterId, body);
      return { backupId: b.backupId, backupName: b.backupName, jobId: b.jobId };
    }),
    route("GET", "/v2/backups", ({ query }) => {
      const filter = {
        projectId: filterOf(query, "projectId"),
        clusterId: filterOf(query, "clusterId"),
        creationMethod: filterOf(query, "creationMethod"),
        backupType: filterOf(query, "backupType"),
      };
      const { items, ...paging } = page(s.backups.list(filter), query);
      return { ...paging, backups: items.map((b) => backupView(b, clusterName(b.clusterId))) };
    }),
    route("GET", "/v2/clusters/:clusterId/backups/policy", ({ params }) => backupPolicyView(s.backups.policy(params.clusterId))),
    route("POST", "/v2/clusters/:clusterId/backups/policy", ({ params, body }) => {
      const p = s.backups.setPolicy(params.clusterId, body);
      return { clusterId: p.clusterId, status: p.enabled ? "ENABLED" : "DISABLED" };
    }),
    route("GET", "/v2/clusters/:clusterId/backups/:backupId", ({ params }) =>
      backupView(s.backups.get(params.clusterId, params.backupId), clusterName(params.clusterId)),
    ),
    route("DELETE", "/v2/clusters/:clusterId/backups/:backupId", ({ params }) => {
      const b = s.backups.delete(params.clusterId, params.backupId);
      return { backupId: b.backupId, backupName: b.backupName };
    }),
    route("POST", "/v2/clusters/:clusterId/backups/:backupId/restoreCluster", ({ params, body }) =>
      restoreCluster(s.restore, params.clusterId, params.backupId, body),
    ),
    route("GET", "/v2/jobs/:jobId", ({ params }) => {
      const backup = s.backups.byJob(params.jobId);
      const restore = (backup.restores ?? []).find((r) => r.jobId === params.jobId);
      if (!restore) return backupJobView(backup);
      const status = s.state.clusters.some((c) => c.clusterId === restore.clusterId) ? s.clusters.get(restore.clusterId).status : undefined;
      return restoreJobView(restore, status);
    }),

    route("POST", "/v2/volumes/create", ({ body }) => ({ volumeName: s.volumes.create(body).volumeName })),
    route("GET", "/v2/volumes", ({ query }) => {
      const all = s.volumes.list({ projectId: filterOf(query, "projectId"), type: filterOf(query, "type") });
      const { items, ...paging } = page(all, query);
      return { volumes: items.map((v) => ({ volumeName: v.volumeName, type: v.type })), ...paging };
    }),
    route("GET", "/v2/volumes/:volumeName", ({ params }) => volumeView(s.volumes.get(params.volumeName))),
    route("DELETE", "/v2/volumes/:volumeName", ({ params }) => ({ volumeName: s.volumes.delete(params.volumeName).volumeName })),
  ];
}
