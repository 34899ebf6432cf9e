/**
 * The HTTP core: one undici request → status and envelope check → zod parse → typed result or a
 * typed error. Every endpoint goes through `Transport.call`, which also applies the rate limit, the
 * timeout and the per-operation retry policy.
 */
import type { Agent, Dispatcher } from "undici";
import type { z } from "zod";
import { backoffDelay, parseRetryAfter, sleep as realSleep, type SleepFn } from "./backoff";
import { type ApiErrorKind, type CodeOverrides, errorFromResponse } from "./error-codes";
import { ConnectionError, ResponseValidationError, ZillizError } from "./errors";
import { endpointTemplate, type RequestLimiter, sharedEndpointLimiter, singleBucketLimiter, TokenBucket, UNLIMITED } from "./rate-limiter";
import { parseJsonSafe } from "./safe-json";

/** Minimal logger; `debug` gets one line per attempt. Authorization is never passed to it. */
export interface ClientLogger {
  debug(message: string, fields?: Record<string, unknown>): void;
}

/** Options every client accepts. */
export interface TransportOptions {
  /** Base URL; may carry a path prefix (self-hosted Milvus behind a proxy). */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <token>`: an API key or `user:password`. */
  token?: string;
  /** Sent as the `DB-Name` header. */
  dbName?: string;
  /** undici dispatcher; defaults to a shared keep-alive Agent. Tests pass a MockAgent. */
  dispatcher?: Dispatcher;
  /**
   * Client-side budget in requests per second per base URL, key and endpoint (method + path template).
   * The transport itself sets none (0 or absent): the control-plane clients pass the documented 20/s,
   * the data-plane clients rely on retrying the server's own rate-limit answers.
   */
  requestsPerSecond?: number;
  /** Per-attempt timeout (default 30 s). */
  timeoutMs?: number;
  /** Retries after the first attempt for retryable failures (default 3). */
  maxRetries?: number;
  /**
   * Retries after a rate-limit answer (HTTP 429, Milvus 1807/8/9). Default: `maxRetries` when given, else 8
   * (about 45 s of backoff): such an answer proves the request was not processed, and a busy server
   * should slow the run down rather than fail it.
   */
  maxRateLimitRetries?: number;
  logger?: ClientLogger;
  /** Injectable sleep for backoff and rate limiting (tests). */
  sleep?: SleepFn;
  /** Injectable randomness for jitter (tests). */
  random?: () => number;
  /** Replaces the shared per-endpoint limiter (tests): a `TokenBucket` is one budget for every endpoint. */
  rateLimiter?: TokenBucket | RequestLimiter;
}

/** How the body is wrapped. `data`: `{code, message, data}`; `raw`: the body itself (Milvus 0.x). */
export type EnvelopeStyle = "data" | "raw";

/** One endpoint call. */
export interface CallSpec<S extends z.ZodType> {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Path with query, relative to the base URL's path. */
  path: string;
  body?: unknown;
  schema: S;
  /** Whether sending the request twice is harmless. Only idempotent calls are retried on 5xx/network errors. */
  idempotent: boolean;
  overrides?: CodeOverrides;
  signal?: AbortSignal;
  /** Extra headers for this call (e.g. `DB-Name`). */
  headers?: Record<string, string>;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RETRIES = 3;
export const DEFAULT_MAX_RATE_LIMIT_RETRIES = 8;
const SUCCESS_CODES = new Set([0, 200]);
const MAX_RAW_BODY = 2000;

/**
 * undici, loaded at the first request rather than at import: a provider process that only checks and diffs
 * (a preview) never sends one, and undici is the heaviest module of the runtime to load (≈0.2 s).
 */
function undici(): typeof import("undici") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("undici") as typeof import("undici");
}

let defaultAgent: Agent | undefined;
/** One keep-alive pool per process, shared by every client that does not bring a dispatcher. */
function sharedAgent(): Agent {
  defaultAgent ??= new (undici().Agent)({ keepAliveTimeout: 10_000, keepAliveMaxTimeout: 60_000, connections: 16 });
  return defaultAgent;
}

export class Transport {
  private readonly base: URL;
  private readonly limiter: RequestLimiter;
  private readonly sleep: SleepFn;

  constructor(
    private readonly opts: TransportOptions,
    private readonly envelope: EnvelopeStyle = "data",
    private readonly codeTable?: ReadonlyMap<number, ApiErrorKind>,
  ) {
    this.base = new URL(opts.baseUrl.endsWith("/") ? opts.baseUrl : `${opts.baseUrl}/`);
    this.limiter = chooseLimiter(opts, this.base.origin + this.base.pathname);
    this.sleep = opts.sleep ?? realSleep;
  }

  /** The base URL (normalised with a trailing slash). */
  get baseUrl(): string {
    return this.base.toString();
  }

  /** Sends the call, retrying as its idempotency allows; resolves with the parsed `data`. */
  async call<S extends z.ZodType>(spec: CallSpec<S>): Promise<z.output<S>> {
    const maxRetries = this.opts.maxRetries ?? DEFAULT_MAX_RETRIES;
    const maxRateLimitRetries = this.opts.maxRateLimitRetries ?? this.opts.maxRetries ?? DEFAULT_MAX_RATE_LIMIT_RETRIES;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once(spec, attempt);
      } catch (e) {
        const limited = ZillizError.isZillizError(e) && e.kind === "rate_limited";
        if (!this.shouldRetry(e, spec, attempt, limited ? maxRateLimitRetries : maxRetries)) throw e;
        const err = e as ZillizError;
        const delay = err.retryAfterMs ?? backoffDelay(attempt, this.opts.random);
        this.opts.logger?.debug("retrying", { method: spec.method, path: spec.path, attempt, delayMs: delay, kind: err.kind });
        await this.sleep(delay, spec.signal);
      }
    }
  }

  private shouldRetry(e: unknown, spec: CallSpec<z.ZodType>, attempt: number, max: number): boolean {
    if (attempt >= max || spec.signal?.aborted) return false;
    if (!ZillizError.isZillizError(e) || !e.retryable) return false;
    if (spec.idempotent) return true;
    // A create is never re-sent blindly: only a rate-limit rejection (HTTP 429 or Milvus 1807)
    // proves the server turned it away unprocessed.
    return e.kind === "rate_limited";
  }

  private async once<S extends z.ZodType>(spec: CallSpec<S>, attempt: number): Promise<z.output<S>> {
    await this.limiter.acquire(endpointTemplate(spec.method, spec.path), this.sleep, spec.signal);
    const url = new URL(spec.path.replace(/^\//, ""), this.base);
    const reqPath = url.pathname + url.search;
    const headers: Record<string, string> = { accept: "application/json", ...spec.headers };
    if (this.opts.token) headers.authorization = `Bearer ${this.opts.token}`;
    if (this.opts.dbName && !headers["DB-Name"]) headers["DB-Name"] = this.opts.dbName;
    let payload: string | undefined;
    if (spec.body !== undefined) {
      headers["content-type"] = "application/json";
      payload = JSON.stringify(spec.body);
    }
    const timeout = AbortSignal.timeout(this.opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const signal = spec.signal ? AbortSignal.any([spec.signal, timeout]) : timeout;
    const started = Date.now();
    const where = { method: spec.method, path: reqPath };

    let status: number;
    let requestId: string | undefined;
    let text: string;
    let retryAfter: string | string[] | undefined;
    try {
      const res = await undici().request(url, {
        method: spec.method,
        headers,
        body: payload,
        signal,
        dispatcher: this.opts.dispatcher ?? sharedAgent(),
      });
      status = res.statusCode;
      const rid = res.headers["requestid"] ?? res.headers["request-id"] ?? res.headers["x-request-id"];
      requestId = Array.isArray(rid) ? rid[0] : rid;
      retryAfter = res.headers["retry-after"];
      text = await res.body.text();
    } catch (cause) {
      // The caller's own abort is not a connection problem: rethrow it untouched.
      if (spec.signal?.aborted) throw spec.signal.reason;
      const reason = timeout.aborted ? `timed out after ${this.opts.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms` : describeCause(cause);
      this.opts.logger?.debug("request failed", { ...where, error: reason, durationMs: Date.now() - started, attempt });
      throw new ConnectionError({ ...where, serverMessage: reason, cause });
    }
    this.opts.logger?.debug("request", { ...where, status, durationMs: Date.now() - started, attempt, requestId });
    return this.interpret(spec, { status, requestId, text, retryAfter, where });
  }

  private interpret<S extends z.ZodType>(
    spec: CallSpec<S>,
    r: { status: number; requestId?: string; text: string; retryAfter?: string | string[]; where: { method: string; path: string } },
  ): z.output<S> {
    const ctx = { ...r.where, httpStatus: r.status, requestId: r.requestId };
    const ok = r.status >= 200 && r.status < 300;
    let body: unknown;
    let jsonBody = false;
    if (r.text.trim() === "") body = this.envelope === "raw" ? {} : undefined;
    else {
      try {
        body = parseJsonSafe(r.text);
        jsonBody = true;
      } catch (cause) {
        if (ok) throw new ResponseValidationError({ ...ctx, serverMessage: "response body is not valid JSON", cause }, maskSecrets(r.text));
      }
    }
    const obj = typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
    const code = typeof obj?.code === "number" ? obj.code : typeof obj?.code === "string" && /^\d+$/.test(obj.code) ? Number(obj.code) : undefined;
    const success = ok && (this.envelope === "raw" ? code === undefined || code === 0 : code !== undefined && SUCCESS_CODES.has(code));
    if (!success) {
      if (ok && this.envelope === "data" && code === undefined) {
        throw new ResponseValidationError({ ...ctx, serverMessage: "response has no numeric `code`" }, maskSecrets(r.text));
      }
      // `message` is the documented field; `error`/`reason` appear on mocks and the 2.x management API.
      const said = [obj?.message, obj?.error, obj?.reason].find((v): v is string => typeof v === "string");
      const message = said ?? (jsonBody ? "" : r.text.trim().slice(0, 200));
      const err = errorFromResponse({ ...ctx, code, serverMessage: message }, { overrides: spec.overrides, table: this.codeTable, jsonBody });
      err.retryAfterMs = parseRetryAfter(r.retryAfter);
      throw err;
    }
    const data = this.envelope === "raw" ? body : obj?.data;
    const parsed = spec.schema.safeParse(data);
    if (!parsed.success) {
      throw new ResponseValidationError(
        { ...ctx, code, serverMessage: `response data does not match the expected shape: ${parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ")}` },
        maskSecrets(r.text),
        parsed.error.issues,
      );
    }
    return parsed.data;
  }
}

/** The test override, else a shared per-endpoint limiter when a rate is set, else none. */
function chooseLimiter(opts: TransportOptions, base: string): RequestLimiter {
  if (opts.rateLimiter) return opts.rateLimiter instanceof TokenBucket ? singleBucketLimiter(opts.rateLimiter) : opts.rateLimiter;
  const rps = opts.requestsPerSecond;
  if (rps === undefined || rps === 0 || rps === Number.POSITIVE_INFINITY) return UNLIMITED;
  return sharedEndpointLimiter(base, opts.token, rps);
}

function describeCause(cause: unknown): string {
  const e = cause as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = e?.code ?? e?.cause?.code;
  const msg = e?.message ?? String(cause);
  return code ? `${code}: ${msg}` : msg;
}

/** Masks secret-looking JSON fields and truncates, so an error never carries a password. */
export function maskSecrets(text: string): string {
  const masked = text.replace(/"(password|newPassword|token|secretKey|accessKey|apiKey)"(\s*):(\s*)"(?:[^"\\]|\\.)*"/gi, '"$1"$2:$3"***"');
  return masked.length > MAX_RAW_BODY ? `${masked.slice(0, MAX_RAW_BODY)}…` : masked;
}
