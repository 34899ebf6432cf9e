/**
 * Every control-plane endpoint (v2 and v1): method, path, headers, JSON body, and the parsed response.
 * Response bodies follow zilliz-cloud-api.md and seeds 001/003/004.
 */
import { describe, expect, it } from "vitest";
import { collect, ZillizClient, ZillizClientV1, controlPlaneV2BaseUrl, controlPlaneV1BaseUrl } from "../../../src/client";
import { MockServer, type Reply } from "./mock-server";

const V2 = "https://api.cloud.zilliz.com";
const V1 = "https://controller.api.gcp-us-west1.zillizcloud.com";
const ID = "in01-6183d6bac30f801";

const summary = {
  clusterId: "inxx-xxxxxxxxxxxxxxx",
  clusterName: "dedicated-3",
  description: "",
  regionId: "ali-cn-hangzhou",
  plan: "Standard",
  cuType: "Performance-optimized",
  cuSize: 1,
  status: "RUNNING",
  connectAddress: "https://inxx-xxxxxxxxxxxxxxx.ali-cn-hangzhou.vectordb.zillizcloud.com:19530",
  privateLinkAddress: "",
  createTime: "2024-06-30T16:49:50Z",
  projectId: "proj-xxxxxxxxxxxxxxxxxxxxxx",
};
const created = { clusterId: "in01-6183d6bac30f801", username: "db_admin", password: "Pa55word-Pa55word", prompt: "Successfully submitted. Cluster is being created, please check cluster status via DescribeCluster API. Once the cluster status is RUNNING, you can access your vector database using the SDK." };
const op = { clusterId: ID, prompt: "successfully submitted. Cluster is being upgraded, which is expected to take several minutes." };

interface Case {
  name: string;
  method: string;
  path: string;
  body?: unknown;
  reply: Reply;
  run: (c: { v2: ZillizClient; v1: ZillizClientV1 }) => Promise<unknown>;
  expected: unknown;
}

