/** waitFor, paginate, safe JSON, backoff and the normalisation helpers. */
import { describe, expect, it } from "vitest";
import {
  backoffDelay,
  canonicalFieldFromDescribe,
  canonicalFieldFromInput,
  canonicalIndexFromDescribe,
  canonicalIndexFromInput,
  canonicalTypeParams,
  collect,
  normalizeClusterStatus,
  normalizeImportState,
  paginate,
  parseJsonSafe,
  parseRetryAfter,
  waitFor,
  WaitFailedError,
  WaitTimeoutError,
  unwrapDefaultValue,
} from "../../../src/client";

function fakeClock() {
  let now = 0;
  const sleeps: number[] = [];
  return { now: () => now, sleep: async (ms: number) => void (sleeps.push(ms), (now += ms)), sleeps };
}

describe("waitFor", () => {
  it("resolves on done and reports progress for pending polls", async () => {
    const clock = fakeClock();
    const states = ["CREATING", "CREATING", "RUNNING"];
    const seen: string[] = [];
    const s = await waitFor({ poll: async () => states.shift() as string, check: (x) => (x === "RUNNING" ? "done" : "pending"), timeoutMs: 60_000, intervalMs: 1000, onProgress: (x) => seen.push(x), ...clock });
    expect(s).toBe("RUNNING");
    expect(seen).toEqual(["CREATING", "CREATING"]);
    expect(clock.sleeps).toEqual([1000, 2000]);
  });

  it("throws WaitTimeoutError with the last state when the deadline passes, never success", async () => {
    const clock = fakeClock();
    let polls = 0;
    const err = await waitFor({ poll: async () => ({ status: "MODIFYING", n: ++polls }), check: () => "pending", timeoutMs: 10_000, intervalMs: 1000, maxIntervalMs: 4000, description: "cluster in01-x to reach RUNNING", ...clock }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WaitTimeoutError);
    const t = err as WaitTimeoutError;
    expect(t.kind).toBe("wait_timeout");
    expect(t.lastState).toEqual({ status: "MODIFYING", n: polls });
    expect(t.message).toContain("cluster in01-x to reach RUNNING did not finish within 10000 ms");
    expect(clock.sleeps).toEqual([1000, 2000, 4000, 3000]); // capped at 4 s, last sleep trimmed to the deadline
  });

  it("throws WaitFailedError on a failed verdict", async () => {
    const clock = fakeClock();
    const err = await waitFor({ poll: async () => ({ state: "Failed", reason: "file not found" }), check: (s) => (s.state === "Failed" ? { failed: s.reason } : "pending"), timeoutMs: 1000, description: "import job-1", ...clock }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WaitFailedError);
    expect((err as WaitFailedError).message).toContain("import job-1 failed: file not found");
    expect((err as WaitFailedError).lastState).toEqual({ state: "Failed", reason: "file not found" });
  });

  it("propagates a poll error", async () => {
    await expect(waitFor({ poll: async () => { throw new Error("boom"); }, check: () => "done", timeoutMs: 1000 })).rejects.toThrow("boom");
  });
});

describe("paginate", () => {
  it("stops on an empty page and never reads only the first page", async () => {
    const pages = [[1, 2], [3, 4], []];
    const asked: number[] = [];
    const all = await collect(paginate(async (p) => (asked.push(p), { items: pages[p - 1] ?? [] }), 2));
    expect(all).toEqual([1, 2, 3, 4]);
    expect(asked).toEqual([1, 2, 3]);
  });
});

describe("safe JSON", () => {
  it("keeps unsafe integers as strings and leaves everything else alone", () => {
    const v = parseJsonSafe('{"a":454123456789012345,"b":12,"c":"454123456789012345","d":-9223372036854775807,"e":1.5e300,"f":"x\\"1234567890123456789"}') as Record<string, unknown>;
    expect(v).toEqual({ a: "454123456789012345", b: 12, c: "454123456789012345", d: "-9223372036854775807", e: 1.5e300, f: 'x"1234567890123456789' });
  });
});

