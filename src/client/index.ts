/**
 * `pulumi-zilliz/client`: typed REST clients for the Zilliz Cloud control plane (v1, v2) and the
 * Milvus data plane (v2, v1, legacy 0.x). Imports nothing from Pulumi.
 */
export * from "./errors";
export { ERROR_CODE_KINDS, classify, errorFromResponse, type ApiErrorKind, type CodeOverrides } from "./error-codes";
export { Transport, maskSecrets, type CallSpec, type ClientLogger, type EnvelopeStyle, type TransportOptions, DEFAULT_MAX_RETRIES, DEFAULT_MAX_RATE_LIMIT_RETRIES, DEFAULT_TIMEOUT_MS } from "./transport";
export { backoffDelay, parseRetryAfter, sleep, type SleepFn, BASE_DELAY_MS, MAX_DELAY_MS, MAX_RETRY_AFTER_MS } from "./backoff";
export { TokenBucket, EndpointLimiter, UNLIMITED, endpointTemplate, sharedEndpointLimiter, singleBucketLimiter, type RequestLimiter, CONTROL_PLANE_REQUESTS_PER_SECOND, CONTROL_PLANE_CLIENT_REQUESTS_PER_SECOND, DEFAULT_REQUESTS_PER_SECOND } from "./rate-limiter";
export { parseJsonSafe, quoteUnsafeIntegers } from "./safe-json";
export { waitFor, type WaitOptions, type WaitVerdict } from "./wait";
export { paginate, collect, type Page, DEFAULT_PAGE_SIZE } from "./paginate";
export { path, query } from "./path";
export * from "./normalize";
export * from "./control-plane/meta";
export * from "./control-plane/clusters";
export * from "./control-plane/import-jobs";
export * from "./control-plane/projects";
export * from "./control-plane/api-keys";
export * from "./control-plane/volumes";
export * from "./control-plane/backups";
export * from "./control-plane/private-endpoints";
export * from "./control-plane/zilliz-client";
export * from "./control-plane-v1/zilliz-client-v1";
export * from "./data-plane/collections";
export * from "./data-plane/indexes";
export * from "./data-plane/databases";
export * from "./data-plane/partitions-aliases";
export * from "./data-plane/users-roles";
export * from "./data-plane/import-jobs";
export * from "./data-plane/milvus-client";
export { paramToString, stringifyParams } from "./data-plane/call";
export * from "./data-plane-v1/milvus-v1-client";
export * from "./legacy/legacy-milvus-client";
export * from "./legacy/legacy-index-params";
export * from "./legacy/legacy-input-rules";