const v2Cases: Case[] = [
  { name: "clouds.list", method: "GET", path: "/v2/clouds", reply: { body: { code: 0, data: [{ cloudId: "aws", description: "Amazon Web Services" }, { cloudId: "gcp", description: "Google Cloud Platform" }] } }, run: ({ v2 }) => v2.clouds.list(), expected: [{ cloudId: "aws", description: "Amazon Web Services" }, { cloudId: "gcp", description: "Google Cloud Platform" }] },
  { name: "regions.list", method: "GET", path: "/v2/regions?cloudId=aws", reply: { body: { code: 0, data: [{ cloudId: "aws", regionId: "aws-us-west-2", domain: "api.cloud.zilliz.com" }] } }, run: ({ v2 }) => v2.regions.list({ cloudId: "aws" }), expected: [{ cloudId: "aws", regionId: "aws-us-west-2", domain: "api.cloud.zilliz.com" }] },
  { name: "projects.list", method: "GET", path: "/v2/projects", reply: { body: { code: 0, data: [{ projectId: "proj-89bf4a83cfe2c8a4f03482", projectName: "Default Project", instanceCount: 2, createTime: "2024-08-15T03:33:31Z", plan: "Standard" }] } }, run: ({ v2 }) => v2.projects.list(), expected: [{ projectId: "proj-89bf4a83cfe2c8a4f03482", projectName: "Default Project", instanceCount: 2, createTime: "2024-08-15T03:33:31Z", plan: "Standard" }] },
  { name: "projects.describe", method: "GET", path: "/v2/projects/proj-89bf4a83cfe2c8a4f03482", reply: { body: { code: 0, data: { projectId: "proj-89bf4a83cfe2c8a4f03482", projectName: "Default Project", instanceCount: "2", createTime: "2024-08-15T03:33:31Z" } } }, run: ({ v2 }) => v2.projects.describe("proj-89bf4a83cfe2c8a4f03482"), expected: { projectId: "proj-89bf4a83cfe2c8a4f03482", projectName: "Default Project", instanceCount: 2, createTime: "2024-08-15T03:33:31Z" } },
  { name: "clusters.createFree", method: "POST", path: "/v2/clusters/createFree", body: { clusterName: "free-1", projectId: "proj-1", regionId: "gcp-us-west1" }, reply: { body: { code: 0, data: { ...created, clusterId: "in03-fc01449d8a58b23", username: "db_fc01449d8a58b23" } } }, run: ({ v2 }) => v2.clusters.createFree({ clusterName: "free-1", projectId: "proj-1", regionId: "gcp-us-west1" }), expected: { ...created, clusterId: "in03-fc01449d8a58b23", username: "db_fc01449d8a58b23" } },
  { name: "clusters.createServerless", method: "POST", path: "/v2/clusters/createServerless", body: { clusterName: "sl-1", projectId: "proj-1", regionId: "gcp-us-west1", labels: { team: "a" } }, reply: { body: { code: 0, data: { ...created, clusterId: "in05-1" } } }, run: ({ v2 }) => v2.clusters.createServerless({ clusterName: "sl-1", projectId: "proj-1", regionId: "gcp-us-west1", labels: { team: "a" } }), expected: { ...created, clusterId: "in05-1" } },
  { name: "clusters.createDedicated", method: "POST", path: "/v2/clusters/createDedicated", body: { clusterName: "d-1", projectId: "proj-1", regionId: "aws-us-west-2", plan: "Enterprise", cuType: "Performance-optimized", cuSize: 2, replica: 1 }, reply: { body: { code: 0, data: created } }, run: ({ v2 }) => v2.clusters.createDedicated({ clusterName: "d-1", projectId: "proj-1", regionId: "aws-us-west-2", plan: "Enterprise", cuType: "Performance-optimized", cuSize: 2, replica: 1 }), expected: created },
  { name: "clusters.describe", method: "GET", path: `/v2/clusters/${ID}`, reply: { body: { code: 0, data: { ...summary, clusterId: ID, status: "STOPPED", storageSize: 0, snapshotNumber: 0, createProgress: 100 } } }, run: ({ v2 }) => v2.clusters.describe(ID), expected: { ...summary, clusterId: ID, status: "STOPPED", storageSize: 0, snapshotNumber: 0, createProgress: 100 } },
  { name: "clusters.modify", method: "POST", path: `/v2/clusters/${ID}/modify`, body: { cuSize: 2 }, reply: { body: { code: 0, data: op } }, run: ({ v2 }) => v2.clusters.modify(ID, { cuSize: 2 }), expected: op },
  { name: "clusters.modifyReplica", method: "POST", path: `/v2/clusters/${ID}/modifyReplica`, body: { replica: 2 }, reply: { body: { code: 0, data: op } }, run: ({ v2 }) => v2.clusters.modifyReplica(ID, { replica: 2 }), expected: op },
  { name: "clusters.modifyProperties", method: "POST", path: `/v2/clusters/${ID}/modifyProperties`, body: { clusterName: "renamed" }, reply: { body: { code: 0, data: { clusterId: ID } } }, run: ({ v2 }) => v2.clusters.modifyProperties(ID, { clusterName: "renamed" }), expected: { clusterId: ID } },
  { name: "clusters.getLabels", method: "GET", path: `/v2/clusters/${ID}/labels`, reply: { body: { code: 0, data: { labels: { env: "prod" } } } }, run: ({ v2 }) => v2.clusters.getLabels(ID), expected: { env: "prod" } },
  { name: "clusters.putLabels", method: "PUT", path: `/v2/clusters/${ID}/labels`, body: { labels: { env: "dev" } }, reply: { body: { code: 0, data: {} } }, run: ({ v2 }) => v2.clusters.putLabels(ID, { env: "dev" }), expected: undefined },
  { name: "clusters.suspend", method: "POST", path: `/v2/clusters/${ID}/suspend`, reply: { body: { code: 0, data: { clusterId: ID, prompt: "Successfully Submitted. The cluster will not incur any computing costs when suspended." } } }, run: ({ v2 }) => v2.clusters.suspend(ID), expected: { clusterId: ID, prompt: "Successfully Submitted. The cluster will not incur any computing costs when suspended." } },
  { name: "clusters.resume", method: "POST", path: `/v2/clusters/${ID}/resume`, reply: { body: { code: 0, data: { clusterId: ID, prompt: "successfully Submitted. Cluster is being resumed." } } }, run: ({ v2 }) => v2.clusters.resume(ID), expected: { clusterId: ID, prompt: "successfully Submitted. Cluster is being resumed." } },
  { name: "clusters.drop", method: "DELETE", path: `/v2/clusters/${ID}/drop`, reply: { body: { code: 0, data: { clusterId: ID, prompt: "The cluster has been deleted." } } }, run: ({ v2 }) => v2.clusters.drop(ID), expected: { clusterId: ID, prompt: "The cluster has been deleted." } },
  { name: "importJobs.create", method: "POST", path: "/v2/vectordb/jobs/import/create", body: { clusterId: ID, collectionName: "medium_articles", objectUrls: [["s3://bucket/a.parquet"]], accessKey: "AK", secretKey: "SK" }, reply: { body: { code: 0, data: { jobId: "job-xxxxxxxxxxxxxxxxxxxxxx" } } }, run: ({ v2 }) => v2.importJobs.create({ clusterId: ID, collectionName: "medium_articles", objectUrls: [["s3://bucket/a.parquet"]], accessKey: "AK", secretKey: "SK" }), expected: { jobId: "job-xxxxxxxxxxxxxxxxxxxxxx" } },
];

