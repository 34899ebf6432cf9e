/** Transport behaviour: envelope, errors, retries, Retry-After, rate limit, validation, 64-bit ids. */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  ApiError,
  ConnectionError,
  InvalidArgumentError,
  MilvusClient,
  NotFoundError,
  RateLimitedError,
  ResponseValidationError,
  ServerError,
  TokenBucket,
  Transport,
  UnauthenticatedError,
  UnsupportedEndpointError,
  WrongStateError,
  ZillizClient,
  AlreadyExistsError,
  isNotFound,
} from "../../../src/client";
import { MockServer } from "./mock-server";

const CP = "https://api.cloud.zilliz.com";
const DESCRIBE = "/v2/clusters/in01-6183d6bac30f801";
const cluster = {
  clusterId: "in01-6183d6bac30f801",
  clusterName: "dedicated-3",
  description: "",
  regionId: "aws-us-west-2",
  plan: "Standard",
  cuType: "Performance-optimized",
  cuSize: 1,
  status: "RUNNING",
  connectAddress: "https://in01-6183d6bac30f801.aws-us-west-2.vectordb.zillizcloud.com:443",
  privateLinkAddress: "",
  createTime: "2025-02-09T10:57:13Z",
  projectId: "proj-89bf4a83cfe2c8a4f03482",
  storageSize: 0,
  snapshotNumber: 0,
  createProgress: 100,
};

function setup() {
  const m = new MockServer(CP);
  const cp = new ZillizClient({ apiKey: "secret-key-123", ...m.clientOptions() });
  return { m, cp };
}

async function failure(p: Promise<unknown>): Promise<ApiError & Error> {
  try {
    await p;
  } catch (e) {
    return e as ApiError;
  }
  throw new Error("expected the call to fail");
}

