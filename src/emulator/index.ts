/**
 * `pulumi-zilliz/emulator`: zilliz-local, a local stand-in for the Zilliz Cloud control plane (v2 and v1),
 * one Milvus REST data plane per cluster, and the legacy Milvus 0.x API. See docs/emulator.md.
 */
export { startEmulator, type EmulatorOptions, type RunningEmulator } from "./server";
export type { EmulatorControl } from "./control/control-routes";
export type { FaultSpec, FaultKind } from "./control/faults";
export type { RateLimitSettings } from "./control/rate-limit";
export type { CallEntry } from "./control/call-log";
export type { DataPlane, DataPlaneFactory, DataPlaneOptions, DataPlaneImportJob, LegacyApi, ObjectStoreOptions, S3Credentials } from "./data-plane-port";
export { parseTransitionMode, formatTransitionMode, type TransitionKind, type TransitionMode } from "./transition-mode";
export { ERROR_TABLE, type ErrorKind, type WireError } from "./errors";
