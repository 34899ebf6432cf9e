/** legacyCollectionProblems / legacyPartitionTagProblem: 0.x input rules checked without a call. */
import { describe, expect, it } from "vitest";
import { legacyCollectionProblems, legacyPartitionTagProblem } from "../../../src/client";

describe("legacyCollectionProblems", () => {
  it("accepts the seed's collection and the binary metrics with whole bytes", () => {
    expect(legacyCollectionProblems({ collection_name: "test_collection", dimension: 1, index_file_size: 10, metric_type: "L2" })).toEqual([]);
    expect(legacyCollectionProblems({ collection_name: "_bits", dimension: 512, metric_type: "TANIMOTO" })).toEqual([]);
  });

  it.each([
    [{ collection_name: "1x", dimension: 4 }, 'collection_name "1x" must be 1 ~ 255 letters, digits or underscores, starting with a letter or underscore'],
    [{ collection_name: "a-b", dimension: 4 }, 'collection_name "a-b" must be 1 ~ 255 letters, digits or underscores, starting with a letter or underscore'],
    [{ collection_name: "c", dimension: 0 }, "dimension must be an integer within 1 ~ 32768, not 0"],
    [{ collection_name: "c", dimension: 32769 }, "dimension must be an integer within 1 ~ 32768, not 32769"],
    [{ collection_name: "c", dimension: 4, index_file_size: 4097 }, "index_file_size must be an integer within 1 ~ 4096 (MB), not 4097"],
    [{ collection_name: "c", dimension: 4, metric_type: "COSINE" }, 'metric_type "COSINE" is not one of L2, IP, HAMMING, JACCARD, TANIMOTO, SUBSTRUCTURE, SUPERSTRUCTURE'],
    [{ collection_name: "c", dimension: 12, metric_type: "HAMMING" }, "dimension of a HAMMING (binary) collection must be a multiple of 8, not 12"],
  ])("refuses %j", (input, problem) => {
    expect(legacyCollectionProblems(input)).toEqual([problem]);
  });
});

describe("legacyPartitionTagProblem", () => {
  it("accepts the seed's tags", () => {
    for (const tag of ["test", "test_tag", "tags_01", "2020", "q1$x"]) expect(legacyPartitionTagProblem(tag)).toBeUndefined();
  });

  it("refuses the default partition, spaces, a leading dollar and an empty or long tag", () => {
    expect(legacyPartitionTagProblem("_default")).toMatch(/default partition/);
    for (const tag of ["2020 q1", "$x", "", "t".repeat(256), "a-b"]) expect(legacyPartitionTagProblem(tag), tag).toMatch(/must be 1 ~ 255/);
  });
});
