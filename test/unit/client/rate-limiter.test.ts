/** Rate limits shaped like the documented ones: per key and endpoint on the control plane, none on the data plane. */
import { describe, expect, it } from "vitest";
import {
  CONTROL_PLANE_CLIENT_REQUESTS_PER_SECOND,
  CONTROL_PLANE_REQUESTS_PER_SECOND,
  EndpointLimiter,
  MilvusClient,
  RateLimitedError,
  TokenBucket,
  ZillizClient,
  ZillizClientV1,
  endpointTemplate,
  sharedEndpointLimiter,
} from "../../../src/client";
import { MockServer } from "./mock-server";

/** A fake clock whose sleep advances time and records each wait. */
function fakeClock() {
  const c = {
    now: 0,
    waits: [] as number[],
    sleep: async (ms: number) => {
      c.waits.push(ms);
      c.now += ms;
    },
  };
  return c;
}

const CP = "https://api.cloud.zilliz.com";
const clusterBody = (id: string) => ({
  code: 0,
  data: { clusterId: id, clusterName: "c", regionId: "aws-us-west-2", status: "RUNNING", connectAddress: "", createTime: "2025-02-09T10:57:13Z", projectId: "proj-1" },
});

describe("endpointTemplate", () => {
  it.each([
    ["GET", "/v2/clusters/in01-6183d6bac30f801", "GET /v2/clusters/{}"],
    ["get", "/v2/clusters/in03-fc01449d8a58b23", "GET /v2/clusters/{}"],
    ["POST", "/v2/clusters/in01-6183d6bac30f801/modify", "POST /v2/clusters/{}/modify"],
    ["PUT", "/v2/clusters/in01-1/labels", "PUT /v2/clusters/{}/labels"],
    ["GET", "/v2/clusters/in01-1/labels", "GET /v2/clusters/{}/labels"],
    ["GET", "/v2/clusters?pageSize=100&currentPage=2&projectId=proj-1", "GET /v2/clusters"],
    ["GET", "/v2/projects/proj-89bf4a83cfe2c8a4f03482", "GET /v2/projects/{}"],
    ["POST", "/v2/clusters/createDedicated", "POST /v2/clusters/createDedicated"],
    ["GET", "/v1/vector/collections/import/get?jobId=job-1&clusterId=in01-1", "GET /v1/vector/collections/import/get"],
    ["DELETE", "/v1/clusters/12345/drop", "DELETE /v1/clusters/{}/drop"],
    ["GET", "/v2/clusters/a%2Fb", "GET /v2/clusters/{}"],
  ])("%s %s → %s", (method, path, expected) => {
    expect(endpointTemplate(method, path)).toBe(expected);
  });
});

describe("TokenBucket", () => {
  it("gives a burst of `burst` tokens, then one every 1/rate s", async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(4, () => clock.now, 2);
    for (let i = 0; i < 4; i++) await bucket.take(clock.sleep);
    expect(clock.waits).toEqual([250, 250]);
    expect(clock.now).toBe(500);
  });

  it("refills while idle, never above the burst", async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(2, () => clock.now);
    await bucket.take(clock.sleep);
    await bucket.take(clock.sleep);
    clock.now += 60_000; // a minute idle refills to 2, not 120
    for (let i = 0; i < 3; i++) await bucket.take(clock.sleep);
    expect(clock.waits).toEqual([500]);
  });

  it("rejects a non-positive rate", () => {
    expect(() => new TokenBucket(0)).toThrow(RangeError);
    expect(() => new EndpointLimiter(-1)).toThrow(RangeError);
  });
});

describe("EndpointLimiter", () => {
  it("keeps a separate budget per endpoint: a busy endpoint does not slow another", async () => {
    const clock = fakeClock();
    const limiter = new EndpointLimiter(2, () => clock.now);
    for (let i = 0; i < 3; i++) await limiter.acquire("GET /v2/clusters/{}", clock.sleep);
    expect(clock.waits).toEqual([500]);
    // Another endpoint still has its full burst at this instant.
    for (let i = 0; i < 2; i++) await limiter.acquire("GET /v2/clusters/{}/labels", clock.sleep);
    expect(clock.waits).toEqual([500]);
    expect(limiter.endpoints().sort()).toEqual(["GET /v2/clusters/{}", "GET /v2/clusters/{}/labels"]);
  });

  it("is shared per base URL, key and rate, and separate for another key", () => {
    const a = sharedEndpointLimiter("https://x.test/", "key-a", 20);
    expect(sharedEndpointLimiter("https://x.test/", "key-a", 20)).toBe(a);
    expect(sharedEndpointLimiter("https://x.test/", "key-b", 20)).not.toBe(a);
    expect(sharedEndpointLimiter("https://y.test/", "key-a", 20)).not.toBe(a);
  });
});

