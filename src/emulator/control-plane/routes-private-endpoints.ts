/** v2 routes for private endpoint services, private endpoints and the whitelist (zilliz-cloud-api.md §2.6). */
import type { Route } from "../router";
import { checkPaging } from "./cluster-rules";
import { isoTime } from "./views";
import { endpointService, type PrivateEndpointStore } from "./private-endpoint-store";
import type { PrivateEndpointRecord, WhitelistEntryRecord } from "./cloud-records";

function endpointView(e: PrivateEndpointRecord): Record<string, unknown> {
  const gcp = e.gcpProjectId === undefined ? {} : { gcpProjectId: e.gcpProjectId };
  const service = endpointService(e.regionId);
  // [G] Registration takes effect at once; the status word is the cluster one. The fields `cloudId`,
  // `endpointService`, `endpointServiceStatus` and `endpointStatus` are those the Terraform client reads [C].
  return {
    projectId: e.projectId,
    regionId: e.regionId,
    cloudId: service.cloudId,
    endpointService: service.serviceName,
    endpointServiceStatus: "RUNNING",
    endpointId: e.endpointId,
    endpointStatus: "RUNNING",
    ...gcp,
    status: "RUNNING",
    createTime: isoTime(e.createTime),
  };
}

/** A paged list object, as the Terraform client reads these lists [C] (`pageSize` default 10 [G]). */
function paged(key: string, all: Array<Record<string, unknown>>, query: URLSearchParams): Record<string, unknown> {
  const { pageSize, currentPage } = checkPaging(query.get("pageSize") ?? undefined, query.get("currentPage") ?? undefined, "v2");
  return { [key]: all.slice((currentPage - 1) * pageSize, currentPage * pageSize), count: all.length, currentPage, pageSize };
}

function whitelistView(w: WhitelistEntryRecord): Record<string, unknown> {
  // Both spellings of the account: `outerUserId` as the Terraform client sends it [C], `accountId` [G].
  return { projectId: w.projectId, regionId: w.regionId, outerUserId: w.accountId, accountId: w.accountId, createTime: isoTime(w.createTime) };
}

/** The route table over the private endpoint store. */
export function privateEndpointRoutes(store: PrivateEndpointStore): Route[] {
  const route = (method: string, pattern: string, handler: Route["handler"]): Route => ({ method, pattern, version: "v2", handler });
  const region = (query: URLSearchParams) => query.get("regionId") || undefined;
  return [
    route("GET", "/v2/privateEndpointServices", ({ query }) => {
      const s = endpointService(query.get("regionId"));
      // [G] whether the whitelist is needed before an endpoint can connect: AWS and Azure, not GCP.
      return paged("endpointServices", [{ regionId: s.regionId, cloudId: s.cloudId, endpointService: s.serviceName, whitelistRequired: s.cloudId !== "gcp" }], query);
    }),
    route("GET", "/v2/projects/:projectId/privateEndpoints", ({ params, query }) => paged("endpoints", store.list(params.projectId, region(query)).map(endpointView), query)),
    route("POST", "/v2/projects/:projectId/privateEndpoints", ({ params, body }) => endpointView(store.register(params.projectId, body))),
    route("GET", "/v2/projects/:projectId/privateEndpoints/:endpointId", ({ params, query }) =>
      endpointView(store.get(params.projectId, params.endpointId, region(query))),
    ),
    route("DELETE", "/v2/projects/:projectId/privateEndpoints/:endpointId", ({ params, query }) => {
      const e = store.delete(params.projectId, params.endpointId, region(query));
      return { projectId: e.projectId, regionId: e.regionId, endpointId: e.endpointId };
    }),
    route("GET", "/v2/projects/:projectId/privateEndpointWhitelist", ({ params, query }) =>
      store.listWhitelist(params.projectId, region(query)).map(whitelistView),
    ),
    route("POST", "/v2/projects/:projectId/privateEndpointWhitelist", ({ params, body }) => whitelistView(store.addWhitelist(params.projectId, body))),
    route("DELETE", "/v2/projects/:projectId/privateEndpointWhitelist/:accountId", ({ params, query }) => {
      const w = store.deleteWhitelist(params.projectId, params.accountId, region(query));
      return { projectId: w.projectId, regionId: w.regionId, accountId: w.accountId };
    }),
  ];
}
