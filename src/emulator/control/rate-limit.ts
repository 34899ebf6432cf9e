/**
 * An optional token bucket per API key and endpoint. The real control plane documents "up to 20 requests per
 * second per user per endpoint"; what it answers over the limit is not recorded, so this answers HTTP 429.
 */

/** Settings posted to `/__emulator/rate-limit`. */
export interface RateLimitSettings {
  enabled: boolean;
  /** Refill rate (default 20). */
  requestsPerSecond?: number;
  /** Bucket size (default = requestsPerSecond). */
  burst?: number;
  /** Body code of the 429 answer (default 429). */
  code?: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** The limiter; disabled until configured. */
export class RateLimiter {
  private settings: Required<RateLimitSettings> = { enabled: false, requestsPerSecond: 20, burst: 20, code: 429 };
  private buckets = new Map<string, Bucket>();

  constructor(private readonly now: () => number = Date.now) {}

  configure(settings: RateLimitSettings): Required<RateLimitSettings> {
    const rps = settings.requestsPerSecond ?? 20;
    if (!(rps > 0)) throw new Error("requestsPerSecond must be positive");
    this.settings = { enabled: settings.enabled, requestsPerSecond: rps, burst: settings.burst ?? rps, code: settings.code ?? 429 };
    this.buckets.clear();
    return this.settings;
  }

  current(): Required<RateLimitSettings> {
    return this.settings;
  }

  /** Takes a token for `key|endpoint`; returns the seconds to wait when none is left, else undefined. */
  take(key: string, endpoint: string): { retryAfterSeconds: number; code: number } | undefined {
    if (!this.settings.enabled) return undefined;
    const id = `${key}|${endpoint}`;
    const now = this.now();
    const { requestsPerSecond, burst } = this.settings;
    const bucket = this.buckets.get(id) ?? { tokens: burst, updatedAt: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * requestsPerSecond);
    bucket.updatedAt = now;
    this.buckets.set(id, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return undefined;
    }
    return { retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / requestsPerSecond)), code: this.settings.code };
  }
}
