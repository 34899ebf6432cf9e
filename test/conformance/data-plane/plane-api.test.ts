/**
 * Conformance of what the fixtures cannot express: authentication, raw JSON text (sorted keys, int64 digits),
 * import job details with dynamic IDs, the timed transitions and the programmatic API the core uses.
 */
import path from "node:path";
import type { Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { createDataPlane, DataPlaneError, type DataPlane } from "../../../src/emulator/data-plane";
import type { TransitionKind, TransitionMode } from "../../../src/emulator/transition-mode";
import { listen, send } from "../replay";

const importRoot = path.resolve(__dirname, "../../fixtures/import");
let server: Server | undefined;
afterEach(() => server?.close());

async function start(modes: Partial<Record<TransitionKind, TransitionMode>> = {}): Promise<{ url: string; plane: DataPlane; changes: () => number }> {
  let changes = 0;
  const plane = createDataPlane({
    authenticate: (token) => token === "root:Milvus",
    transitionMode: (kind) => modes[kind] ?? { kind: "immediate" },
    onChange: () => void changes++,
    importRoot,
  } as Parameters<typeof createDataPlane>[0]);
  const started = await listen(plane.handle);
  server = started.server;
  return { url: started.url, plane, changes: () => changes };
}

const auth = { Authorization: "Bearer root:Milvus" };
const post = (url: string, p: string, body: unknown) => send(url, "POST", p, JSON.stringify(body), auth);

async function books(url: string): Promise<void> {
  const created = await post(url, "/v2/vectordb/collections/create", {
    collectionName: "books",
    schema: { fields: [
      { fieldName: "id", dataType: "Int64", isPrimary: true },
      { fieldName: "title", dataType: "VarChar", elementTypeParams: { max_length: 64 } },
      { fieldName: "v", dataType: "FloatVector", elementTypeParams: { dim: 4 } },
    ] },
  });
  expect(created.json).toEqual({ code: 0, data: {} });
}

describe("data plane HTTP details", () => {
  it("rejects missing or wrong credentials with 401 code 1800, even on unknown paths", async () => {
    const { url } = await start();
    for (const headers of [{}, { Authorization: "Bearer root:wrong" }] as Record<string, string>[]) {
      const res = await send(url, "POST", "/v2/vectordb/collections/list", "{}", headers);
      expect(res.status).toBe(401);
      expect(res.json).toEqual({ code: 1800, message: "user hasn't authenticated" });
    }
    expect((await send(url, "POST", "/v2/unknown", "{}", {})).status).toBe(401);
    const basic = await send(url, "POST", "/v2/vectordb/collections/list", "{}", { Authorization: `Basic ${Buffer.from("root:Milvus").toString("base64")}` });
    expect(basic.json).toEqual({ code: 0, data: [] });
    const options = await send(url, "OPTIONS", "/v2/vectordb/collections/list", undefined, {});
    expect(options.status).toBe(204);
    expect(options.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("writes sorted keys, HTML-escaped strings and int64 IDs as bare digits", async () => {
    const { url } = await start();
    await post(url, "/v2/vectordb/collections/create", { collectionName: "c", dimension: 4, description: "<a&b>" });
    const res = await post(url, "/v2/vectordb/collections/describe", { collectionName: "c" });
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const id = /"collectionID":(\d+),/.exec(res.text)?.[1];
    expect(id).toBeDefined();
    expect(BigInt(id!)).toBeGreaterThan(2n ** 53n);
    expect(res.text.startsWith('{"code":0,"data":{"aliases":[],"autoId":false,"collectionID":')).toBe(true);
    const err = await post(url, "/v2/vectordb/collections/describe", { collectionName: "<x>" });
    expect(err.text).toBe('{"code":100,"message":"can\'t find collection[database=default][collection=\\u003cx\\u003e]"}');
  });

  it("describes import jobs, fails them with reasons, and counts imported rows", async () => {
    const { url } = await start();
    await books(url);
    const ok = await post(url, "/v2/vectordb/jobs/import/create", { collectionName: "books", files: [["rows-object.json"]] });
    const jobId = (ok.json as { data: { jobId: string } }).data.jobId;
    expect(ok.text).toBe(`{"code":0,"data":{"jobId":"${jobId}"}}`);
    const described = await post(url, "/v2/vectordb/jobs/import/describe", { jobId });
    const size = (await import("node:fs")).statSync(path.join(importRoot, "rows-object.json")).size;
    expect(described.json).toEqual({ code: 0, data: {
      collectionName: "books", completeTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/), fileSize: size, importedRows: 3, jobId,
      progress: 100, state: "Completed", totalRows: 3,
      details: [{ completeTime: expect.any(String), fileName: "[rows-object.json]", fileSize: size, importedRows: 3, progress: 100, state: "Completed", totalRows: 3 }],
    } });
    const cases: [string, RegExp][] = [
      ["missing.json", /^failed to get file size of missing\.json: the object does not exist$/],
      ["rows-bad-schema.json", /^failed to parse row 0 of rows-bad-schema\.json: vector length diff from dimension$/],
      ["not-rows.json", /expected \{"rows":\[\.\.\.\]\} or an array of rows/],
      ["s3://bucket/a.json", /^failed to get file size of s3:\/\/bucket\/a\.json: the object does not exist$/],
      ["../outside.json", /points outside the import root/],
      ["data.csv", /^failed to get file size of data\.csv: the object does not exist$/],
    ];
    for (const [file, reason] of cases) {
      const created = await post(url, "/v2/vectordb/jobs/import/create", { collectionName: "books", files: [[file]] });
      const id = (created.json as { data: { jobId: string } }).data.jobId;
      const job = (await post(url, "/v2/vectordb/jobs/import/get_progress", { jobId: id })).json as { data: Record<string, unknown> };
      expect(job.data.state, file).toBe("Failed");
      expect(job.data.progress).toBe(0);
      expect(job.data.reason).toMatch(reason);
    }
    const remote = await post(url, "/v2/vectordb/jobs/import/create", { collectionName: "books", files: [["s3://my-bucket/books/part-1.json"], ["https://my-bucket/books/part-1.json"]] });
    const remoteJob = (await post(url, "/v2/vectordb/jobs/import/describe", { jobId: (remote.json as { data: { jobId: string } }).data.jobId })).json;
    expect(remoteJob).toMatchObject({ code: 0, data: { state: "Completed", importedRows: 4, details: [{ fileName: "[s3://my-bucket/books/part-1.json https://my-bucket/books/part-1.json]" }] } });
    const stats = await post(url, "/v2/vectordb/collections/get_stats", { collectionName: "books" });
    expect(stats.json).toEqual({ code: 0, data: { rowCount: 7 } });
  });

  it("moves load and imports through their states on a timer", async () => {
    const { url, plane } = await start({ load: { kind: "time", ms: 300 }, import: { kind: "time", ms: 300 } });
    await post(url, "/v2/vectordb/collections/create", { collectionName: "q", dimension: 4 });
    const loading = (await post(url, "/v2/vectordb/collections/get_load_state", { collectionName: "q" })).json as { data: { loadState: string; loadProgress: number } };
    expect(loading.data.loadState).toBe("LoadStateLoading");
    expect(loading.data.loadProgress).toBeLessThan(100);
    await books(url);
    const { jobId } = plane.startImport({ collectionName: "books", objectUrls: [`file://${importRoot}/rows-array.json`] });
    expect(plane.importJob(jobId)).toMatchObject({ state: "Pending", importedRows: 0 });
    await new Promise((r) => setTimeout(r, 350));
    expect((await post(url, "/v2/vectordb/collections/get_load_state", { collectionName: "q" })).json).toEqual({ code: 0, message: "", data: { loadProgress: 100, loadState: "LoadStateLoaded" } });
    expect(plane.importJob(jobId)).toMatchObject({ jobId, collectionName: "books", state: "Completed", progress: 100, importedRows: 2, totalRows: 2, reason: "", fileName: `[file://${importRoot}/rows-array.json]` });
    expect(plane.importJob("42")).toBeUndefined();
  });

  it("throws DataPlaneError from startImport and survives snapshot/restore/reset", async () => {
    const { url, plane, changes } = await start();
    expect(() => plane.startImport({ collectionName: "nope", objectUrls: ["a.json"] })).toThrow(DataPlaneError);
    try {
      plane.startImport({ collectionName: "nope", objectUrls: ["a.json"] });
    } catch (error) {
      expect((error as DataPlaneError).code).toBe(100);
    }
    await post(url, "/v2/vectordb/collections/create", { collectionName: "keep", dimension: 4 });
    expect(changes()).toBeGreaterThan(0);
    const saved = JSON.parse(JSON.stringify(plane.snapshot())) as unknown;
    plane.reset();
    expect((await post(url, "/v2/vectordb/collections/list", {})).json).toEqual({ code: 0, data: [] });
    plane.restore(saved);
    expect((await post(url, "/v2/vectordb/collections/list", {})).json).toEqual({ code: 0, data: ["keep"] });
  });
});
