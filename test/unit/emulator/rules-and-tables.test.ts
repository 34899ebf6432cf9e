import { describe, expect, it } from "vitest";
import { ERROR_TABLE } from "../../../src/emulator";
import { checkCuSize, checkPaging, checkReplica } from "../../../src/emulator/control-plane/cluster-rules";
import { RateLimiter } from "../../../src/emulator/control/rate-limit";
import { EmulatorError } from "../../../src/emulator/errors";
import { matchRoute, type Route } from "../../../src/emulator/router";

function kindOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof EmulatorError ? error.kind : "other";
  }
}

describe("error table", () => {
  it("carries the observed and documented codes per version", () => {
    expect(ERROR_TABLE.invalidApiKey.v2).toEqual({ code: 21119, message: "The apikey is illegal" });
    expect(ERROR_TABLE.invalidApiKey.v1.code).toBe(80001);
    expect([ERROR_TABLE.clusterNotFound.v2.code, ERROR_TABLE.clusterNotFound.v1.code]).toEqual([96018, 80020]);
    expect([ERROR_TABLE.duplicateClusterName.v2.code, ERROR_TABLE.duplicateClusterName.v1.code]).toEqual([40013, 80010]);
    expect([ERROR_TABLE.invalidPageSize.v2.code, ERROR_TABLE.invalidPageSize.v1.code]).toEqual([96008, 80003]);
    expect(ERROR_TABLE.wrongClusterState.v2.code).toBe(40003);
    expect(ERROR_TABLE.jobNotFound.v2.code).toBe(96026);
  });
  it("has a non-empty message for every entry", () => {
    for (const entry of Object.values(ERROR_TABLE)) {
      expect(entry.v1.message.length).toBeGreaterThan(0);
      expect(entry.v2.message.length).toBeGreaterThan(0);
    }
  });
});

describe("cluster rules", () => {
  it("v2 cuSize follows the plan's steps; v1 caps at 256", () => {
    expect(checkCuSize(32, "Standard", "v2")).toBe(32);
    expect(kindOf(() => checkCuSize(64, "Standard", "v2"))).toBe("invalidClassSpec");
    expect(checkCuSize(64, "Enterprise", "v2")).toBe(64);
    expect(kindOf(() => checkCuSize(65, "Enterprise", "v2"))).toBe("invalidClassSpec");
    expect(checkCuSize(1024, "Enterprise", "v2")).toBe(1024);
    expect(kindOf(() => checkCuSize(0, "Enterprise", "v2"))).toBe("invalidCuSize");
    expect(checkCuSize(200, "Standard", "v1")).toBe(200);
    expect(kindOf(() => checkCuSize(257, "Standard", "v1"))).toBe("invalidCuSize");
  });
  it("replica is bounded and cuSize x replica stays within 1024", () => {
    expect(checkReplica(4, 256, 10)).toBe(4);
    expect(kindOf(() => checkReplica(5, 256, 10))).toBe("invalidClassSpec");
    expect(kindOf(() => checkReplica(9, 1, 8))).toBe("invalidClassSpec");
  });
  it("paging defaults to 10/1 and enforces each version's range", () => {
    expect(checkPaging(undefined, undefined, "v2")).toEqual({ pageSize: 10, currentPage: 1 });
    expect(checkPaging("1", "3", "v2")).toEqual({ pageSize: 1, currentPage: 3 });
    expect(kindOf(() => checkPaging("1", "1", "v1"))).toBe("invalidPageSize");
    expect(kindOf(() => checkPaging("abc", "1", "v2"))).toBe("invalidPageSize");
    expect(kindOf(() => checkPaging("10", "1.5", "v2"))).toBe("invalidCurrentPage");
  });
});

describe("rate limiter", () => {
  it("refills at the configured rate", () => {
    let now = 0;
    const limiter = new RateLimiter(() => now);
    limiter.configure({ enabled: true, requestsPerSecond: 20 });
    for (let i = 0; i < 20; i++) expect(limiter.take("k", "GET /v2/clusters")).toBeUndefined();
    expect(limiter.take("k", "GET /v2/clusters")).toEqual({ retryAfterSeconds: 1, code: 429 });
    expect(limiter.take("other-key", "GET /v2/clusters")).toBeUndefined();
    now += 100; // two tokens back
    expect(limiter.take("k", "GET /v2/clusters")).toBeUndefined();
    expect(limiter.take("k", "GET /v2/clusters")).toBeUndefined();
    expect(limiter.take("k", "GET /v2/clusters")).toBeDefined();
  });
  it("does nothing while disabled", () => {
    const limiter = new RateLimiter(() => 0);
    for (let i = 0; i < 100; i++) expect(limiter.take("k", "e")).toBeUndefined();
  });
});

describe("router", () => {
  const routes: Route[] = [
    { method: "GET", pattern: "/v2/clusters/:clusterId", version: "v2", handler: () => null },
    { method: "POST", pattern: "/v2/clusters/createFree", version: "v2", handler: () => null },
  ];
  it("matches literal segments before parameters only by order, and captures parameters", () => {
    expect(matchRoute(routes, "GET", "/v2/clusters/in01-abc")?.params).toEqual({ clusterId: "in01-abc" });
    expect(matchRoute(routes, "POST", "/v2/clusters/createFree")?.route.pattern).toBe("/v2/clusters/createFree");
    expect(matchRoute(routes, "DELETE", "/v2/clusters/in01-abc")).toBeUndefined();
    expect(matchRoute(routes, "GET", "/v2/clusters/in01-abc/extra")).toBeUndefined();
  });
});
