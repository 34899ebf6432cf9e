/** legacyIndexProblems: the 0.x index parameter rules, checked without any call. */
import { describe, expect, it } from "vitest";
import { LEGACY_INDEX_PARAMS, LEGACY_INDEX_TYPES, legacyIndexProblems } from "../../../src/client";

describe("legacyIndexProblems", () => {
  it.each([
    ["FLAT", {}],
    ["IVFFLAT", { nlist: 4096 }],
    ["IVFSQ8", { nlist: 1 }],
    ["IVFSQ8H", { nlist: 65536 }],
    ["IVFPQ", { nlist: 16384, m: 16 }],
    ["HNSW", { M: 16, efConstruction: 500 }],
    ["RNSG", { search_length: 45, out_degree: 50, candidate_pool_size: 300, knng: 100 }],
    ["ANNOY", { n_trees: 8 }],
  ])("accepts %s with %j", (type, params) => {
    expect(legacyIndexProblems(type, params, { metricType: "L2", dimension: 128 })).toEqual([]);
  });

  it.each([
    ["IVFSQ8", { nlist: -1 }, "params.nlist must be an integer within 1 ~ 65536 for IVFSQ8, not -1"],
    ["IVFFLAT", { nlist: 65537 }, "params.nlist must be an integer within 1 ~ 65536 for IVFFLAT, not 65537"],
    ["IVFFLAT", { nlist: "4096" }, 'params.nlist must be an integer within 1 ~ 65536 for IVFFLAT, not "4096"'],
    ["IVFFLAT", {}, "params.nlist is required for IVFFLAT (an integer within 1 ~ 65536)"],
    ["HNSW", { M: 3, efConstruction: 100 }, "params.M must be an integer within 4 ~ 64 for HNSW, not 3"],
    ["HNSW", { M: 16 }, "params.efConstruction is required for HNSW (an integer within 8 ~ 512)"],
    ["RNSG", { search_length: 45, out_degree: 50, candidate_pool_size: 49, knng: 100 }, "params.candidate_pool_size must be an integer within 50 ~ 1000 for RNSG, not 49"],
    ["ANNOY", { n_trees: 0 }, "params.n_trees must be an integer within 1 ~ 1024 for ANNOY, not 0"],
    ["IVFPQ", { nlist: 16, m: 5 }, "params.m must be one of 1, 2, 3, 4, 8, 12, 16, 20, 24, 28, 32, 40, 48, 56, 64, 96, not 5"],
    ["IVFPQ", { nlist: 16, m: 96 }, "params.m (96) must divide the collection dimension (128)"],
    ["FANCY", {}, 'index_type "FANCY" is not one of FLAT, IVFFLAT, IVFSQ8, IVFSQ8H, IVFPQ, HNSW, RNSG, ANNOY'],
  ])("refuses %s with %j", (type, params, problem) => {
    expect(legacyIndexProblems(type, params, { metricType: "L2", dimension: 128 })).toEqual([problem]);
  });

  it("limits binary collections to FLAT and IVFFLAT, the structure metrics to FLAT", () => {
    expect(legacyIndexProblems("IVFFLAT", { nlist: 128 }, { metricType: "HAMMING" })).toEqual([]);
    expect(legacyIndexProblems("IVFSQ8", { nlist: 128 }, { metricType: "JACCARD" })).toEqual(['index_type "IVFSQ8" cannot index a JACCARD collection (use FLAT or IVFFLAT)']);
    expect(legacyIndexProblems("IVFFLAT", { nlist: 128 }, { metricType: "SUBSTRUCTURE" })).toEqual(['index_type "IVFFLAT" cannot index a SUBSTRUCTURE collection (use FLAT)']);
  });

  it("reports every problem, and skips the checks that need an unknown collection", () => {
    expect(legacyIndexProblems("HNSW", { M: 0, efConstruction: 1000 })).toHaveLength(2);
    expect(legacyIndexProblems("IVFPQ", { nlist: 16, m: 96 })).toEqual([]);
  });

  it("has a parameter table for every index type", () => {
    expect(Object.keys(LEGACY_INDEX_PARAMS).sort()).toEqual([...LEGACY_INDEX_TYPES].sort());
  });
});
