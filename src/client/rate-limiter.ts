/**
 * Client-side token bucket, shared per base URL and credential, so that every client object talking
 * to the same endpoint with the same key stays under one budget (terraform keeps itself to 10 QPS; the
 * documented server limit is 20/s per user per endpoint).
 */
import { createHash } from "node:crypto";
import type { SleepFn } from "./backoff";

/** Default budget. */
export const DEFAULT_REQUESTS_PER_SECOND = 10;

/** A token bucket refilled continuously at `rate` tokens per second, holding at most `rate` tokens. */
export class TokenBucket {
  private tokens: number;
  private updated: number;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly rate: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = rate;
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
      const t = this.now();
      this.tokens = Math.min(this.rate, this.tokens + ((t - this.updated) / 1000) * this.rate);
      this.updated = t;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await sleep(Math.ceil(((1 - this.tokens) / this.rate) * 1000), signal);
    }
  }
}

const buckets = new Map<string, TokenBucket>();

/** The bucket shared by every client using this base URL, credential and rate. */
export function sharedBucket(baseUrl: string, credential: string | undefined, rate: number, now?: () => number): TokenBucket {
  // Hash the credential: the map key must not keep a secret in memory dumps or logs.
  const keyHash = createHash("sha256").update(credential ?? "").digest("hex").slice(0, 16);
  const key = `${baseUrl}|${keyHash}|${rate}`;
  let bucket = buckets.get(key);
  if (!bucket) {
    bucket = new TokenBucket(rate, now);
    buckets.set(key, bucket);
  }
  return bucket;
}
