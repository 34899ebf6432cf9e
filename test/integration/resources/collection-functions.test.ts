/** Collection schema functions (BM25 full text) through the runtime against a zilliz-local cluster's data plane. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MilvusClient } from "../../../src/client";
import { startTestEmulator, type TestEmulator } from "../../support/emulator";
import { clusterOn, providerFor, refreshNoDiff, up } from "./harness";

let emu: TestEmulator;
let endpoint = "";
let token = "";
beforeAll(async () => {
  emu = await startTestEmulator();
  ({ endpoint, token } = await clusterOn(emu, "functions"));
});
afterAll(async () => emu?.close());

const mc = () => new MilvusClient({ endpoint, token });
const fields = [
  { name: "id", dataType: "Int64", isPrimary: true, autoId: true },
  { name: "text", dataType: "VarChar", maxLength: 1000, typeParams: { enable_analyzer: true } },
  { name: "sparse", dataType: "SparseFloatVector" },
];
const bm25 = { name: "text_bm25", type: "BM25", inputFieldNames: ["text"], outputFieldNames: ["sparse"] };
const coll = (over: Record<string, unknown> = {}, schema: Record<string, unknown> = {}) => ({ endpoint, token, collectionName: "articles", schema: { fields, functions: [bm25], ...schema }, ...over });

describe("Collection functions: checks at preview", () => {
  const failures = async (inputs: Record<string, unknown>) => {
    const { p } = providerFor("Collection", emu);
    return ((await p.check({}, inputs)).failures ?? []).map((f) => `${f.property}: ${f.reason}`);
  };

  it("accepts a BM25 function from an analyzed VarChar field to a SparseFloatVector field", async () => {
    expect(await failures(coll())).toEqual([]);
  });

  it("refuses a missing input field, a non-VarChar input, a VarChar without analyzer and a non-sparse output", async () => {
    expect(await failures(coll({}, { functions: [{ ...bm25, inputFieldNames: ["body"] }] }))).toEqual([expect.stringMatching(/schema\.functions\[0\]\.inputFieldNames\[0\].*no field "body"/)]);
    expect(await failures(coll({}, { functions: [{ ...bm25, inputFieldNames: ["id"] }] }))).toEqual([expect.stringMatching(/reads a VarChar field; "id" is Int64/)]);
    const plain = [fields[0], { name: "text", dataType: "VarChar", maxLength: 1000 }, fields[2]];
    expect(await failures(coll({}, { fields: plain }))).toEqual([expect.stringMatching(/needs an analyzer on "text".*enable_analyzer/)]);
    const dense = [fields[0], fields[1], { name: "sparse", dataType: "FloatVector", dim: 4 }];
    expect(await failures(coll({}, { fields: dense }))).toEqual([expect.stringMatching(/writes a SparseFloatVector field; "sparse" is FloatVector/)]);
  });

  it("refuses duplicate function names, a second function on the same output, an unknown type, and apiVersion v1", async () => {
    const twice = await failures(coll({}, { functions: [bm25, bm25] }));
    expect(twice).toEqual(expect.arrayContaining([expect.stringMatching(/duplicate function name "text_bm25"/), expect.stringMatching(/already the output of another function/)]));
    expect((await failures(coll({}, { functions: [{ ...bm25, type: "TextEmbedding" }] }))).join("\n")).toMatch(/schema\.functions\[0\]\.type/);
    const v1 = await failures({ ...coll({ apiVersion: "v1" }) });
    expect(v1).toContainEqual(expect.stringMatching(/^schema\.functions: functions need apiVersion v2/));
  });
});

describe("Collection functions: lifecycle", () => {
  let id = "";
  let outs: Record<string, unknown> = {};

  it("creates the collection with its function: describe has type 1 (BM25) and the output field marked", async () => {
    const { p } = providerFor("Collection", emu);
    ({ id, outs } = await up(p, coll()));
    const d = await mc().collections.describe({ collectionName: "articles" });
    expect(d.functions).toEqual([expect.objectContaining({ name: "text_bm25", type: 1, inputFieldNames: ["text"], outputFieldNames: ["sparse"] })]);
    expect(d.fields.find((f) => f.name === "sparse")?.isFunctionOutput).toBe(true);
    expect((outs.schema as { functions: unknown[] }).functions).toEqual([bm25]);
  });

  it("refresh reads the function back with no diff", async () => {
    const { p } = providerFor("Collection", emu);
    const r = await refreshNoDiff(p, id, outs, coll());
    expect((r.inputs as { schema: { functions: unknown[] } }).schema.functions).toEqual([bm25]);
  });

  it("a changed or removed function replaces the collection; appending a nullable field still updates in place", async () => {
    const { p } = providerFor("Collection", emu);
    expect(await p.diff!(id, outs, coll({}, { functions: [{ ...bm25, name: "bm25" }] }))).toMatchObject({ replaces: ["schema"] });
    expect(await p.diff!(id, outs, coll({}, { functions: undefined }))).toMatchObject({ replaces: ["schema"] });
    const more = coll({}, { fields: [...fields, { name: "note", dataType: "VarChar", maxLength: 16, nullable: true }] });
    expect(await p.diff!(id, outs, more)).toMatchObject({ changes: true, replaces: [] });
  });

  it("an index SPARSE_INVERTED_INDEX with metric BM25 on the output field builds, refreshes with no diff, and loads the collection", async () => {
    const { p } = providerFor("CollectionIndex", emu);
    const inputs = { endpoint, token, collectionName: "articles", fieldName: "sparse", indexType: "SPARSE_INVERTED_INDEX", metricType: "BM25", params: { inverted_index_algo: "DAAT_MAXSCORE" } };
    const made = await up(p, inputs);
    expect(made.outs).toMatchObject({ indexState: "Finished" });
    await refreshNoDiff(p, made.id, made.outs, inputs);
    const c = providerFor("Collection", emu).p;
    const loaded = await c.update!(id, outs, coll({ loaded: true }));
    expect((loaded.outs as Record<string, unknown>).loadState).toBe("Loaded");
  });

  it("adopting the collection with a different function is refused naming schema.functions", async () => {
    const { p } = providerFor("Collection", emu);
    const err = await p.create((await p.check({}, coll({ adopt: true }, { functions: [{ ...bm25, name: "other" }] }))).inputs!).then(() => undefined, (e: Error) => e);
    expect(err?.message).toMatch(/schema\.functions/);
  });
});

describe("Collection analyzer settings (object-valued type params)", () => {
  it("analyzer_params is sent as compact sorted JSON, read back as the server's string, with no diff", async () => {
    const { p } = providerFor("Collection", emu);
    const analyzed = [
      fields[0],
      { name: "text", dataType: "VarChar", maxLength: 1000, typeParams: { enable_analyzer: true, enable_match: true, analyzer_params: { type: "english", stop_words: ["a", "the"] } } },
      fields[2],
    ];
    const inputs = { endpoint, token, collectionName: "english", schema: { fields: analyzed, functions: [bm25] } };
    const made = await up(p, inputs);
    const text = (await mc().collections.describe({ collectionName: "english" })).fields.find((f) => f.name === "text");
    expect(text?.params).toEqual(expect.arrayContaining([{ key: "analyzer_params", value: '{"stop_words":["a","the"],"type":"english"}' }, { key: "enable_match", value: "true" }]));
    await refreshNoDiff(p, made.id, made.outs, inputs);
    // A changed analyzer is a schema change: it replaces the collection.
    const other = { ...inputs, schema: { fields: [fields[0], { ...analyzed[1], typeParams: { enable_analyzer: true, analyzer_params: { type: "standard" } } }, fields[2]], functions: [bm25] } };
    expect(await p.diff!(made.id, made.outs, other)).toMatchObject({ replaces: ["schema"] });
  });
});