describe("the transport's limits", () => {
  it("control plane: describes of different clusters share one bucket; labels has its own", async () => {
    const m = new MockServer(CP);
    const clock = fakeClock();
    const limiter = new EndpointLimiter(CONTROL_PLANE_REQUESTS_PER_SECOND, () => clock.now);
    const cp = new ZillizClient({ apiKey: "k", dispatcher: m.agent, sleep: clock.sleep, rateLimiter: limiter });
    for (let i = 0; i < 22; i++) m.on("GET", `/v2/clusters/in01-${i}`, { body: clusterBody(`in01-${i}`) });
    for (let i = 0; i < 22; i++) await cp.clusters.describe(`in01-${i}`);
    // 20 at once (the documented 20/s), then one every 50 ms.
    expect(clock.waits).toEqual([50, 50]);
    for (let i = 0; i < 20; i++) m.on("GET", `/v2/clusters/in01-${i}/labels`, { body: { code: 0, data: { labels: {} } } });
    for (let i = 0; i < 20; i++) await cp.clusters.getLabels(`in01-${i}`);
    expect(clock.waits).toEqual([50, 50]);
    expect(limiter.endpoints().sort()).toEqual(["GET /v2/clusters/{}", "GET /v2/clusters/{}/labels"]);
  });

  it("control plane v2 and v1 default to the process-wide 18/s (90% of the documented 20/s) per-endpoint limiter of their key", async () => {
    const m = new MockServer(CP);
    const key = `default-rate-${Date.now()}`;
    const cp = new ZillizClient({ apiKey: key, dispatcher: m.agent, sleep: m.sleep });
    m.on("GET", "/v2/clusters/in01-1", { body: clusterBody("in01-1") });
    await cp.clusters.describe("in01-1");
    expect(CONTROL_PLANE_CLIENT_REQUESTS_PER_SECOND).toBe(18);
    const shared = sharedEndpointLimiter(`${CP}/`, key, CONTROL_PLANE_CLIENT_REQUESTS_PER_SECOND);
    expect(shared.rate).toBe(18);
    expect(shared.endpoints()).toEqual(["GET /v2/clusters/{}"]);
    const v1 = new ZillizClientV1({ apiKey: key, regionId: "gcp-us-west1", baseUrl: CP, dispatcher: m.agent, sleep: m.sleep });
    m.on("GET", "/v1/clouds", { body: { code: 200, data: [] } });
    await v1.clouds.list();
    expect(shared.endpoints()).toEqual(["GET /v2/clusters/{}", "GET /v1/clouds"]);
    expect(m.delays).toEqual([]);
  });

  it("data plane: no client-side bucket; 100 calls go out without a single wait", async () => {
    const ep = "http://milvus.local:19530";
    const m = new MockServer(ep);
    const clock = fakeClock();
    const mv = new MilvusClient({ endpoint: ep, token: "root:Milvus", dispatcher: m.agent, sleep: clock.sleep });
    for (let i = 0; i < 100; i++) m.on("POST", "/v2/vectordb/collections/has", { body: { code: 0, data: { has: true } } });
    for (let i = 0; i < 100; i++) await mv.collections.has({ collectionName: `c${i}` });
    expect(m.calls).toHaveLength(100);
    expect(clock.waits).toEqual([]);
  });

  it("data plane: the server's limiter (1807) is backed off and retried, beyond the 3 retries of other errors", async () => {
    const ep = "http://milvus.local:19530";
    const m = new MockServer(ep);
    const mv = new MilvusClient({ endpoint: ep, dispatcher: m.agent, sleep: m.sleep, random: () => 0.5 });
    m.on("POST", "/v2/vectordb/collections/describe", { body: { code: 1807, message: "request is rejected by limiter" } }, 6);
    m.on("POST", "/v2/vectordb/collections/describe", { body: { code: 0, data: { collectionName: "c", fields: [], indexes: [], load: "LoadStateLoaded", shardsNum: 1, enableDynamicField: true, properties: [] } } });
    const d = await mv.collections.describe({ collectionName: "c" });
    expect(d.collectionName).toBe("c");
    expect(m.calls).toHaveLength(7);
    expect(m.delays).toEqual([500, 1000, 2000, 4000, 8000, 10000]);
  });

  it("data plane: HTTP 429 with Retry-After waits what the server asked, then gives up after 8 retries", async () => {
    const ep = "http://milvus.local:19530";
    const m = new MockServer(ep);
    const mv = new MilvusClient({ endpoint: ep, dispatcher: m.agent, sleep: m.sleep });
    m.on("POST", "/v2/vectordb/collections/has", { status: 429, body: { code: 429, message: "too many" }, headers: { "retry-after": "2" } }, 9);
    await expect(mv.collections.has({ collectionName: "c" })).rejects.toBeInstanceOf(RateLimitedError);
    expect(m.calls).toHaveLength(9);
    expect(m.delays).toEqual(Array(8).fill(2000));
  });

  it("maxRateLimitRetries bounds rate-limit retries on its own", async () => {
    const ep = "http://milvus.local:19530";
    const m = new MockServer(ep);
    const mv = new MilvusClient({ endpoint: ep, dispatcher: m.agent, sleep: m.sleep, random: () => 0.5, maxRateLimitRetries: 1 });
    m.on("POST", "/v2/vectordb/collections/has", { body: { code: 1807, message: "request is rejected by limiter" } }, 2);
    await expect(mv.collections.has({ collectionName: "c" })).rejects.toBeInstanceOf(RateLimitedError);
    expect(m.calls).toHaveLength(2);
  });
});
