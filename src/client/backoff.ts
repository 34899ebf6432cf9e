/**
 * Retry timing: capped exponential backoff with jitter, and `Retry-After` parsing. The numbers are
 * named so the policy reads in one place.
 */

/** First retry waits about this long. */
export const BASE_DELAY_MS = 500;
/** No computed backoff exceeds this. */
export const MAX_DELAY_MS = 10_000;
/** A `Retry-After` longer than this is treated as unreasonable and capped. */
export const MAX_RETRY_AFTER_MS = 60_000;

/** Delay before retry number `attempt` (0-based): min(base·2ⁿ, cap), with ±20% jitter. */
export function backoffDelay(attempt: number, random: () => number = Math.random, base = BASE_DELAY_MS, cap = MAX_DELAY_MS): number {
  const raw = Math.min(base * 2 ** attempt, cap);
  // Jitter spreads retries of many clients hit by the same outage.
  const jitter = 0.8 + 0.4 * random();
  return Math.round(Math.min(raw * jitter, cap));
}

/** Parses a `Retry-After` header (seconds or an HTTP date) into milliseconds, capped; undefined if absent or bad. */
export function parseRetryAfter(value: string | string[] | undefined, now: number = Date.now()): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || text.trim() === "") return undefined;
  const seconds = Number(text);
  let ms: number;
  if (Number.isFinite(seconds)) ms = seconds * 1000;
  else {
    const date = Date.parse(text);
    if (Number.isNaN(date)) return undefined;
    ms = date - now;
  }
  return Math.min(Math.max(0, Math.round(ms)), MAX_RETRY_AFTER_MS);
}

/** Sleeps for `ms`, rejecting early when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** Signature of an injectable sleep (tests pass one that records delays and returns at once). */
export type SleepFn = (ms: number, signal?: AbortSignal) => Promise<void>;
