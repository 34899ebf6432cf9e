/**
 * Client-side rate limits, shaped like the limits the services document:
 *
 * - The Zilliz Cloud control plane allows "up to 20 requests per second per user per endpoint"
 *   (zilliz-cloud-api.md §4.3). The client keeps one token bucket per API key and endpoint (method and
 *   path template), just under that rate, shared by every client object in the process.
 * - The Milvus data plane has no fixed published rate: its quota limiter (when enabled) answers
 *   code 1807 / HTTP 429, which the transport backs off on and retries. A client-side guess would only
 *   slow a fast server down, so data-plane clients get no bucket unless the caller asks for one.
 */
import { createHash } from "node:crypto";
import type { SleepFn } from "./backoff";

/** The control plane's documented limit: requests per second per API key and endpoint. */
export const CONTROL_PLANE_REQUESTS_PER_SECOND = 20;

/**
 * What the control-plane clients send by default: 90% of the documented limit. A client bucket exactly at
 * the server's rate still meets an occasional 429, because the server's bucket starts when the first request
 * *arrives* and later requests can arrive with less delay than the first (against zilliz-local, a burst of 50
 * calls at 20/s got one 429; at 18/s none in three runs). The margin absorbs ~100 ms of such skew; retries cover the rest.
 */
export const CONTROL_PLANE_CLIENT_REQUESTS_PER_SECOND = 18;

/** @deprecated Kept for callers of 0.1; the control-plane default is now per endpoint, see `CONTROL_PLANE_CLIENT_REQUESTS_PER_SECOND`. */
export const DEFAULT_REQUESTS_PER_SECOND = CONTROL_PLANE_CLIENT_REQUESTS_PER_SECOND;

/** A token bucket refilled continuously at `rate` tokens per second, holding at most `burst` (default `rate`) tokens. */
export class TokenBucket {
  private tokens: number;
  private updated: number;
  private queue: Promise<void> = Promise.resolve();
  readonly burst: number;

  constructor(
    readonly rate: number,
    private readonly now: () => number = Date.now,
    burst?: number,
  ) {
    if (!(rate > 0)) throw new RangeError(`rate must be positive, got ${rate}`);
    this.burst = burst ?? rate;
    this.tokens = this.burst;
    this.updated = now();
  }

  /** Resolves once a token is taken; callers are served in arrival order. */
  take(sleep: SleepFn, signal?: AbortSignal): Promise<void> {
    const turn = this.queue.then(() => this.takeNow(sleep, signal));
    // A rejected turn (abort) must not block the callers behind it.
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async takeNow(sleep: SleepFn, signal?: AbortSignal): Promise<void> {
    for (;;) {
      if (signal?.aborted) throw signal.reason;
      const t = this.now();
      this.tokens = Math.min(this.burst, this.tokens + ((t - this.updated) / 1000) * this.rate);
      this.updated = t;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await sleep(Math.ceil(((1 - this.tokens) / this.rate) * 1000), signal);
    }
  }
}

/** What the transport asks before each attempt. */
export interface RequestLimiter {
  /** Resolves when a request to `endpoint` (from `endpointTemplate`) may be sent. */
  acquire(endpoint: string, sleep: SleepFn, signal?: AbortSignal): Promise<void>;
}

/** No client-side limit: the server's own rate-limit answers are retried by the transport instead. */
export const UNLIMITED: RequestLimiter = { acquire: () => Promise.resolve() };

/** One bucket per endpoint, each at `rate` per second. */
export class EndpointLimiter implements RequestLimiter {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    readonly rate: number,
    private readonly now: () => number = Date.now,
  ) {
    if (!(rate > 0)) throw new RangeError(`rate must be positive, got ${rate}`);
  }

  acquire(endpoint: string, sleep: SleepFn, signal?: AbortSignal): Promise<void> {
    let bucket = this.buckets.get(endpoint);
    if (!bucket) {
      bucket = new TokenBucket(this.rate, this.now);
      this.buckets.set(endpoint, bucket);
    }
    return bucket.take(sleep, signal);
  }

  /** Endpoints seen so far (tests, diagnostics). */
  endpoints(): string[] {
    return [...this.buckets.keys()];
  }
}

/** Wraps a single bucket as a limiter that ignores the endpoint (a test override, or an explicit global budget). */
export function singleBucketLimiter(bucket: TokenBucket): RequestLimiter {
  return { acquire: (_endpoint, sleep, signal) => bucket.take(sleep, signal) };
}

/** A segment kept as written: a word such as `clusters`, `createFree`, `v2`. Anything else is an identifier. */
const LITERAL_SEGMENT = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * The endpoint a request belongs to: its method and path with the query removed and identifier segments
 * replaced by `{}`, e.g. `GET /v2/clusters/in01-6183d6bac30f801` → `GET /v2/clusters/{}`. The control plane's
 * identifiers (`in01-…`, `proj-…`, `job-…`, numbers) always contain a digit-led part or a hyphen, so they never
 * look like the word segments its route names use.
 */
export function endpointTemplate(method: string, path: string): string {
  const bare = path.split(/[?#]/, 1)[0] ?? "";
  const segments = bare.split("/").map((s) => (s === "" || LITERAL_SEGMENT.test(s) ? s : "{}"));
  return `${method.toUpperCase()} ${segments.join("/")}`;
}

const limiters = new Map<string, EndpointLimiter>();

/** The per-endpoint limiter shared by every client using this base URL, credential and rate in this process. */
export function sharedEndpointLimiter(baseUrl: string, credential: string | undefined, rate: number, now?: () => number): EndpointLimiter {
  // Hash the credential: the map key must not keep a secret in memory dumps or logs.
  const keyHash = createHash("sha256").update(credential ?? "").digest("hex").slice(0, 16);
  const key = `${baseUrl}|${keyHash}|${rate}`;
  let limiter = limiters.get(key);
  if (!limiter) {
    limiter = new EndpointLimiter(rate, now);
    limiters.set(key, limiter);
  }
  return limiter;
}
