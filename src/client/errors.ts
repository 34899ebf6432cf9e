/**
 * Error classes of the REST client. Subclasses are named after the kind of failure, never after the
 * endpoint, so callers branch on `err.kind` or `instanceof` and never on message text.
 */

/** Every kind a client error can have. */
export type ErrorKind =
  | "not_found"
  | "already_exists"
  | "invalid_argument"
  | "unauthenticated"
  | "permission_denied"
  | "wrong_state"
  | "rate_limited"
  | "server_error"
  | "unsupported_endpoint"
  | "unknown"
  | "connection"
  | "response_validation"
  | "wait_timeout"
  | "wait_failed";

/** Where a failed request went and what the server said about it. */
export interface ErrorContext {
  /** The body `code`, when the server sent one. */
  code?: number;
  /** The HTTP status, when a response arrived. */
  httpStatus?: number;
  method?: string;
  /** Path (and query) of the request, without the host. Never carries credentials. */
  path?: string;
  /** The `requestid` response header, when present. */
  requestId?: string;
  /** The server's message (or a short description for local errors). */
  serverMessage?: string;
  cause?: unknown;
}

// A marker that survives two copies of this package being loaded (instanceof would not).
const MARKER = Symbol.for("pulumi-zilliz.client.error");

/** Base class of every error the client throws. */
export class ZillizError extends Error {
  readonly kind: ErrorKind;
  readonly code?: number;
  readonly httpStatus?: number;
  readonly method?: string;
  readonly path?: string;
  readonly requestId?: string;
  /** The message as the server wrote it, without the context suffix. */
  readonly serverMessage: string;
  /** True when the same request may succeed if sent again (network, 429, 5xx). */
  readonly retryable: boolean;
  /** Delay the server asked for through `Retry-After`, in milliseconds. */
  retryAfterMs?: number;

  constructor(kind: ErrorKind, ctx: ErrorContext, retryable = false) {
    const serverMessage = ctx.serverMessage ?? "";
    super(formatMessage(kind, serverMessage, ctx), ctx.cause === undefined ? undefined : { cause: ctx.cause });
    this.name = new.target.name;
    this.kind = kind;
    this.code = ctx.code;
    this.httpStatus = ctx.httpStatus;
    this.method = ctx.method;
    this.path = ctx.path;
    this.requestId = ctx.requestId;
    this.serverMessage = serverMessage;
    this.retryable = retryable;
    Object.defineProperty(this, MARKER, { value: true });
  }

  /** Works across package copies, unlike `instanceof`. */
  static isZillizError(e: unknown): e is ZillizError {
    return typeof e === "object" && e !== null && (e as Record<symbol, unknown>)[MARKER] === true;
  }
}

function formatMessage(kind: ErrorKind, serverMessage: string, ctx: ErrorContext): string {
  const parts = [
    `code ${ctx.code ?? "-"}`,
    `HTTP ${ctx.httpStatus ?? "-"}`,
    `request ${ctx.requestId ?? "-"}`,
  ].join(", ");
  const during = ctx.method ? ` during ${ctx.method} ${ctx.path ?? ""}` : "";
  return `${kind}: ${serverMessage} (${parts})${during}`;
}

/** A response from the server that reports a failure (HTTP status or body `code`). */
export class ApiError extends ZillizError {
  constructor(ctx: ErrorContext, kind: ErrorKind = "unknown", retryable = false) {
    super(kind, ctx, retryable);
  }
}

export class NotFoundError extends ApiError {
  constructor(ctx: ErrorContext) {
    super(ctx, "not_found");
  }
}
export class AlreadyExistsError extends ApiError {
  constructor(ctx: ErrorContext) {
    super(ctx, "already_exists");
  }
}
export class InvalidArgumentError extends ApiError {
  constructor(ctx: ErrorContext) {
    super(ctx, "invalid_argument");
  }
}
export class UnauthenticatedError extends ApiError {
  constructor(ctx: ErrorContext) {
    super(ctx, "unauthenticated");
  }
}
export class PermissionDeniedError extends ApiError {
  constructor(ctx: ErrorContext) {
    super(ctx, "permission_denied");
  }
}
/** The target exists but its state does not allow the operation (e.g. suspend a suspended cluster). */
export class WrongStateError extends ApiError {
  constructor(ctx: ErrorContext) {
    super(ctx, "wrong_state");
  }
}
export class RateLimitedError extends ApiError {
  constructor(ctx: ErrorContext) {
    super(ctx, "rate_limited", true);
  }
}
export class ServerError extends ApiError {
  constructor(ctx: ErrorContext) {
    super(ctx, "server_error", true);
  }
}
/** The server has no such route (HTTP 404 with a non-JSON body): usually an older server version. */
export class UnsupportedEndpointError extends ApiError {
  constructor(ctx: ErrorContext) {
    super(ctx, "unsupported_endpoint");
  }
}

/** The request never got a complete response: refused, reset, timed out, or cut mid-body. */
export class ConnectionError extends ZillizError {
  constructor(ctx: ErrorContext) {
    super("connection", ctx, true);
  }
}

/** A response arrived but its body was not what the contract says (bad JSON, schema mismatch). */
export class ResponseValidationError extends ZillizError {
  /** zod issues, when a schema rejected the body. */
  readonly issues: unknown[];
  /** The body, truncated and with secret-looking fields masked. */
  readonly rawBody: string;
  constructor(ctx: ErrorContext, rawBody: string, issues: unknown[] = []) {
    super("response_validation", ctx);
    this.issues = issues;
    this.rawBody = rawBody;
  }
}

/** A wait's deadline passed before the resource reached its target state. */
export class WaitTimeoutError extends ZillizError {
  readonly lastState: unknown;
  readonly timeoutMs: number;
  constructor(description: string, timeoutMs: number, lastState: unknown) {
    super("wait_timeout", { serverMessage: `${description} did not finish within ${timeoutMs} ms; last state: ${preview(lastState)}` });
    this.lastState = lastState;
    this.timeoutMs = timeoutMs;
  }
}

/** A wait saw a terminal failure state (e.g. an import job in `Failed`). */
export class WaitFailedError extends ZillizError {
  readonly lastState: unknown;
  constructor(description: string, reason: string, lastState: unknown) {
    super("wait_failed", { serverMessage: `${description} failed: ${reason}` });
    this.lastState = lastState;
  }
}

function preview(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/** True for a not-found error from any endpoint (the resource is gone). */
export function isNotFound(e: unknown): boolean {
  return ZillizError.isZillizError(e) && e.kind === "not_found";
}

/** True for an already-exists error from any endpoint. */
export function isAlreadyExists(e: unknown): boolean {
  return ZillizError.isZillizError(e) && e.kind === "already_exists";
}
