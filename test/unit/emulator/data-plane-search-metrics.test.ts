/** Exact search arithmetic of the emulator (src/emulator/data-plane/search-metrics.ts, json-text Float32). */
import { describe, expect, it } from "vitest";
import { ascending, binaryDistance, bm25Scores, denseDistance, sparseEntries, sparseIp } from "../../../src/emulator/data-plane/search-metrics";
import { encodeJson, Float32 } from "../../../src/emulator/data-plane/json-text";

describe("float32 distances print as the server prints them", () => {
  it.each([
    [0.1 * 0.1, "0.01"],
    [Math.fround(Math.fround(0.1) * Math.fround(0.1)), "0.010000001"],
    [1 / Math.SQRT2, "0.70710677"],
    [2, "2"],
    [-1, "-1"],
    [1e-7, "1e-7"],
  ])("%d -> %s", (value, text) => {
    expect(encodeJson({ distance: new Float32(value) })).toBe(`{"distance":${text}}`);
  });
});

describe("metrics", () => {
  it("computes squared L2, IP and COSINE in float32 steps", () => {
    expect(new Float32(denseDistance("L2", [1, 0.1, 0, 0], [1, 0, 0, 0])).text()).toBe("0.010000001");
    expect(new Float32(denseDistance("L2", [1, 0.1, 0, 0], [1, 1, 0, 0])).text()).toBe("0.80999994");
    expect(denseDistance("IP", [1, 2], [3, 4])).toBe(11);
    expect(denseDistance("COSINE", [2, 0], [0, 5])).toBe(0);
    expect(denseDistance("COSINE", [0, 0], [1, 1])).toBe(0);
  });

  it("counts bits for HAMMING and JACCARD over byte lists", () => {
    expect(binaryDistance("HAMMING", [0b1010, 0], [0b0110, 255])).toBe(10);
    expect(binaryDistance("JACCARD", [0b11, 0], [0b01, 0])).toBe(0.5);
    expect(binaryDistance("JACCARD", [0, 0], [0, 0])).toBe(0);
  });

  it("reads sparse vectors in both wire forms", () => {
    expect(sparseIp(sparseEntries({ "1": 2, "7": 1 }), sparseEntries([[7, 3], [9, 1]]))).toBe(3);
  });

  it("ranks BM25 by term rarity and document length", () => {
    const [long, short, none] = bm25Scores("rare word", ["rare word in a much longer document", "rare word", "nothing here"]);
    expect(short).toBeGreaterThan(long!);
    expect(none).toBe(0);
  });

  it("orders distances ascending and similarities descending", () => {
    expect(["L2", "HAMMING", "JACCARD", "IP", "COSINE", "BM25"].map(ascending)).toEqual([true, true, true, false, false, false]);
  });
});
