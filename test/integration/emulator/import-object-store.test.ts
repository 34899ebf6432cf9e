/**
 * Imports from a real S3-compatible server (moto in server mode, signature checking on): the Milvus stand-in
 * reads bare keys from its own bucket and s3:// / path-style https:// URLs; the control plane reads the user's
 * bucket with the request's keys. Wrong keys, a missing bucket and a missing object answer as the services do.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../../src/emulator";
import { startMilvusStandIn } from "../../../src/emulator/data-plane";
import { send } from "../../conformance/replay";
import { request } from "../../unit/emulator/http";
import { startMoto, type RunningMoto } from "../../support/moto";

const formats = path.resolve(__dirname, "../../fixtures/import/formats");
const fixture = (name: string) => readFileSync(path.join(formats, name));
let moto: RunningMoto;

const BOOKS_SCHEMA = {
  fields: [
    { fieldName: "id", dataType: "Int64", isPrimary: true },
    { fieldName: "title", dataType: "VarChar", elementTypeParams: { max_length: 64 } },
    { fieldName: "v", dataType: "FloatVector", elementTypeParams: { dim: 4 } },
  ],
};
const INDEX = [{ fieldName: "v", indexName: "v", metricType: "L2", indexType: "AUTOINDEX" }];

beforeAll(async () => {
  moto = await startMoto();
  moto.put("milvus-bucket", { "books.parquet": fixture("books.parquet"), "books.csv": fixture("books.csv"), "npy/id.npy": fixture("npy/id.npy"), "npy/title.npy": fixture("npy/title.npy"), "npy/v.npy": fixture("npy/v.npy") });
  moto.put("user-bucket", {
    "in/books.parquet": fixture("books.parquet"), "in/books.csv": fixture("books.csv"), "in/bad.parquet": fixture("books-missing-field.parquet"),
    "numpy/id.npy": fixture("npy/id.npy"), "numpy/title.npy": fixture("npy/title.npy"), "numpy/v.npy": fixture("npy/v.npy"),
    "mixed/books.parquet": fixture("books.parquet"), "mixed/books.csv": fixture("books.csv"), "mixed/readme.txt": "not imported",
    "empty/readme.txt": "nothing to import here",
  });
});
afterAll(async () => moto?.stop());

describe("Milvus stand-in reading its bucket", () => {
  let standIn: Awaited<ReturnType<typeof startMilvusStandIn>>;
  const post = async (p: string, body: unknown) => (await send(standIn.url, "POST", p, JSON.stringify(body), { Authorization: "Bearer root:Milvus" })).json as { code: number; message?: string; data: any };
  const finished = async (jobId: string) => {
    for (let i = 0; i < 300; i++) {
      const job = (await post("/v2/vectordb/jobs/import/describe", { jobId })).data;
      if (job.state === "Completed" || job.state === "Failed") return job;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`job ${jobId} did not finish`);
  };
  const importFiles = async (files: string[][]) => finished((await post("/v2/vectordb/jobs/import/create", { collectionName: "books", files })).data.jobId);

  beforeAll(async () => {
    standIn = await startMilvusStandIn({
      objectStore: { endpoint: moto.endpoint, bucket: "milvus-bucket", accessKey: moto.reader.accessKey, secretKey: moto.reader.secretKey },
    });
    expect((await post("/v2/vectordb/collections/create", { collectionName: "books", schema: BOOKS_SCHEMA, indexParams: INDEX })).code).toBe(0);
  });
  afterAll(async () => standIn?.close());

  it("imports bare keys (Parquet, CSV, a NumPy unit) from its bucket, and s3:// and path-style https:// URLs", async () => {
    const job = await importFiles([["books.parquet"], ["books.csv"], ["npy/id.npy", "npy/title.npy", "npy/v.npy"]]);
    expect(job, job.reason).toMatchObject({ state: "Completed", importedRows: 7 });
    expect(job.fileSize).toBe(["books.parquet", "books.csv", "npy/id.npy", "npy/title.npy", "npy/v.npy"].reduce((n, f) => n + fixture(f).length, 0));
    const urls = await importFiles([["s3://user-bucket/in/books.csv"], [`${moto.endpoint.replace("http:", "https:")}/user-bucket/in/books.parquet`]]);
    // https:// path-style URLs name the bucket and key; the request goes to the configured endpoint.
    expect(urls, urls.reason).toMatchObject({ state: "Completed", importedRows: 5 });
    const query = await post("/v2/vectordb/entities/query", { collectionName: "books", filter: "id > 0", outputFields: ["id", "title"], limit: 100 });
    expect(query.data.map((r: { id: number }) => r.id).sort()).toEqual([11, 11, 12, 12, 13, 13, 41, 42, 51, 51, 52, 52]);
  });

  it("fails a job on a missing object or bucket with the store's error", async () => {
    const key = await importFiles([["nope/missing.parquet"]]);
    expect(key).toMatchObject({ state: "Failed", progress: 0 });
    expect(key.reason).toBe("failed to get file size of nope/missing.parquet: NoSuchKey: The specified key does not exist.");
    const bucket = await importFiles([["s3://no-such-bucket/a.csv"]]);
    expect(bucket.reason).toBe("failed to get file size of s3://no-such-bucket/a.csv: NoSuchBucket: The specified bucket does not exist");
  });
});

describe("control plane reading the user's bucket with the request's keys", () => {
  let emulator: RunningEmulator;
  let clusterId = "";
  const cp = (p: string, body: unknown) => request(emulator.url, "POST", p, { key: emulator.apiKey, body });
  const progress = async (jobId: string) => {
    for (let i = 0; i < 300; i++) {
      const data = (await cp("/v2/vectordb/jobs/import/getProgress", { clusterId, jobId })).body.data;
      if (data.state === "Completed" || data.state === "Failed") return data;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`job ${jobId} did not finish`);
  };

  beforeAll(async () => {
    emulator = await startEmulator({ legacyPort: false, objectStore: { endpoint: moto.endpoint } });
    const project = (await request(emulator.url, "GET", "/v2/projects", { key: emulator.apiKey })).body.data[0].projectId;
    const created = (await cp("/v2/clusters/createServerless", { clusterName: "imports", projectId: project, regionId: "gcp-us-west1" })).body.data;
    clusterId = created.clusterId;
    const address = (await request(emulator.url, "GET", `/v2/clusters/${clusterId}`, { key: emulator.apiKey })).body.data.connectAddress;
    const made = await request(address, "POST", "/v2/vectordb/collections/create", { key: `${created.username}:${created.password}`, body: { collectionName: "books", schema: BOOKS_SCHEMA, indexParams: INDEX } });
    expect(made.body.code).toBe(0);
  });
  afterAll(async () => emulator?.close());

  it("imports Parquet and CSV objects with the right keys (v2 objectUrls and v1 objectUrl)", async () => {
    const keys = { accessKey: moto.reader.accessKey, secretKey: moto.reader.secretKey };
    const v2 = await cp("/v2/vectordb/jobs/import/create", { clusterId, collectionName: "books", objectUrls: [["s3://user-bucket/in/books.parquet"], ["s3://user-bucket/in/books.csv"]], ...keys });
    expect(v2.body).toMatchObject({ code: 0, data: { jobId: expect.stringMatching(/^job-/) } });
    expect(await progress(v2.body.data.jobId)).toMatchObject({ state: "Completed", progress: 100, totalRows: 5 });
    const v1 = await request(emulator.url, "POST", "/v1/vector/collections/import", { key: emulator.apiKey, body: { clusterId, collectionName: "books", objectUrl: "s3://user-bucket/in/books.csv", ...keys } });
    expect(v1.body).toMatchObject({ code: 200, data: { jobId: expect.stringMatching(/^job-/) } });
    expect(await progress(v1.body.data.jobId)).toMatchObject({ state: "Completed", totalRows: 2 });
  });

  it("answers 83001 when the store refuses the keys: unknown key, wrong secret, no permission, no keys", async () => {
    const url = "s3://user-bucket/in/books.parquet";
    const cases: [Record<string, string>, string][] = [
      [{ accessKey: "AKIAUNKNOWN000000000", secretKey: "x" }, "InvalidAccessKeyId"],
      [{ accessKey: moto.reader.accessKey, secretKey: "wrong-secret" }, "SignatureDoesNotMatch"],
      [{ accessKey: moto.nobody.accessKey, secretKey: moto.nobody.secretKey }, "AccessDenied"],
    ];
    for (const [keys, s3Code] of cases) {
      const res = await cp("/v2/vectordb/jobs/import/create", { clusterId, collectionName: "books", objectUrls: [[url]], ...keys });
      expect(res.body.code, s3Code).toBe(83001);
      expect(res.body.message).toContain(`${url}: ${s3Code}: `);
    }
    const listed = (await cp("/v2/vectordb/jobs/import/list", { clusterId })).body.data;
    expect(listed.count).toBe(2); // only the two accepted jobs of the test before
  });

  it("lists folder URLs: NumPy files become one unit, other files one unit each; a folder with nothing to import answers 90142", async () => {
    const keys = { accessKey: moto.reader.accessKey, secretKey: moto.reader.secretKey };
    const numpy = await cp("/v2/vectordb/jobs/import/create", { clusterId, collectionName: "books", objectUrls: [["s3://user-bucket/numpy/"]], ...keys });
    expect(numpy.body.code, JSON.stringify(numpy.body)).toBe(0);
    expect(await progress(numpy.body.data.jobId)).toMatchObject({ state: "Completed", totalRows: 2, fileName: "s3://user-bucket/numpy/" });
    const mixed = await cp("/v2/vectordb/jobs/import/create", { clusterId, collectionName: "books", objectUrls: [["s3://user-bucket/mixed/"]], ...keys });
    expect(await progress(mixed.body.data.jobId)).toMatchObject({ state: "Completed", totalRows: 5 });
    const empty = await cp("/v2/vectordb/jobs/import/create", { clusterId, collectionName: "books", objectUrls: [["s3://user-bucket/empty/"]], ...keys });
    expect(empty.body).toEqual({ code: 90142, message: "No import content was found at the object URL. (s3://user-bucket/empty/)" });
    const denied = await cp("/v2/vectordb/jobs/import/create", { clusterId, collectionName: "books", objectUrls: [["s3://user-bucket/numpy/"]], accessKey: moto.nobody.accessKey, secretKey: moto.nobody.secretKey });
    expect(denied.body.code).toBe(83001);
    expect(denied.body.message).toContain("(s3://user-bucket/numpy/: AccessDenied: ");
  });

  it("accepts the job and fails it when the object or bucket is missing, or the file does not match the schema", async () => {
    const keys = { accessKey: moto.reader.accessKey, secretKey: moto.reader.secretKey };
    const run = async (url: string) => progress((await cp("/v2/vectordb/jobs/import/create", { clusterId, collectionName: "books", objectUrls: [[url]], ...keys })).body.data.jobId);
    expect(await run("s3://user-bucket/in/missing.csv")).toMatchObject({ state: "Failed", reason: "failed to get file size of s3://user-bucket/in/missing.csv: NoSuchKey: The specified key does not exist." });
    expect(await run("s3://gone-bucket/in/books.csv")).toMatchObject({ state: "Failed", reason: "failed to get file size of s3://gone-bucket/in/books.csv: NoSuchBucket: The specified bucket does not exist" });
    expect(await run("s3://user-bucket/in/bad.parquet")).toMatchObject({ state: "Failed", reason: "schema not equal, err=field 'v' not in arrow schema: importing data failed: importing data failed" });
  });
});
