import { describe, expect, it } from "vitest";
import { shapeDifferences, valuesAt } from "./shape";

// The comparator is what makes the conformance suite able to fail: check that it does.
describe("shape comparator", () => {
  it("accepts the same keys and types", () => {
    expect(shapeDifferences({ code: 0, data: { a: "x", b: [1, 2] } }, { code: 0, data: { a: "y", b: [9] } })).toEqual([]);
  });
  it("reports a missing key, an extra key and a type change", () => {
    const diffs = shapeDifferences({ code: "0", data: { extra: 1 } }, { code: 0, data: { a: "" } });
    expect(diffs).toEqual([
      '$.code: expected number, got string ("0")',
      "$.data.a: missing",
      "$.data.extra: not in the example",
    ]);
  });
  it("checks every array element against the example's first", () => {
    expect(shapeDifferences([{ a: 1 }, { a: "x" }], [{ a: 0 }])).toHaveLength(1);
  });
  it("reads values through [] paths", () => {
    expect(valuesAt({ data: { list: [{ id: "a" }, { id: "b" }] } }, "data.list[].id")).toEqual(["a", "b"]);
  });
});
