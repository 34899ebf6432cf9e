/** The legacy 0.x search (`PUT /collections/{name}/vectors {"search":…}`): ranking per metric, shape, checks. */
import { describe, expect, it } from "vitest";
import { LegacyError } from "../../../src/emulator/legacy/errors";
import { distance, formatDistance } from "../../../src/emulator/legacy/metrics";
import { search } from "../../../src/emulator/legacy/search";
import type { LoadedCollection } from "../../../src/emulator/legacy/state";

function collection(metric: string, dimension: number, rows: Record<string, [string, number[]]>, index = "FLAT"): LoadedCollection {
  return {
    collection_name: "c", dimension, index_file_size: 1024, metric_type: metric, index, index_params: {},
    partitions: ["_default", "p"], vectors: rows, segments: [], unflushed: Object.keys(rows),
  };
}

const ids = (out: Record<string, unknown>) => (out.results as { id: string }[][]).map((list) => list.map((r) => r.id));
const distances = (out: Record<string, unknown>) => (out.results as { distance: string }[][]).map((list) => list.map((r) => r.distance));

function refused(run: () => unknown): { code: number; message: string } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(LegacyError);
    return { code: (error as LegacyError).code, message: (error as LegacyError).message };
  }
  throw new Error("expected the search to be refused");
}

describe("legacy search ranking", () => {
  const floats = { "10": ["_default", [0, 0]], "11": ["_default", [3, 4]], "12": ["p", [1, 1]], "13": ["_default", [-2, 0]] } as Record<string, [string, number[]]>;

  it("ranks L2 ascending by squared distance, one list per query vector, cut at topk", () => {
    const out = search(collection("L2", 2, floats), { topk: 3, vectors: [[0, 0], [3, 4]], params: {} });
    expect(out.num).toBe(2);
    expect(ids(out)).toEqual([["10", "12", "13"], ["11", "12", "10"]]);
    expect(distances(out)).toEqual([["0.000000", "2.000000", "4.000000"], ["0.000000", "13.000000", "25.000000"]]);
  });

  it("ranks IP descending", () => {
    const out = search(collection("IP", 2, floats), { topk: 4, vectors: [[1, 1]], params: {} });
    expect(ids(out)).toEqual([["11", "12", "10", "13"]]);
    expect(distances(out)).toEqual([["7.000000", "2.000000", "0.000000", "-2.000000"]]);
  });

  it("searches only the partitions named in partition_tags", () => {
    const out = search(collection("L2", 2, floats), { topk: 5, vectors: [[0, 0]], params: {}, partition_tags: ["p"] });
    expect(ids(out)).toEqual([["12"]]);
  });

  it("answers no lists when the searched partitions hold no rows", () => {
    expect(search(collection("L2", 2, {}), { topk: 5, vectors: [[0, 0]], params: {} })).toEqual({ num: 0, results: [] });
  });

  const bits = { "1": ["_default", [0b1111]], "2": ["_default", [0b0011]], "3": ["_default", [0b1100_0000]], "4": ["_default", [0b0111]] } as Record<string, [string, number[]]>;

  it("ranks HAMMING by differing bits, ascending", () => {
    const out = search(collection("HAMMING", 8, bits), { topk: 4, vectors: [[0b0011]], params: {} });
    expect(ids(out)).toEqual([["2", "4", "1", "3"]]);
    expect(distances(out)).toEqual([["0.000000", "1.000000", "2.000000", "4.000000"]]);
  });

  it("ranks JACCARD and TANIMOTO ascending", () => {
    const jaccard = search(collection("JACCARD", 8, bits), { topk: 4, vectors: [[0b0011]], params: {} });
    expect(ids(jaccard)).toEqual([["2", "4", "1", "3"]]);
    expect(distances(jaccard)).toEqual([["0.000000", "0.333333", "0.500000", "1.000000"]]);
    const tanimoto = search(collection("TANIMOTO", 8, bits), { topk: 4, vectors: [[0b0011]], params: {} });
    expect(ids(tanimoto)).toEqual([["2", "4", "1", "3"]]);
    expect(distances(tanimoto)).toEqual([["0.000000", "0.584963", "1.000000", "inf"]]);
  });

  it("keeps only containing rows for SUBSTRUCTURE and contained rows for SUPERSTRUCTURE", () => {
    const sub = search(collection("SUBSTRUCTURE", 8, bits), { topk: 4, vectors: [[0b0011]], params: {} });
    expect(ids(sub)).toEqual([["2", "4", "1"]]); // rows holding every bit of the query
    const sup = search(collection("SUPERSTRUCTURE", 8, bits), { topk: 4, vectors: [[0b0111]], params: {} });
    expect(ids(sup)).toEqual([["4", "2"]]); // rows whose bits all lie in the query
  });

  it("writes distances with six decimals and no negative zero", () => {
    expect(formatDistance(-0)).toBe("0.000000");
    expect(formatDistance((0.2 - 0.1) ** 2)).toBe("0.010000");
    expect(distance("L2", [0.1], [0.2])).toBeCloseTo(0.01, 12);
  });
});

describe("legacy search checks", () => {
  const c = collection("L2", 2, { "1": ["_default", [0, 0]] });

  it("needs topk within 1 ~ 2048, params and vectors of the collection's dimension", () => {
    expect(refused(() => search(c, { topk: 2049, vectors: [[0, 0]], params: {} })).code).toBe(10);
    expect(refused(() => search(c, { topk: 1, vectors: [[0, 0]] })).code).toBe(34);
    expect(refused(() => search(c, { topk: 1, params: {} })).code).toBe(34);
    expect(refused(() => search(c, { topk: 1, vectors: [[0, 0, 0]], params: {} })).code).toBe(7);
    expect(refused(() => search(c, { topk: 1, vectors: [[0, 0]], params: {}, partition_tags: "p" })).code).toBe(36);
  });

  it("checks the search parameter of the collection's index", () => {
    const ivf = collection("L2", 2, {}, "IVFSQ8");
    expect(refused(() => search(ivf, { topk: 1, vectors: [[0, 0]], params: {} })).message).toBe("Parameter 'nprobe' is missing in params.");
    expect(refused(() => search(ivf, { topk: 1, vectors: [[0, 0]], params: { nprobe: 0 } })).code).toBe(5);
    const hnsw = collection("L2", 2, {}, "HNSW");
    expect(refused(() => search(hnsw, { topk: 10, vectors: [[0, 0]], params: { ef: 5 } })).message).toBe(
      "Invalid ef: 5. ef must be an integer within the range of 10 ~ 4096.",
    );
    expect(search(hnsw, { topk: 10, vectors: [[0, 0]], params: { ef: 10 } })).toEqual({ num: 0, results: [] });
  });

  it("takes packed bytes for a binary collection", () => {
    const b = collection("HAMMING", 16, { "1": ["_default", [1, 2]] });
    expect(refused(() => search(b, { topk: 1, vectors: [[1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0]], params: {} })).code).toBe(7);
    expect(refused(() => search(b, { topk: 1, vectors: [[1.5, 0]], params: {} })).code).toBe(35);
    expect(ids(search(b, { topk: 1, vectors: [[1, 2]], params: {} }))).toEqual([["1"]]);
  });
});