describe("envelope and errors", () => {
  it("sends Bearer auth and parses a code-0 success", async () => {
    const { m, cp } = setup();
    m.on("GET", DESCRIBE, { body: { code: 0, data: cluster } });
    const c = await cp.clusters.describe("in01-6183d6bac30f801");
    expect(c.status).toBe("RUNNING");
    expect(m.last().headers.authorization).toBe("Bearer secret-key-123");
    expect(m.last().headers.accept).toBe("application/json");
  });

  it("treats HTTP 200 with a non-zero code as an error, classified by code, with the requestid", async () => {
    const { m, cp } = setup();
    m.on("GET", DESCRIBE, { body: { code: 96018, message: "Cluster not found. Please use the ListClusters API to check." }, headers: { requestid: "req-42" } });
    const err = await failure(cp.clusters.describe("in01-6183d6bac30f801"));
    expect(err).toBeInstanceOf(NotFoundError);
    expect(isNotFound(err)).toBe(true);
    expect(err.kind).toBe("not_found");
    expect(err.code).toBe(96018);
    expect(err.httpStatus).toBe(200);
    expect(err.method).toBe("GET");
    expect(err.path).toBe(DESCRIBE);
    expect(err.requestId).toBe("req-42");
    expect(err.message).toBe(`not_found: Cluster not found. Please use the ListClusters API to check. (code 96018, HTTP 200, request req-42) during GET ${DESCRIBE}`);
    expect(m.calls).toHaveLength(1);
  });

  it("maps 401 with code 21119 to UnauthenticatedError and never leaks the key", async () => {
    const { m, cp } = setup();
    m.on("GET", DESCRIBE, { status: 401, body: { code: 21119, message: "The apikey is illegal" } });
    const err = await failure(cp.clusters.describe("in01-6183d6bac30f801"));
    expect(err).toBeInstanceOf(UnauthenticatedError);
    expect(err.httpStatus).toBe(401);
    expect(JSON.stringify({ ...err, message: err.message, stack: err.stack })).not.toContain("secret-key-123");
    expect(m.calls).toHaveLength(1); // 401 is not retried
  });

  it("maps a 404 with a text body (unknown route) to UnsupportedEndpointError, not NotFound", async () => {
    const m = new MockServer("http://milvus.local:19530");
    const mv = new MilvusClient({ endpoint: "http://milvus.local:19530", ...m.clientOptions() });
    m.on("POST", "/v2/vectordb/databases/list", { status: 404, body: "404 page not found", headers: { "content-type": "text/plain" } });
    const err = await failure(mv.databases.list());
    expect(err).toBeInstanceOf(UnsupportedEndpointError);
    expect(isNotFound(err)).toBe(false);
    expect(err.serverMessage).toBe("404 page not found");
    expect(err.httpStatus).toBe(404);
  });

  it("classifies duplicate names and wrong state by code", async () => {
    const { m, cp } = setup();
    m.on("POST", "/v2/clusters/createDedicated", { body: { code: 40013, message: "The specified cluster name already exists." } });
    m.on("POST", `${DESCRIBE}/suspend`, { body: { code: 40003, message: "operation not available given the cluster's current state" } });
    const dup = await failure(cp.clusters.createDedicated({ clusterName: "c", projectId: "proj-1", regionId: "aws-us-west-2", cuType: "Performance-optimized", cuSize: 1 }));
    expect(dup).toBeInstanceOf(AlreadyExistsError);
    const state = await failure(cp.clusters.suspend("in01-6183d6bac30f801"));
    expect(state).toBeInstanceOf(WrongStateError);
  });

  it("rejects malformed JSON as ResponseValidationError", async () => {
    const { m, cp } = setup();
    m.on("GET", DESCRIBE, { body: '{"code":0,"data":{"clusterId":' });
    const err = await failure(cp.clusters.describe("in01-6183d6bac30f801"));
    expect(err).toBeInstanceOf(ResponseValidationError);
    expect(err.kind).toBe("response_validation");
  });

  it("rejects data that does not match the schema, masking secrets in the raw body", async () => {
    const { m, cp } = setup();
    m.on("POST", "/v2/clusters/createFree", { body: { code: 0, data: { clusterId: 123, username: "db_x", password: "Hunter2Hunter2!!" } } });
    const err = (await failure(cp.clusters.createFree({ clusterName: "f", projectId: "proj-1", regionId: "gcp-us-west1" }))) as unknown as ResponseValidationError;
    expect(err).toBeInstanceOf(ResponseValidationError);
    expect(err.rawBody).not.toContain("Hunter2Hunter2!!");
    expect(err.message).not.toContain("Hunter2Hunter2!!");
    expect(err.issues.length).toBeGreaterThan(0);
  });

  it("tolerates unknown extra fields", async () => {
    const { m, cp } = setup();
    m.on("GET", DESCRIBE, { body: { code: 0, data: { ...cluster, replica: 1, deploymentOption: "SaaS", brandNewField: { x: 1 } }, extraTopLevel: true } });
    const c = await cp.clusters.describe("in01-6183d6bac30f801");
    expect(c.replica).toBe(1);
    expect(c.clusterName).toBe("dedicated-3");
  });

  it("keeps a 64-bit collectionID exact", async () => {
    const m = new MockServer("http://milvus.local:19530");
    const mv = new MilvusClient({ endpoint: "http://milvus.local:19530", ...m.clientOptions() });
    m.on("POST", "/v2/vectordb/collections/describe", {
      body: '{"code":0,"data":{"aliases":[],"autoId":false,"collectionID":454123456789012345,"collectionName":"quick1","fields":[],"properties":[]},"message":""}',
    });
    const d = await mv.collections.describe({ collectionName: "quick1" });
    expect(d.collectionID).toBe("454123456789012345");
  });

  it("accepts v1's code 200 as success", async () => {
    const t = new Transport({ baseUrl: CP, dispatcher: new MockServer(CP).agent });
    expect(t.baseUrl).toBe(`${CP}/`);
    const m = new MockServer(CP);
    const t2 = new Transport({ baseUrl: CP, ...m.clientOptions() });
    m.on("GET", "/x", { body: { code: 200, data: { ok: true } } });
    expect(await t2.call({ method: "GET", path: "/x", schema: z.object({ ok: z.boolean() }), idempotent: true })).toEqual({ ok: true });
  });

  it("applies a per-call override table before the shared one", async () => {
    const m = new MockServer(CP);
    const t = new Transport({ baseUrl: CP, ...m.clientOptions() });
    m.on("POST", "/y", { body: { code: 1100, message: "user already exists: u: invalid parameter" } });
    m.on("POST", "/y", { body: { code: 1100, message: "user already exists: u: invalid parameter" } });
    await expect(t.call({ method: "POST", path: "/y", body: {}, schema: z.unknown(), idempotent: false })).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(t.call({ method: "POST", path: "/y", body: {}, schema: z.unknown(), idempotent: false, overrides: { 1100: "already_exists" } })).rejects.toBeInstanceOf(AlreadyExistsError);
  });
});