const progress = { jobId: "job-xxxxxxxxxxxxxxxxxxxxxx", collectionName: "medium_articles", fileName: "folder/1/", fileSize: 26571700, state: "Importing", progress: 40, completeTime: "", reason: "", totalRows: 0, details: [{ fileName: "folder/1/1.parquet", fileSize: 26571700, state: "Importing", progress: 40, completeTime: "", reason: "" }] };

describe("control plane v2 endpoints", () => {
  for (const c of v2Cases) {
    it(c.name, async () => {
      const m = new MockServer(V2);
      const v2 = new ZillizClient({ apiKey: "key", ...m.clientOptions() });
      m.on(c.method, c.path, c.reply);
      expect(await c.run({ v2, v1: undefined as never })).toEqual(c.expected);
      const req = m.last();
      expect(req.method).toBe(c.method);
      expect(req.path).toBe(c.path);
      expect(req.headers.authorization).toBe("Bearer key");
      expect(req.body).toEqual(c.body);
      if (c.body !== undefined) expect(req.headers["content-type"]).toBe("application/json");
    });
  }

  it("importJobs.getProgress on each path alias", async () => {
    for (const alias of ["getProgress", "get_progress", "describe"] as const) {
      const m = new MockServer(V2);
      const v2 = new ZillizClient({ apiKey: "key", importProgressPath: alias, ...m.clientOptions() });
      m.on("POST", `/v2/vectordb/jobs/import/${alias}`, { body: { code: 0, data: progress } });
      const p = await v2.importJobs.getProgress({ clusterId: ID, jobId: progress.jobId });
      expect(p.state).toBe("Importing");
      expect(p.details?.[0]?.fileName).toBe("folder/1/1.parquet");
      expect(m.last().body).toEqual({ clusterId: ID, jobId: progress.jobId });
    }
  });

  it("clusters.list walks 3 pages (pageSize/currentPage) and stops on the short one", async () => {
    const m = new MockServer(V2);
    const v2 = new ZillizClient({ apiKey: "key", ...m.clientOptions() });
    const mk = (n: number) => ({ ...summary, clusterId: `in01-${n}` });
    m.on("GET", "/v2/clusters?pageSize=2&currentPage=1&projectId=proj-1", { body: { code: 0, data: { count: 5, currentPage: 1, pageSize: 2, clusters: [mk(1), mk(2)] } } });
    m.on("GET", "/v2/clusters?pageSize=2&currentPage=2&projectId=proj-1", { body: { code: 0, data: { count: 5, currentPage: 2, pageSize: 2, clusters: [mk(3), mk(4)] } } });
    m.on("GET", "/v2/clusters?pageSize=2&currentPage=3&projectId=proj-1", { body: { code: 0, data: { count: 5, currentPage: 3, pageSize: 2, clusters: [mk(5)] } } });
    const all = await collect(v2.clusters.list({ projectId: "proj-1", pageSize: 2 }));
    expect(all.map((c) => c.clusterId)).toEqual(["in01-1", "in01-2", "in01-3", "in01-4", "in01-5"]);
    expect(m.calls).toHaveLength(3);
  });

  it("clusters.list stops when count is reached on a full page", async () => {
    const m = new MockServer(V2);
    const v2 = new ZillizClient({ apiKey: "key", ...m.clientOptions() });
    m.on("GET", "/v2/clusters?pageSize=1&currentPage=1", { body: { code: 0, data: { count: 1, currentPage: 1, pageSize: 1, clusters: [summary] } } });
    expect(await collect(v2.clusters.list({ pageSize: 1 }))).toHaveLength(1);
    expect(m.calls).toHaveLength(1);
  });

  it("clusters.findByName looks through every page and skips DELETED clusters", async () => {
    const m = new MockServer(V2);
    const v2 = new ZillizClient({ apiKey: "key", ...m.clientOptions() });
    const page1 = Array.from({ length: 100 }, (_, i) => ({ ...summary, projectId: "proj-1", clusterId: `in01-${i}`, clusterName: i === 7 ? "target" : `c${i}`, status: i === 7 ? "DELETED" : "RUNNING" }));
    m.on("GET", "/v2/clusters?pageSize=100&currentPage=1&projectId=proj-1", { body: { code: 0, data: { count: 101, currentPage: 1, pageSize: 100, clusters: page1 } } });
    m.on("GET", "/v2/clusters?pageSize=100&currentPage=2&projectId=proj-1", { body: { code: 0, data: { count: 101, currentPage: 2, pageSize: 100, clusters: [{ ...summary, projectId: "proj-1", clusterId: "in01-live", clusterName: "target" }] } } });
    expect((await v2.clusters.findByName("target", { projectId: "proj-1" }))?.clusterId).toBe("in01-live");
    expect(m.calls).toHaveLength(2);
  });

  it("clusters.findByName never binds a cluster of another project, even when the server ignores the filter", async () => {
    const m = new MockServer(V2);
    const v2 = new ZillizClient({ apiKey: "key", ...m.clientOptions() });
    const clusters = [
      { ...summary, clusterId: "in01-other", clusterName: "target", projectId: "proj-2" },
      { ...summary, clusterId: "in01-unsure", clusterName: "target", projectId: undefined },
    ];
    m.on("GET", "/v2/clusters?pageSize=100&currentPage=1&projectId=proj-1", { body: { code: 0, data: { count: 2, currentPage: 1, pageSize: 100, clusters } } });
    // The entry without a projectId is described to learn its project.
    m.on("GET", "/v2/clusters/in01-unsure", { body: { code: 0, data: { ...summary, clusterId: "in01-unsure", clusterName: "target", projectId: "proj-3" } } });
    expect(await v2.clusters.findByName("target", { projectId: "proj-1" })).toBeUndefined();
    expect(m.calls.map((c) => c.path)).toEqual(["/v2/clusters?pageSize=100&currentPage=1&projectId=proj-1", "/v2/clusters/in01-unsure"]);
  });

  it("importJobs.list pages through records", async () => {
    const m = new MockServer(V2);
    const v2 = new ZillizClient({ apiKey: "key", ...m.clientOptions() });
    m.on("POST", "/v2/vectordb/jobs/import/list", { body: { code: 0, data: { count: 3, currentPage: 1, pageSize: 2, records: [{ jobId: "job-1", collectionName: "c", state: "Completed", progress: 100 }, { jobId: "job-2", collectionName: "c", state: "InProgress", progress: 10 }] } } });
    m.on("POST", "/v2/vectordb/jobs/import/list", { body: { code: 0, data: { count: 3, currentPage: 2, pageSize: 2, records: [{ jobId: "job-3", collectionName: "c", state: "Failed", progress: 0 }] } } });
    const all = await collect(v2.importJobs.list({ clusterId: ID, pageSize: 2 }));
    expect(all.map((j) => j.state)).toEqual(["Completed", "InProgress", "Failed"]);
    expect(m.calls.map((c) => c.body)).toEqual([{ clusterId: ID, pageSize: 2, currentPage: 1 }, { clusterId: ID, pageSize: 2, currentPage: 2 }]);
  });

  it("unknown import job is NotFound (96026)", async () => {
    const m = new MockServer(V2);
    const v2 = new ZillizClient({ apiKey: "key", ...m.clientOptions() });
    m.on("POST", "/v2/vectordb/jobs/import/getProgress", { body: { code: 96026, message: "Job not found. Please check your request parameter." } });
    await expect(v2.importJobs.getProgress({ clusterId: ID, jobId: "job-x" })).rejects.toMatchObject({ kind: "not_found", code: 96026 });
  });

  it("chooses the China host for ali-/tc- regions", () => {
    expect(controlPlaneV2BaseUrl("ali-cn-hangzhou")).toBe("https://api.cloud.zilliz.com.cn");
    expect(controlPlaneV2BaseUrl("tc-ap-beijing")).toBe("https://api.cloud.zilliz.com.cn");
    expect(controlPlaneV2BaseUrl("aws-us-west-2")).toBe("https://api.cloud.zilliz.com");
    expect(controlPlaneV1BaseUrl("gcp-us-west1")).toBe("https://controller.api.gcp-us-west1.zillizcloud.com");
    expect(controlPlaneV1BaseUrl("ali-cn-hangzhou")).toBe("https://controller.api.ali-cn-hangzhou.zilliz.com.cn");
    expect(new ZillizClient({ apiKey: "k", regionId: "ali-cn-hangzhou" }).transport.baseUrl).toBe("https://api.cloud.zilliz.com.cn/");
  });
});

