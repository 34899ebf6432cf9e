/** Control-plane import routes: v2 `/v2/vectordb/jobs/import/*` and v1 `/v1/vector/collections/import*`. */
import { EmulatorError } from "../errors";
import type { Route } from "../router";
import { isKnownRegion } from "./catalog";
import { checkPaging } from "./cluster-rules";
import type { ControlPlane } from "./control-plane";
import { importProgressV1, importProgressV2, importStateV1 } from "./views";
import { withVolumeSource } from "./volume-import";

/** The import route table over one control plane. */
export function importRoutes(cp: ControlPlane): Route[] {
  const v2 = (pattern: string, handler: Route["handler"]): Route => ({ method: "POST", pattern, version: "v2", handler });
  const v1 = (method: string, pattern: string, handler: Route["handler"]): Route => ({ method, pattern, version: "v1", handler });
  const regionOf = (query: URLSearchParams): string => {
    const region = query.get("regionId") || cp.defaultRegion;
    if (!isKnownRegion(region)) throw new EmulatorError("invalidRegionId");
    return region;
  };

  const progressV2: Route["handler"] = ({ body }) => {
    const { record, progress } = cp.imports.get(body.clusterId, body.jobId);
    return importProgressV2(record.jobId, progress, record.objectUrl);
  };

  return [
    v2("/v2/vectordb/jobs/import/create", async ({ body }) => {
      const source = cp.volumes ? withVolumeSource(body, (name) => cp.volumes!.get(name)) : body;
      return { jobId: (await cp.imports.create(source)).jobId };
    }),
    // Three spellings are in use by real clients (Java/docs, milvus-sdk-node, current pymilvus).
    v2("/v2/vectordb/jobs/import/getProgress", progressV2),
    v2("/v2/vectordb/jobs/import/get_progress", progressV2),
    v2("/v2/vectordb/jobs/import/describe", progressV2),
    v2("/v2/vectordb/jobs/import/list", ({ body }) => {
      const { pageSize, currentPage } = checkPaging(body.pageSize, body.currentPage, "v2");
      const all = cp.imports.list(body.clusterId);
      const page = all.slice((currentPage - 1) * pageSize, currentPage * pageSize);
      return {
        count: all.length,
        currentPage,
        pageSize,
        records: page.map(({ record, progress }) => ({
          jobId: record.jobId,
          collectionName: record.collectionName,
          state: progress.state,
          progress: progress.progress,
        })),
      };
    }),

    v1("POST", "/v1/vector/collections/import", async ({ body, query }) => {
      if (body.objectUrls !== undefined && body.objectUrl === undefined) throw new EmulatorError("missingObjectUrl");
      return { jobId: (await cp.imports.create(body, regionOf(query))).jobId };
    }),
    v1("GET", "/v1/vector/collections/import/get", ({ query }) => {
      const { record, progress } = cp.imports.get(query.get("clusterId") ?? undefined, query.get("jobId") ?? undefined, regionOf(query));
      return importProgressV1(record.jobId, progress, record.objectUrl);
    }),
    v1("GET", "/v1/vector/collections/import/list", ({ query }) => {
      // The v1 spec types these as strings; the v1 page size range is 5–100 like other v1 lists.
      const { pageSize, currentPage } = checkPaging(query.get("pageSize") ?? undefined, query.get("currentPage") ?? undefined, "v1");
      const all = cp.imports.list(query.get("clusterId") ?? undefined, regionOf(query));
      const page = all.slice((currentPage - 1) * pageSize, currentPage * pageSize);
      return {
        count: all.length,
        currentPage,
        pageSize,
        tasks: page.map(({ record, progress }) => ({ collectionName: record.collectionName, jobId: record.jobId, state: importStateV1(progress) })),
      };
    }),
  ];
}
