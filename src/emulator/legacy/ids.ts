/**
 * Vector and segment IDs. A 0.x server hands out IDs from the clock: microseconds since the epoch times
 * 1000, plus a counter inside one call (the seed's `1578989029645098000`, `…001`, …), always increasing.
 */
import type { LegacyState } from "./state";

/** Hands out `count` consecutive new IDs (as decimal strings), after any ID given out before. */
export function nextIds(state: LegacyState, count: number, now: number = Date.now()): string[] {
  // `now` is in milliseconds and may carry microseconds as a fraction (a test clock does).
  const fromClock = BigInt(Math.round(now * 1000)) * 1000n;
  const afterLast = BigInt(state.lastId) + 1n;
  const first = fromClock > afterLast ? fromClock : afterLast;
  const ids = Array.from({ length: count }, (_, i) => (first + BigInt(i)).toString());
  if (count > 0) state.lastId = ids[count - 1]!;
  return ids;
}

/** A vector ID as the API accepts it: a string of decimal digits that fits an int64. */
export function isIdText(value: unknown): value is string {
  return typeof value === "string" && /^\d{1,19}$/.test(value) && BigInt(value) <= 9_223_372_036_854_775_807n;
}
