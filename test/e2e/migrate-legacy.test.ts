/**
 * examples/migrate-legacy as a user runs it (a local program through pulumi-language-nodejs) against
 * zilliz-local: adopt a populated 0.x collection next to a new Zilliz Cloud collection, export the old
 * vectors with export-legacy.js and import them, then retire both sides, checking each system over raw REST.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestEmulator, type TestEmulator } from "../support/emulator";
import { localStack, repoRoot, type TestStack } from "../support/pulumi";

const example = path.join(repoRoot, "examples", "migrate-legacy");

describe("examples/migrate-legacy against zilliz-local", () => {
  let emu: TestEmulator;
  let test: TestStack | undefined;

  async function legacy(method: string, p: string, body?: unknown): Promise<{ status: number; body: any }> {
    const res = await fetch(`${emu.legacyUrl}${p}`, { method, headers: body === undefined ? undefined : { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text === "" ? undefined : JSON.parse(text) };
  }

  beforeAll(async () => {
    emu = await startTestEmulator();
    // The old server as an operator finds it: a populated collection with an IVFSQ8 index and a partition.
    expect((await legacy("POST", "/collections", { collection_name: "books", dimension: 8, index_file_size: 1024, metric_type: "L2" })).status).toBe(201);
    expect((await legacy("POST", "/collections/books/indexes", { index_type: "IVFSQ8", params: { nlist: 1024 } })).status).toBe(201);
    expect((await legacy("POST", "/collections/books/partitions", { partition_tag: "2019" })).status).toBe(201);
    const vec = (i: number) => Array.from({ length: 8 }, (_, d) => (i + 1) * 0.1 + d * 0.01);
    expect((await legacy("POST", "/collections/books/vectors", { vectors: [0, 1, 2, 3, 4].map(vec) })).status).toBe(201);
    expect((await legacy("POST", "/collections/books/vectors", { partition_tag: "2019", vectors: [5, 6, 7].map(vec) })).status).toBe(201);
    test = await localStack({
      workDir: example,
      stackName: "e2e-migrate-legacy",
      config: {
        "zilliz:legacyEndpoint": { value: emu.legacyUrl! },
        "zilliz:cloudApiUrl": { value: emu.url },
        "zilliz:apiKey": { value: emu.apiKey, secret: true },
      },
    });
  });
  afterAll(async () => {
    await test?.cleanup();
    await emu?.close();
  });

  it("step 2: adopts the old collection and index unchanged, and creates the new side", async () => {
    const before = (await legacy("GET", "/collections/books")).body;
    const up = await test!.stack.up();
    expect(up.summary.result).toBe("succeeded");
    expect(up.outputs.legacyCollection.value).toBe("books");
    expect(up.outputs.legacyIndexType.value).toBe("IVFSQ8");
    expect(up.outputs.collection.value).toBe("default/books");
    expect(up.outputs.copiedRows.value).toBe(0);
    expect((await legacy("GET", "/collections/books")).body).toEqual(before);
    await test!.stack.preview({ expectNoChanges: true });
  });

  it("step 3: export-legacy.js writes every old vector; the ImportJob loads them into the new collection", async () => {
    const rowsFile = path.join(test!.stateDir, "..", "books-rows.json");
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(example, "export-legacy.js"), "books", rowsFile], {
      cwd: example,
      env: { ...process.env, MILVUS_LEGACY_ENDPOINT: emu.legacyUrl! },
    });
    expect(stdout).toMatch(/8 rows of books written/);
    const rows = JSON.parse(readFileSync(rowsFile, "utf8")).rows as Array<{ legacy_id: string; partition_tag: string; vector: number[] }>;
    expect(rows.filter((r) => r.partition_tag === "2019")).toHaveLength(3);
    expect(rows.every((r) => /^\d+$/.test(r.legacy_id) && r.vector.length === 8)).toBe(true);
    await test!.stack.setConfig("migrate:rowsFile", { value: rowsFile });
    const up = await test!.stack.up();
    expect(up.summary.resourceChanges).toMatchObject({ create: 1 });
    expect(up.outputs.copiedRows.value).toBe(8);
    await test!.stack.refresh({ expectNoChanges: true });
  });

  // The engine stops at the first refusal (either collection: both hold rows); the legacy refusal itself is in
  // test/integration/resources/legacy-resources.test.ts.
  it("step 5: both collections hold data, so destroy is refused until allowDataLoss; then nothing is left", async () => {
    await expect(test!.stack.destroy()).rejects.toThrow(/refusing to drop (legacy )?collection "books"/);
    expect((await legacy("GET", "/collections/books")).status).toBe(200);
    // destroy reads the provider config stored at the last up unless it runs the program, so the flag set
    // for this run needs --run-program (or an `up` after setting it).
    await test!.stack.setConfig("zilliz:allowDataLoss", { value: "true" });
    const destroy = await test!.stack.destroy({ runProgram: true });
    expect(destroy.summary.result).toBe("succeeded");
    expect((await legacy("GET", "/collections")).body.collections ?? []).toEqual([]);
    const state = JSON.stringify(await emu.control.state());
    expect(state.match(/"status":"RUNNING"/g) ?? []).toEqual([]);
  });
});
