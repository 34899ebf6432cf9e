/**
 * The one table from body `code` to error kind, and the factory that turns a failed response into a
 * typed error. Sources: zilliz-cloud-api.md §4.2 (control plane v1/v2) and milvus-rest-api.md §3
 * (Milvus merr codes). Classification never looks at message text: where a code is ambiguous across
 * endpoints, the endpoint passes an override table instead.
 */
import {
  AlreadyExistsError,
  ApiError,
  type ErrorContext,
  type ErrorKind,
  InvalidArgumentError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitedError,
  ServerError,
  UnauthenticatedError,
  UnsupportedEndpointError,
  WrongStateError,
} from "./errors";

/** Kinds an API error can be classified into. */
export type ApiErrorKind = Exclude<ErrorKind, "connection" | "response_validation" | "wait_timeout" | "wait_failed">;

/** A per-call table, consulted before the shared one. */
export type CodeOverrides = Readonly<Record<number, ApiErrorKind>>;

const byKind: Record<Exclude<ApiErrorKind, "unknown" | "unsupported_endpoint">, readonly number[]> = {
  not_found: [
    100, // Milvus: collection not found
    200, // Milvus: partition not found
    700, // Milvus: index not found
    800, // Milvus: database not found
    1600, // Milvus: alias not found
    1700, // Milvus: field not found
    96018, 80020, 40021, // cluster not found (v2 / v1 / v1 state list)
    96026, 90144, // import job not found (v2 / v1)
    47005, // import: collection not found
    80015, // v1: project does not exist
    96042, 96046, 96048, // [G] zilliz-local: backup, private endpoint, whitelist entry not found
  ],
  already_exists: [
    40013, 96017, 80010, // duplicate cluster name (observed / documented v2 / v1)
    1601, // Milvus: alias and collection name conflict
    1602, // Milvus: alias already exists (pointing elsewhere)
    96047, // [G] zilliz-local: private endpoint already registered
  ],
  invalid_argument: [
    1100, 1101, 1102, 1701, 1801, 1802, 105, 701, 702, 802, 801,
    96000, 96001, 96002, 96003, 96004, 96005, 96006, 96007, 96008, 96009, 96010, 96011,
    96019, 96020, 96021, 96022, 96023, 96025, 96028, 96029, 96030, 96031, 96032, 96033, 96034,
    96035, 96036, 96037, 63104, 63032,
    80000, 80003, 80004, 80005, 80006, 80007, 80008, 80009, 80011, 80012, 80013, 80014, 80021,
    80022, 80025, 90155, 90102, 90103, 90104,
    10003, 47035, 47036, 47053, 83004, 90142, 90145,
  ],
  unauthenticated: [1800, 21119, 80001, 80002, 1400],
  permission_denied: [96012, 96013, 96014, 96015, 96016, 96027, 1401, 40022, 83001],
  wrong_state: [40003, 101, 104, 47039, 47055],
  rate_limited: [1807, 8, 9],
  server_error: [1, 2, 5, 10001, 500, 96024, 96038, 96039, 96040],
};

/** The shared code → kind table. */
export const ERROR_CODE_KINDS: ReadonlyMap<number, ApiErrorKind> = new Map(
  Object.entries(byKind).flatMap(([kind, codes]) => codes.map((c) => [c, kind as ApiErrorKind] as const)),
);

/** Classifies a failure from its HTTP status and body code. */
export function classify(
  httpStatus: number,
  code: number | undefined,
  opts: { overrides?: CodeOverrides; table?: ReadonlyMap<number, ApiErrorKind>; jsonBody: boolean },
): ApiErrorKind {
  if (code !== undefined) {
    const override = opts.overrides?.[code];
    if (override) return override;
  }
  // The status decides first when it is unambiguous: auth, rate limit and server failures.
  if (httpStatus === 401) return "unauthenticated";
  if (httpStatus === 403) return "permission_denied";
  if (httpStatus === 429) return "rate_limited";
  if (httpStatus === 408 || httpStatus >= 500) return "server_error";
  if (code !== undefined) {
    const kind = (opts.table ?? ERROR_CODE_KINDS).get(code);
    if (kind) return kind;
  }
  // gin answers an unknown route with 404 and a text body; that is a missing endpoint, not a
  // missing resource, and must never make a resource look deleted.
  if (httpStatus === 404) return opts.jsonBody ? "not_found" : "unsupported_endpoint";
  if (httpStatus === 409) return "already_exists";
  if (httpStatus >= 400) return "invalid_argument";
  return "unknown";
}

const constructors: Record<ApiErrorKind, new (ctx: ErrorContext) => ApiError> = {
  not_found: NotFoundError,
  already_exists: AlreadyExistsError,
  invalid_argument: InvalidArgumentError,
  unauthenticated: UnauthenticatedError,
  permission_denied: PermissionDeniedError,
  wrong_state: WrongStateError,
  rate_limited: RateLimitedError,
  server_error: ServerError,
  unsupported_endpoint: UnsupportedEndpointError,
  unknown: class UnknownApiError extends ApiError {
    constructor(ctx: ErrorContext) {
      super(ctx, "unknown");
    }
  },
};

/** The one factory: a failed response in, a kind-named error out. */
export function errorFromResponse(
  ctx: ErrorContext & { httpStatus: number },
  opts: { overrides?: CodeOverrides; table?: ReadonlyMap<number, ApiErrorKind>; jsonBody: boolean },
): ApiError {
  const kind = classify(ctx.httpStatus, ctx.code, opts);
  return new constructors[kind](ctx);
}
