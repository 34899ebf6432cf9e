/**
 * `waitFor` is the only polling loop in the client and resources. It has a deadline, a capped
 * growing interval and a per-poll verdict. A deadline that passes is an error carrying the last state
 * seen, never a success.
 */
import { sleep as realSleep, type SleepFn } from "./backoff";
import { WaitFailedError, WaitTimeoutError } from "./errors";

/** What one poll says: finished, keep waiting, or a terminal failure (with a reason). */
export type WaitVerdict = "done" | "pending" | { failed: string };

export interface WaitOptions<S> {
  /** Reads the current state (e.g. describe). Errors propagate; the transport already retried. */
  poll: (signal?: AbortSignal) => Promise<S>;
  /** Judges a state. */
  check: (state: S) => WaitVerdict;
  /** Total time allowed, from the first poll. */
  timeoutMs: number;
  /** First interval between polls (default 1 s); doubles up to `maxIntervalMs`. */
  intervalMs?: number;
  /** Interval cap (default 10 s). */
  maxIntervalMs?: number;
  /** Used in error messages, e.g. `cluster in01-… to reach RUNNING`. */
  description?: string;
  /** Called after each poll that is not final; resources log progress through it. */
  onProgress?: (state: S, elapsedMs: number) => void;
  signal?: AbortSignal;
  /** Injectable clock and sleep (tests). */
  now?: () => number;
  sleep?: SleepFn;
}

/** Polls until `check` says done (resolves with that state) or failed / the deadline passes (throws). */
export async function waitFor<S>(opts: WaitOptions<S>): Promise<S> {
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? realSleep;
  const description = opts.description ?? "operation";
  const cap = opts.maxIntervalMs ?? 10_000;
  let interval = Math.min(opts.intervalMs ?? 1_000, cap);
  const start = now();
  const deadline = start + opts.timeoutMs;
  let last: S | undefined;
  for (;;) {
    if (opts.signal?.aborted) throw opts.signal.reason;
    last = await opts.poll(opts.signal);
    const verdict = opts.check(last);
    if (verdict === "done") return last;
    if (typeof verdict === "object") throw new WaitFailedError(description, verdict.failed, last);
    const elapsed = now() - start;
    opts.onProgress?.(last, elapsed);
    const remaining = deadline - now();
    if (remaining <= 0) throw new WaitTimeoutError(description, opts.timeoutMs, last);
    // Never sleep past the deadline: one last poll happens right at it.
    await sleep(Math.min(interval, remaining), opts.signal);
    interval = Math.min(interval * 2, cap);
  }
}
