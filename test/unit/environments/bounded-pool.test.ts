import { describe, expect, it } from "vitest";
import { mapBounded } from "../../../src/environments/bounded-pool";

describe("mapBounded", () => {
  it("never runs more than the limit at once, and keeps results in input order", async () => {
    let running = 0;
    let peak = 0;
    const results = await mapBounded([30, 5, 20, 1, 10, 2], 3, async (ms, i) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, ms));
      running--;
      return `${i}:${ms}`;
    });
    expect(peak).toBe(3);
    expect(results).toEqual(["0:30", "1:5", "2:20", "3:1", "4:10", "5:2"]);
  });

  it("handles fewer items than the limit and an empty list", async () => {
    expect(await mapBounded([1], 5, async (x) => x * 2)).toEqual([2]);
    expect(await mapBounded([], 3, async (x: number) => x)).toEqual([]);
  });
});