describe("backoff", () => {
  it("doubles to the cap with bounded jitter", () => {
    expect([0, 1, 2, 3, 4, 5].map((a) => backoffDelay(a, () => 0.5))).toEqual([500, 1000, 2000, 4000, 8000, 10000]);
    expect(backoffDelay(0, () => 0)).toBe(400);
    expect(backoffDelay(0, () => 1)).toBe(600);
  });
  it("parses Retry-After seconds and dates, capped at 60 s", () => {
    expect(parseRetryAfter("2")).toBe(2000);
    expect(parseRetryAfter("3600")).toBe(60_000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 5_000)).toBe(5_000);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
});

describe("normalisation", () => {
  it("cluster suspend states", () => {
    expect(["STOPPING", "STOPPED", "SUSPENDING", "SUSPENDED", "RUNNING"].map(normalizeClusterStatus)).toEqual(["SUSPENDING", "SUSPENDED", "SUSPENDING", "SUSPENDED", "RUNNING"]);
  });
  it("import states", () => {
    expect(["InProgress", "Importing", "ImportRunning", "ImportCompleted", "ImportFailed", "Pending"].map(normalizeImportState)).toEqual(["Importing", "Importing", "Importing", "Completed", "Failed", "Pending"]);
  });
  it("type params: strings in any order equal the user's typed values", () => {
    expect(canonicalTypeParams([{ key: "enable_analyzer", value: "true" }, { key: "max_length", value: "256" }])).toEqual(canonicalTypeParams({ max_length: 256, enable_analyzer: true }));
    expect(Object.keys(canonicalTypeParams({ b: "1", a: "2" }))).toEqual(["a", "b"]);
    expect(canonicalTypeParams({ analyzer_params: { type: "english", b: 1 } })).toEqual({ analyzer_params: '{"b":1,"type":"english"}' });
  });
  it("default values unwrap from the protobuf oneof", () => {
    expect(unwrapDefaultValue({ Data: { LongData: 42 } })).toBe(42);
    expect(unwrapDefaultValue({ Data: { StringData: "123" } })).toBe("123");
    expect(unwrapDefaultValue({ Data: { BoolData: true } })).toBe(true);
    expect(unwrapDefaultValue({ Data: { LongData: "9223372036854775807" } })).toBe("9223372036854775807");
  });
  it("a described field equals the canonical user field", () => {
    const described = canonicalFieldFromDescribe({ name: "n", id: 102, type: "Int64", primaryKey: false, partitionKey: false, clusteringKey: false, autoId: false, nullable: true, description: "", defaultValue: { Data: { LongData: 42 } } });
    expect(described).toEqual(canonicalFieldFromInput({ fieldName: "n", dataType: "Int64", nullable: true, defaultValue: 42 }));
    const vec = canonicalFieldFromDescribe({ name: "tags", type: "Array", elementType: "Int64", params: [{ key: "max_capacity", value: "16" }] });
    expect(vec).toEqual(canonicalFieldFromInput({ fieldName: "tags", dataType: "Array", elementDataType: "Int64", elementTypeParams: { max_capacity: 16 } }));
  });
  it("an index describe (params as JSON text) equals the canonical user index", () => {
    const d = canonicalIndexFromDescribe({ indexName: "v", fieldName: "v", indexType: "HNSW", metricType: "L2", indexParams: [{ key: "index_type", value: "HNSW" }, { key: "metric_type", value: "L2" }, { key: "params", value: '{"M":16,"efConstruction":200}' }] });
    expect(d).toEqual(canonicalIndexFromInput({ fieldName: "v", metricType: "L2", indexType: "HNSW", params: { efConstruction: "200", M: 16 } }));
    const withMmap = canonicalIndexFromDescribe({ indexName: "v", fieldName: "v", indexType: "AUTOINDEX", metricType: "COSINE", indexParams: [{ key: "index_type", value: "AUTOINDEX" }, { key: "metric_type", value: "COSINE" }, { key: "mmap.enabled", value: "true" }] });
    expect(withMmap).toMatchObject({ params: {}, properties: { "mmap.enabled": "true" } });
  });
});
