/** v2 routes for private endpoint services, private endpoints and the whitelist (zilliz-cloud-api.md §2.6). */
import type { Route } from "../router";
import { isoTime } from "./views";
import { endpointService, type PrivateEndpointStore } from "./private-endpoint-store";
import type { PrivateEndpointRecord, WhitelistEntryRecord } from "./cloud-records";

function endpointView(e: PrivateEndpointRecord): Record<string, unknown> {
  const gcp = e.gcpProjectId === undefined ? {} : { gcpProjectId: e.gcpProjectId };
  // [G] Registration takes effect at once; the status word is the cluster one.
  return { projectId: e.projectId, regionId: e.regionId, endpointId: e.endpointId, ...gcp, status: "RUNNING", createTime: isoTime(e.createTime) };
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
    route("GET", "/v2/privateEndpointServices", ({ query }) => endpointService(query.get("regionId"))),
    route("GET", "/v2/projects/:projectId/privateEndpoints", ({ params, query }) => store.list(params.projectId, region(query)).map(endpointView)),
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