describe("retries", () => {
  it("retries a read on 503 then succeeds, with capped jittered backoff", async () => {
    const { m, cp } = setup();
    m.on("GET", DESCRIBE, { status: 503, body: "upstream unavailable" }, 2);
    m.on("GET", DESCRIBE, { body: { code: 0, data: cluster } });
    const c = await cp.clusters.describe("in01-6183d6bac30f801");
    expect(c.clusterId).toBe("in01-6183d6bac30f801");
    expect(m.calls).toHaveLength(3);
    expect(m.delays).toEqual([500, 1000]); // base 500 ms doubling; random 0.5 means no jitter offset
  });

  it("never re-sends a create on 503", async () => {
    const { m, cp } = setup();
    m.on("POST", "/v2/clusters/createServerless", { status: 503, body: { code: 503, message: "service unavailable" } }, 3);
    const err = await failure(cp.clusters.createServerless({ clusterName: "s", projectId: "proj-1", regionId: "gcp-us-west1" }));
    expect(err).toBeInstanceOf(ServerError);
    expect(m.calls).toHaveLength(1);
    expect(m.delays).toEqual([]);
  });

  it("honours Retry-After on 429", async () => {
    const { m, cp } = setup();
    m.on("GET", "/v2/clouds", { status: 429, body: { code: 429, message: "rate limit exceeded" }, headers: { "retry-after": "3" } });
    m.on("GET", "/v2/clouds", { body: { code: 0, data: [{ cloudId: "aws", description: "Amazon Web Services" }] } });
    expect(await cp.clouds.list()).toEqual([{ cloudId: "aws", description: "Amazon Web Services" }]);
    expect(m.delays).toEqual([3000]);
  });

  it("backs off on 429 without Retry-After and gives up after maxRetries with RateLimitedError", async () => {
    const m = new MockServer(CP);
    const cp = new ZillizClient({ apiKey: "k", ...m.clientOptions(), maxRetries: 2 });
    m.on("GET", "/v2/clouds", { status: 429, body: { code: 429, message: "rate limit exceeded" } }, 3);
    const err = await failure(cp.clouds.list());
    expect(err).toBeInstanceOf(RateLimitedError);
    expect(m.calls).toHaveLength(3);
    expect(m.delays).toEqual([500, 1000]);
  });

  it("retries a create on 429 (the server rejected it unprocessed)", async () => {
    const { m, cp } = setup();
    m.on("POST", "/v2/clusters/createFree", { status: 429, body: { code: 429, message: "rate limit exceeded" }, headers: { "retry-after": "1" } });
    m.on("POST", "/v2/clusters/createFree", { body: { code: 0, data: { clusterId: "in03-fc01449d8a58b23", username: "db_fc01449d8a58b23", password: "p", prompt: "ok" } } });
    const r = await cp.clusters.createFree({ clusterName: "f", projectId: "proj-1", regionId: "gcp-us-west1" });
    expect(r.clusterId).toBe("in03-fc01449d8a58b23");
    expect(m.calls).toHaveLength(2);
  });

  it("re-sends a Milvus create rejected by the quota limiter (code 1807) but not one that hit code 2", async () => {
    const m = new MockServer("http://milvus.local:19530");
    const mv = new MilvusClient({ endpoint: "http://milvus.local:19530", ...m.clientOptions() });
    m.on("POST", "/v2/vectordb/collections/create", { body: { code: 1807, message: "request is rejected by limiter" } });
    m.on("POST", "/v2/vectordb/collections/create", { body: { code: 0, data: {} } });
    await mv.collections.create({ collectionName: "c", dimension: 4 });
    expect(m.calls).toHaveLength(2);
    m.on("POST", "/v2/vectordb/collections/create", { body: { code: 2, message: "service unavailable" } });
    await expect(mv.collections.create({ collectionName: "c", dimension: 4 })).rejects.toBeInstanceOf(ServerError);
    expect(m.calls).toHaveLength(3);
  });

  it("reads the error text from `error` when there is no `message`", async () => {
    const { m, cp } = setup();
    m.on("GET", DESCRIBE, { status: 400, body: { error: "bad cluster id" } });
    const err = await failure(cp.clusters.describe("in01-6183d6bac30f801"));
    expect(err).toBeInstanceOf(InvalidArgumentError);
    expect(err.serverMessage).toBe("bad cluster id");
  });

  it("turns a refused connection into ConnectionError after retries", async () => {
    const { m, cp } = setup();
    m.agent.get(CP).intercept({ method: "GET", path: DESCRIBE }).replyWithError(new Error("connect ECONNREFUSED")).times(4);
    const err = await failure(cp.clusters.describe("in01-6183d6bac30f801"));
    expect(err).toBeInstanceOf(ConnectionError);
    expect(err.kind).toBe("connection");
    expect(m.delays).toHaveLength(3);
  });

  it("turns a socket reset mid-body into ConnectionError and retries a read", async () => {
    let hits = 0;
    const server = createServer((req, res) => {
      hits++;
      if (hits === 1) {
        res.writeHead(200, { "content-type": "application/json", "content-length": "500" });
        res.write('{"code":0,"data":{"clusterId":"in01-');
        setTimeout(() => res.socket?.destroy(), 20);
        return;
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ code: 0, data: cluster }));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const delays: number[] = [];
      const cp = new ZillizClient({ apiKey: "k", baseUrl: url, sleep: async (ms) => void delays.push(ms), requestsPerSecond: 1e6 });
      const c = await cp.clusters.describe("in01-6183d6bac30f801");
      expect(c.status).toBe("RUNNING");
      expect(hits).toBe(2);
      const create = new ZillizClient({ apiKey: "k", baseUrl: url, sleep: async () => undefined, requestsPerSecond: 1e6 });
      hits = 0;
      const err = await failure(create.clusters.createFree({ clusterName: "f", projectId: "p", regionId: "r" }));
      expect(err).toBeInstanceOf(ConnectionError);
      expect(hits).toBe(1);
    } finally {
      server.close();
    }
  });

  it("times out a request that never answers, and logs each attempt without the key", async () => {
    const server = createServer(() => undefined);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const lines: string[] = [];
      const logger = { debug: (msg: string, fields?: Record<string, unknown>) => void lines.push(`${msg} ${JSON.stringify(fields)}`) };
      const cp = new ZillizClient({ apiKey: "secret-key-123", baseUrl: url, timeoutMs: 100, maxRetries: 1, sleep: async () => undefined, requestsPerSecond: 1e6, logger });
      const err = await failure(cp.clusters.describe("in01-x"));
      expect(err).toBeInstanceOf(ConnectionError);
      expect(err.serverMessage).toBe("timed out after 100 ms");
      expect(lines.filter((l) => l.startsWith("request failed"))).toHaveLength(2);
      expect(lines.join("\n")).not.toContain("secret-key-123");
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it("stops at once when the caller aborts", async () => {
    const { m, cp } = setup();
    const ctl = new AbortController();
    ctl.abort(new Error("stop"));
    m.on("GET", DESCRIBE, { body: { code: 0, data: cluster } });
    await expect(cp.clusters.describe("in01-6183d6bac30f801", { signal: ctl.signal })).rejects.toThrow("stop");
  });
});

describe("rate limiting", () => {
  it("keeps requests under the token-bucket budget", async () => {
    let now = 0;
    const waits: number[] = [];
    const bucket = new TokenBucket(2, () => now);
    const sleep = async (ms: number) => {
      waits.push(ms);
      now += ms;
    };
    for (let i = 0; i < 5; i++) await bucket.take(sleep);
    // Two tokens at once, then one every 500 ms.
    expect(waits).toEqual([500, 500, 500]);
    expect(now).toBe(1500);
  });

  it("is applied by the transport before each request", async () => {
    const m = new MockServer(CP);
    let now = 0;
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
      now += ms;
    };
    const cp = new ZillizClient({ apiKey: "k", dispatcher: m.agent, sleep, rateLimiter: new TokenBucket(1, () => now) });
    m.on("GET", "/v2/clouds", { body: { code: 0, data: [] } }, 3);
    for (let i = 0; i < 3; i++) await cp.clouds.list();
    expect(waits).toEqual([1000, 1000]);
  });
});
