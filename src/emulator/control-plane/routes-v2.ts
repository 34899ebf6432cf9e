/** v2 control-plane routes: clouds, regions, projects and clusters (zilliz-cloud-api.md §2.1–2.3). */
import { EmulatorError } from "../errors";
import type { Route } from "../router";
import { CLOUDS, REGIONS } from "./catalog";
import { checkPaging } from "./cluster-rules";
import { PROMPTS, type ControlPlane } from "./control-plane";
import { createdAnswer } from "./created-answer";
import { clusterDescribeV2, clusterListEntryV2, projectV2 } from "./views";

/** The v2 route table over one control plane. */
export function v2Routes(cp: ControlPlane): Route[] {
  const route = (method: string, pattern: string, handler: Route["handler"]): Route => ({ method, pattern, version: "v2", handler });
  const accepted = (clusterId: string, prompt: string) => ({ clusterId, prompt });

  const create = (make: () => ReturnType<ControlPlane["clusters"]["createDedicated"]>) => createdAnswer(cp, make);

  return [
    route("GET", "/v2/clouds", () => CLOUDS.map(({ cloudId, description }) => ({ cloudId, description }))),
    route("GET", "/v2/regions", ({ query }) => {
      const cloudId = query.get("cloudId");
      if (cloudId !== null && cloudId !== "" && !(cloudId in REGIONS)) throw new EmulatorError("invalidCloudId");
      return Object.entries(REGIONS)
        .filter(([cloud]) => !cloudId || cloud === cloudId)
        .flatMap(([cloud, regions]) => regions.map((regionId) => ({ cloudId: cloud, regionId, domain: "api.cloud.zilliz.com" })));
    }),

    route("GET", "/v2/projects", () => cp.projects.list().map((p) => projectV2(p, cp.view))),
    route("GET", "/v2/projects/:projectId", ({ params }) => projectV2(cp.projects.get(params.projectId), cp.view)),
    // Observed traffic answers a bare id string, not the documented {projectId} [O].
    route("POST", "/v2/projects", ({ body }) => cp.projects.create(body).projectId),
    route("DELETE", "/v2/projects/:projectId", ({ params }) => {
      // Why: a dropped cluster whose DELETING has run out must count as gone, so settle before the check.
      cp.clusters.settleAll();
      return { projectId: cp.projects.delete(params.projectId).projectId };
    }),
    route("PATCH", "/v2/projects/:projectId/plan", ({ params, body }) => {
      cp.projects.upgradePlan(params.projectId, body.plan);
      return "Project plan updated successfully";
    }),
    route("POST", "/v2/projects/:projectId/regions", ({ params, body }) => {
      const project = cp.projects.addRegions(params.projectId, body.regionIds);
      return { projectId: project.projectId, regionIds: project.regionIds };
    }),

    route("GET", "/v2/clusters", ({ query }) => {
      const { pageSize, currentPage } = checkPaging(query.get("pageSize") ?? undefined, query.get("currentPage") ?? undefined, "v2");
      const projectId = query.get("projectId") || undefined;
      const all = cp.clusters.listLive({ projectId });
      const page = all.slice((currentPage - 1) * pageSize, currentPage * pageSize);
      return { count: all.length, currentPage, pageSize, clusters: page.map((c) => clusterListEntryV2(c, cp.view)) };
    }),
    route("POST", "/v2/clusters/createFree", ({ body }) => create(() => cp.clusters.createServerless("free", body, body.regionId, "v2"))),
    route("POST", "/v2/clusters/createServerless", ({ body }) =>
      create(() => cp.clusters.createServerless("serverless", body, body.regionId, "v2")),
    ),
    route("POST", "/v2/clusters/createDedicated", ({ body }) => create(() => cp.clusters.createDedicated(body, body.regionId, "v2"))),
    route("GET", "/v2/clusters/:clusterId", ({ params }) => clusterDescribeV2(cp.clusters.get(params.clusterId), cp.view)),
    route("POST", "/v2/clusters/:clusterId/modify", ({ params, body }) =>
      accepted(cp.clusters.modify(params.clusterId, body, "v2").clusterId, PROMPTS.modify),
    ),
    route("POST", "/v2/clusters/:clusterId/modifyReplica", ({ params, body }) =>
      accepted(cp.clusters.modifyReplica(params.clusterId, body).clusterId, PROMPTS.modify),
    ),
    route("POST", "/v2/clusters/:clusterId/modifyProperties", ({ params, body }) =>
      accepted(cp.clusters.rename(params.clusterId, body).clusterId, PROMPTS.modify),
    ),
    route("GET", "/v2/clusters/:clusterId/labels", ({ params }) => ({ labels: cp.clusters.get(params.clusterId).labels })),
    route("PUT", "/v2/clusters/:clusterId/labels", ({ params, body }) => ({
      clusterId: cp.clusters.setLabels(params.clusterId, body.labels).clusterId,
    })),
    route("POST", "/v2/clusters/:clusterId/suspend", ({ params }) => accepted(cp.clusters.suspend(params.clusterId).clusterId, PROMPTS.suspend)),
    route("POST", "/v2/clusters/:clusterId/resume", ({ params }) => accepted(cp.clusters.resume(params.clusterId).clusterId, PROMPTS.resume)),
    route("DELETE", "/v2/clusters/:clusterId/drop", ({ params }) => accepted(cp.clusters.drop(params.clusterId).clusterId, PROMPTS.dropV2)),
  ];
}
