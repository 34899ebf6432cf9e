/**
 * Probabilistic faults (`probability` on a FaultSpec): a fault that fires on a share of the matching calls
 * instead of the next N, drawn from a seeded generator so a soak run can be repeated call for call.
 */

/** mulberry32: a small, fast 32-bit generator; plenty for choosing which calls fail. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Validates `probability` (0 < p ≤ 1) and `seed` (an integer) of a posted fault. */
export function checkChance(spec: { probability?: unknown; seed?: unknown }): void {
  if (spec.probability !== undefined && (typeof spec.probability !== "number" || !(spec.probability > 0 && spec.probability <= 1))) {
    throw new Error("fault.probability must be a number in (0, 1]");
  }
  if (spec.seed !== undefined && !Number.isInteger(spec.seed)) throw new Error("fault.seed must be an integer");
}