const v1Cases: Case[] = [
  { name: "clouds.list", method: "GET", path: "/v1/clouds", reply: { body: { code: 200, data: [{ cloudId: "aws", description: "amazon aws" }] } }, run: ({ v1 }) => v1.clouds.list(), expected: [{ cloudId: "aws", description: "amazon aws" }] },
  { name: "regions.list", method: "GET", path: "/v1/regions?cloudId=gcp", reply: { body: { code: 200, data: [{ cloudId: "gcp", regionId: "gcp-us-west1", apiBaseUrl: "https://api.gcp-us-west1.zillizcloud.com" }] } }, run: ({ v1 }) => v1.regions.list({ cloudId: "gcp" }), expected: [{ cloudId: "gcp", regionId: "gcp-us-west1", apiBaseUrl: "https://api.gcp-us-west1.zillizcloud.com" }] },
  { name: "projects.list", method: "GET", path: "/v1/projects", reply: { body: { code: 200, data: [{ projectId: "proj-1", projectName: "Default Project", instanceCount: 1, createTimeMilli: 1700000000000 }] } }, run: ({ v1 }) => v1.projects.list(), expected: [{ projectId: "proj-1", projectName: "Default Project", instanceCount: 1, createTimeMilli: 1700000000000 }] },
  { name: "clusters.create", method: "POST", path: "/v1/clusters/create", body: { plan: "Standard", clusterName: "d1", cuSize: 1, cuType: "Performance-optimized", projectId: "proj-1" }, reply: { body: { code: 200, data: created } }, run: ({ v1 }) => v1.clusters.create({ plan: "Standard", clusterName: "d1", cuSize: 1, cuType: "Performance-optimized", projectId: "proj-1" }), expected: created },
  { name: "clusters.createServerless", method: "POST", path: "/v1/clusters/createServerless", body: { plan: "Free", clusterName: "f1", projectId: "proj-1" }, reply: { body: { code: 200, data: { ...created, username: "db_x" } } }, run: ({ v1 }) => v1.clusters.createServerless({ plan: "Free", clusterName: "f1", projectId: "proj-1" }), expected: { ...created, username: "db_x" } },
  { name: "clusters.describe", method: "GET", path: `/v1/clusters/${ID}`, reply: { body: { code: 200, data: { clusterId: ID, clusterName: "d1", clusterType: "Performance-optimized", cuSize: 1, status: "RUNNING", storageSize: 0, snapshotNumber: 0, createProgress: 100 } } }, run: ({ v1 }) => v1.clusters.describe(ID), expected: { clusterId: ID, clusterName: "d1", clusterType: "Performance-optimized", cuSize: 1, status: "RUNNING", storageSize: 0, snapshotNumber: 0, createProgress: 100 } },
  { name: "clusters.modify", method: "POST", path: `/v1/clusters/${ID}/modify`, body: { cuSize: 2 }, reply: { body: { code: 200, data: op } }, run: ({ v1 }) => v1.clusters.modify(ID, { cuSize: 2 }), expected: op },
  { name: "clusters.suspend", method: "POST", path: `/v1/clusters/${ID}/suspend`, reply: { body: { code: 200, data: op } }, run: ({ v1 }) => v1.clusters.suspend(ID), expected: op },
  { name: "clusters.resume", method: "POST", path: `/v1/clusters/${ID}/resume`, reply: { body: { code: 200, data: op } }, run: ({ v1 }) => v1.clusters.resume(ID), expected: op },
  { name: "clusters.drop", method: "DELETE", path: `/v1/clusters/${ID}/drop`, reply: { body: { code: 200, data: { clusterId: ID, prompt: "The Cluster has been deleted." } } }, run: ({ v1 }) => v1.clusters.drop(ID), expected: { clusterId: ID, prompt: "The Cluster has been deleted." } },
  { name: "importJobs.create", method: "POST", path: "/v1/vector/collections/import", body: { clusterId: ID, collectionName: "medium_articles", objectUrl: "gs://bucket/file.json", accessKey: "AK", secretKey: "SK" }, reply: { body: { code: 200, data: { jobId: "job-xxxxxxxxxxxxxxxxxxxxxx" } } }, run: ({ v1 }) => v1.importJobs.create({ clusterId: ID, collectionName: "medium_articles", objectUrl: "gs://bucket/file.json", accessKey: "AK", secretKey: "SK" }), expected: { jobId: "job-xxxxxxxxxxxxxxxxxxxxxx" } },
  { name: "importJobs.getProgress", method: "GET", path: `/v1/vector/collections/import/get?jobId=job-1&clusterId=${ID}`, reply: { body: { code: 200, data: { jobId: "job-1", collectionName: "c", fileName: "f.json", fileSize: 10, readyPercentage: 0.5, completeTime: null, errorMessage: null, details: [{ fileName: "f.json", fileSize: 10, readyPercentage: 0.5, completeTime: null, errorMessage: null }] } } }, run: ({ v1 }) => v1.importJobs.getProgress({ clusterId: ID, jobId: "job-1" }), expected: { jobId: "job-1", collectionName: "c", fileName: "f.json", fileSize: 10, readyPercentage: 0.5, completeTime: null, errorMessage: null, details: [{ fileName: "f.json", fileSize: 10, readyPercentage: 0.5, completeTime: null, errorMessage: null }] } },
];

