/**
 * Import file formats on the Milvus stand-in, read from the import root: JSON rows, CSV, Parquet (written by
 * pyarrow, see test/fixtures/import/formats/make-fixtures.py) and NumPy units; type mapping to the collection
 * schema; files that do not match the schema fail the job with Milvus's reason.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMilvusStandIn } from "../../../src/emulator/data-plane";
import { send } from "../../conformance/replay";

const importRoot = path.resolve(__dirname, "../../fixtures/import/formats");
let standIn: Awaited<ReturnType<typeof startMilvusStandIn>>;

const post = async (p: string, body: unknown) => (await send(standIn.url, "POST", p, JSON.stringify(body), { Authorization: "Bearer root:Milvus" })).json as { code: number; message?: string; data: any };

/** Creates an import job and waits until it is Completed or Failed. */
async function importAndWait(collectionName: string, files: string[][], options?: Record<string, string>): Promise<any> {
  const created = await post("/v2/vectordb/jobs/import/create", { collectionName, files, ...(options ? { options } : {}) });
  expect(created, JSON.stringify(created)).toMatchObject({ code: 0 });
  for (let i = 0; i < 200; i++) {
    const job = await post("/v2/vectordb/jobs/import/describe", { jobId: created.data.jobId });
    if (job.data.state === "Completed" || job.data.state === "Failed") return job.data;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error("import did not finish");
}

async function rows(collectionName: string, fields: string[]): Promise<unknown[]> {
  const res = await post("/v2/vectordb/entities/query", { collectionName, filter: "id > 0", outputFields: fields, limit: 100 });
  expect(res.code, JSON.stringify(res)).toBe(0);
  return (res.data as Record<string, unknown>[]).sort((a, b) => Number(a.id) - Number(b.id));
}

async function books(name: string): Promise<void> {
  const res = await post("/v2/vectordb/collections/create", {
    collectionName: name,
    schema: { fields: [
      { fieldName: "id", dataType: "Int64", isPrimary: true },
      { fieldName: "title", dataType: "VarChar", elementTypeParams: { max_length: 64 } },
      { fieldName: "v", dataType: "FloatVector", elementTypeParams: { dim: 4 } },
    ] },
    indexParams: [{ fieldName: "v", indexName: "v", metricType: "L2", indexType: "AUTOINDEX" }],
  });
  expect(res.code, JSON.stringify(res)).toBe(0);
}

beforeAll(async () => {
  standIn = await startMilvusStandIn({ importRoot });
});
afterAll(async () => standIn?.close());

describe("import formats", () => {
  it("reads a Parquet file written by pyarrow into the schema's types", async () => {
    await books("pq");
    const job = await importAndWait("pq", [["books.parquet"]]);
    expect(job).toMatchObject({ state: "Completed", importedRows: 3, progress: 100 });
    const got = await rows("pq", ["id", "title", "v"]);
    expect(got.map((r: any) => [r.id, r.title])).toEqual([[11, "Middlemarch"], [12, "Beloved"], [13, "Solaris"]]);
    // float32 values come back with the shortest digits, as Milvus prints them.
    expect((got[2] as any).v).toEqual([0.9, 1, 1.1, 1.2]);
  });

  it("maps Parquet scalars, JSON text, arrays and nulls to Bool, Int16, Double, JSON, Array and nullable fields", async () => {
    const created = await post("/v2/vectordb/collections/create", {
      collectionName: "typed",
      schema: { fields: [
        { fieldName: "id", dataType: "Int64", isPrimary: true },
        { fieldName: "flag", dataType: "Bool" },
        { fieldName: "small", dataType: "Int16" },
        { fieldName: "score", dataType: "Double" },
        { fieldName: "meta", dataType: "JSON" },
        { fieldName: "nums", dataType: "Array", elementDataType: "Int32", elementTypeParams: { max_capacity: 8 } },
        { fieldName: "note", dataType: "VarChar", nullable: true, elementTypeParams: { max_length: 16 } },
        { fieldName: "v", dataType: "FloatVector", elementTypeParams: { dim: 2 } },
      ] },
      indexParams: [{ fieldName: "v", indexName: "v", metricType: "L2", indexType: "AUTOINDEX" }],
    });
    expect(created.code, JSON.stringify(created)).toBe(0);
    const job = await importAndWait("typed", [["typed.parquet"]]);
    expect(job, job.reason).toMatchObject({ state: "Completed", importedRows: 2 });
    const got = await rows("typed", ["id", "flag", "small", "score", "meta", "nums", "note"]);
    expect(got).toEqual([
      { id: 1, flag: true, small: 7, score: 1.5, meta: { pages: 412 }, nums: [1, 2, 3], note: "kept" },
      { id: 2, flag: false, small: -3, score: 2.25, meta: { pages: 98, tags: ["x"] }, nums: [], note: null },
    ]);
  });

  it("fails a Parquet file that lacks a field or has the wrong type, with Milvus's reason", async () => {
    await books("pqbad");
    const missing = await importAndWait("pqbad", [["books-missing-field.parquet"]]);
    expect(missing).toMatchObject({ state: "Failed", progress: 0, importedRows: 0 });
    expect(missing.reason).toBe("schema not equal, err=field 'v' not in arrow schema: importing data failed: importing data failed");
    const wrong = await importAndWait("pqbad", [["books-wrong-type.parquet"]]);
    expect(wrong.reason).toBe(
      "schema not equal, err=field 'id' type mis-match, milvus data type 'Int64', arrow data type get 'utf8': importing data failed: importing data failed",
    );
    expect(await rows("pqbad", ["id"])).toEqual([]);
  });

  it("reads CSV with a header, quoted cells and vectors as JSON arrays; a missing column fails the job", async () => {
    await books("csv");
    const job = await importAndWait("csv", [["books.csv"]]);
    expect(job).toMatchObject({ state: "Completed", importedRows: 2 });
    expect(await rows("csv", ["id", "title", "v"])).toEqual([
      { id: 51, title: "Pale Fire", v: [0.1, 0.2, 0.3, 0.4] },
      { id: 52, title: "The Trial, a novel", v: [0.5, 0.6, 0.7, 0.8] },
    ]);
    const bad = await importAndWait("csv", [["books-missing-field.csv"]]);
    expect(bad).toMatchObject({ state: "Failed", reason: "value of field is missed: 'v': importing data failed" });
  });

  it("reads a NumPy unit (one .npy per field) and checks the vector dimension", async () => {
    await books("npy");
    const job = await importAndWait("npy", [["npy/id.npy", "npy/title.npy", "npy/v.npy"]]);
    expect(job, job.reason).toMatchObject({ state: "Completed", importedRows: 2 });
    expect(await rows("npy", ["id", "title", "v"])).toEqual([
      { id: 41, title: "Walden", v: [1, 0, 0, 0] },
      { id: 42, title: "Kim", v: [0, 1, 0, 0] },
    ]);
    const dim = await importAndWait("npy", [["npy/id.npy", "npy/title.npy", "npy-dim3/v.npy"]]);
    expect(dim).toMatchObject({ state: "Failed", reason: "illegal dimension of numpy file for field 'v': expect 4, but got 3: importing data failed" });
    const lacking = await importAndWait("npy", [["npy/id.npy", "npy/title.npy"]]);
    expect(lacking.reason).toBe("no file for field: v, files: [npy/id.npy npy/title.npy]: importing data failed");
  });

  it("fails a restored job that was still reading its files when the state was saved", async () => {
    await books("snap");
    const job = await importAndWait("snap", [["books.parquet"]]);
    const saved = JSON.parse(JSON.stringify(standIn.dataPlane.snapshot())) as { imports: Record<string, Record<string, unknown>> };
    // A snapshot taken mid-read: the job is marked reading, nothing read yet.
    Object.assign(saved.imports[job.jobId]!, { reading: true, completed: false, completeTime: "", rows: [], fileSize: 0 });
    standIn.dataPlane.restore(saved);
    const after = (await post("/v2/vectordb/jobs/import/describe", { jobId: job.jobId })).data;
    expect(after).toMatchObject({ state: "Failed", reason: "the import was interrupted (zilliz-local restarted while reading its files)" });
  });

  it("refuses a unit of several non-NumPy files and an unknown extension at create", async () => {
    await books("units");
    const several = await post("/v2/vectordb/jobs/import/create", { collectionName: "units", files: [["books.csv", "books.parquet"]] });
    expect(several).toEqual({ code: 2100, message: "for JSON or parquet file, each task only accepts one file, but got 2 files: importing data failed" });
    const unknown = await post("/v2/vectordb/jobs/import/create", { collectionName: "units", files: [["rows.txt"]] });
    expect(unknown).toEqual({ code: 2100, message: "unexpected file type, files=[rows.txt]: importing data failed" });
  });
});
