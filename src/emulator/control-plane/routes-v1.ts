/**
 * v1 control-plane routes (zilliz-cloud-api.md §3). The real v1 host names the region
 * (`controller.api.{region}…`); here the region comes from a `regionId` query parameter or the default.
 */
import { EmulatorError } from "../errors";
import type { Route, RouteContext } from "../router";
import { CLOUDS, isKnownRegion, REGIONS } from "./catalog";
import { checkPaging } from "./cluster-rules";
import { PROMPTS, type ControlPlane } from "./control-plane";
import { createdAnswer } from "./created-answer";
import { clusterV1, projectV1 } from "./views";

/** The v1 route table over one control plane. */
export function v1Routes(cp: ControlPlane): Route[] {
  const route = (method: string, pattern: string, handler: Route["handler"]): Route => ({ method, pattern, version: "v1", handler });
  const regionOf = ({ query }: RouteContext): string => {
    const region = query.get("regionId") || cp.defaultRegion;
    if (!isKnownRegion(region)) throw new EmulatorError("invalidRegionId");
    return region;
  };
  const accepted = (clusterId: string, prompt: string) => ({ clusterId, prompt });
  const create = (make: () => ReturnType<ControlPlane["clusters"]["createDedicated"]>) => createdAnswer(cp, make);

  return [
    route("GET", "/v1/clouds", () => CLOUDS.map(({ cloudId, descriptionV1 }) => ({ cloudId, description: descriptionV1 }))),
    route("GET", "/v1/regions", ({ query }) => {
      const cloudId = query.get("cloudId");
      if (cloudId !== null && cloudId !== "" && !(cloudId in REGIONS)) throw new EmulatorError("invalidCloudId");
      return Object.entries(REGIONS)
        .filter(([cloud]) => !cloudId || cloud === cloudId)
        .flatMap(([cloud, regions]) =>
          regions.map((regionId) => ({ cloudId: cloud, regionId, apiBaseUrl: `https://api.${regionId}.zillizcloud.com` })),
        );
    }),
    route("GET", "/v1/projects", () => cp.projects.list().map((p) => projectV1(p, cp.view))),
    route("GET", "/v1/clusters", (ctx) => {
      // The v1 page parameter is named `current`.
      const { pageSize, currentPage } = checkPaging(ctx.query.get("pageSize") ?? undefined, ctx.query.get("current") ?? undefined, "v1");
      const all = cp.clusters.listLive({ regionId: regionOf(ctx) });
      const page = all.slice((currentPage - 1) * pageSize, currentPage * pageSize);
      return { count: all.length, currentPage, pageSize, clusters: page.map((c) => clusterV1(c, cp.view)) };
    }),
    route("POST", "/v1/clusters/create", (ctx) => create(() => cp.clusters.createDedicated(ctx.body, regionOf(ctx), "v1"))),
    route("POST", "/v1/clusters/createServerless", (ctx) => {
      const plan = ctx.body.plan;
      if (plan !== "Free" && plan !== "Serverless") throw new EmulatorError("invalidServerlessPlan");
      return create(() => cp.clusters.createServerless(plan === "Free" ? "free" : "serverless", ctx.body, regionOf(ctx), "v1"));
    }),
    route("GET", "/v1/clusters/:clusterId", (ctx) => clusterV1(cp.clusters.get(ctx.params.clusterId, regionOf(ctx)), cp.view)),
    route("POST", "/v1/clusters/:clusterId/modify", (ctx) =>
      accepted(cp.clusters.modify(ctx.params.clusterId, { cuSize: ctx.body.cuSize }, "v1", regionOf(ctx)).clusterId, PROMPTS.modify),
    ),
    route("POST", "/v1/clusters/:clusterId/suspend", (ctx) =>
      accepted(cp.clusters.suspend(ctx.params.clusterId, regionOf(ctx)).clusterId, PROMPTS.suspend),
    ),
    route("POST", "/v1/clusters/:clusterId/resume", (ctx) =>
      accepted(cp.clusters.resume(ctx.params.clusterId, regionOf(ctx)).clusterId, PROMPTS.resume),
    ),
    route("DELETE", "/v1/clusters/:clusterId/drop", (ctx) =>
      accepted(cp.clusters.drop(ctx.params.clusterId, regionOf(ctx)).clusterId, PROMPTS.dropV1),
    ),
  ];
}