describe("control plane v1 endpoints", () => {
  for (const c of v1Cases) {
    it(c.name, async () => {
      const m = new MockServer(V1);
      const v1 = new ZillizClientV1({ apiKey: "key", regionId: "gcp-us-west1", ...m.clientOptions() });
      m.on(c.method, c.path, c.reply);
      expect(await c.run({ v1, v2: undefined as never })).toEqual(c.expected);
      const req = m.last();
      expect([req.method, req.path]).toEqual([c.method, c.path]);
      expect(req.headers.authorization).toBe("Bearer key");
      expect(req.body).toEqual(c.body);
    });
  }

  it("clusters.list pages with `current`", async () => {
    const m = new MockServer(V1);
    const v1 = new ZillizClientV1({ apiKey: "key", regionId: "gcp-us-west1", ...m.clientOptions() });
    m.on("GET", "/v1/clusters?pageSize=5&current=1", { body: { code: 200, data: { count: 6, currentPage: 1, pageSize: 5, clusters: [1, 2, 3, 4, 5].map((n) => ({ ...summary, clusterId: `in01-${n}` })) } } });
    m.on("GET", "/v1/clusters?pageSize=5&current=2", { body: { code: 200, data: { count: 6, currentPage: 2, pageSize: 5, clusters: [{ ...summary, clusterId: "in01-6" }] } } });
    expect((await collect(v1.clusters.list({ pageSize: 5 }))).map((c) => c.clusterId)).toEqual(["in01-1", "in01-2", "in01-3", "in01-4", "in01-5", "in01-6"]);
  });

  it("importJobs.list pages with currentPage", async () => {
    const m = new MockServer(V1);
    const v1 = new ZillizClientV1({ apiKey: "key", regionId: "gcp-us-west1", ...m.clientOptions() });
    m.on("GET", `/v1/vector/collections/import/list?clusterId=${ID}&pageSize=10&currentPage=1`, { body: { code: 200, data: { count: 1, currentPage: 1, pageSize: 10, tasks: [{ collectionName: "c", jobId: "job-1", state: "ImportCompleted" }] } } });
    expect(await collect(v1.importJobs.list({ clusterId: ID, pageSize: 10 }))).toEqual([{ collectionName: "c", jobId: "job-1", state: "ImportCompleted" }]);
  });

  it("maps v1 errors: 80001 (HTTP 401), 80020 not found, 80010 duplicate, 90144 job not found", async () => {
    const m = new MockServer(V1);
    const v1 = new ZillizClientV1({ apiKey: "key", regionId: "gcp-us-west1", ...m.clientOptions() });
    m.on("GET", `/v1/clusters/${ID}`, { status: 401, body: { code: 80001, message: "Invalid token: Your token is not valid." } });
    m.on("GET", `/v1/clusters/${ID}`, { body: { code: 80020, message: "Cluster not exist or you don't have permission." } });
    m.on("POST", "/v1/clusters/create", { body: { code: 80010, message: "Duplicated ClusterName." } });
    m.on("GET", `/v1/vector/collections/import/get?jobId=j&clusterId=${ID}`, { body: { code: 90144, message: "jobId not found" } });
    await expect(v1.clusters.describe(ID)).rejects.toMatchObject({ kind: "unauthenticated", code: 80001, httpStatus: 401 });
    await expect(v1.clusters.describe(ID)).rejects.toMatchObject({ kind: "not_found", code: 80020 });
    await expect(v1.clusters.create({ plan: "Standard", clusterName: "d", cuSize: 1, cuType: "x", projectId: "p" })).rejects.toMatchObject({ kind: "already_exists" });
    await expect(v1.importJobs.getProgress({ clusterId: ID, jobId: "j" })).rejects.toMatchObject({ kind: "not_found", code: 90144 });
  });
});
