/**
 * The contract between the control plane and a cluster's data plane (implemented in `./data-plane`), named
 * here as types so the control plane can be built and tested against any implementation of it.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

// Type-only: erased at run time, so the data plane module is still loaded lazily and a test may pass
// any implementation of the same shape.
export type { DataPlane, DataPlaneOptions, ImportJobInfo as DataPlaneImportJob, ObjectStoreOptions, S3Credentials } from "./data-plane";
import type { DataPlane, DataPlaneOptions } from "./data-plane";

/** Builds a data plane (the default is `createDataPlane` from `./data-plane`). */
export type DataPlaneFactory = (options: DataPlaneOptions) => DataPlane;

/** The legacy 0.x API served on its own port. */
export interface LegacyApi {
  handle(req: IncomingMessage, res: ServerResponse): void;
  snapshot(): unknown;
  restore(state: unknown): void;
  reset(): void;
}

/** Reads `{code, message}` off a DataPlaneError without depending on its class (structural check, not text). */
export function dataPlaneErrorCode(error: unknown): { code: number; message: string } | undefined {
  const code: unknown = error instanceof Error ? Reflect.get(error, "code") : undefined;
  if (error instanceof Error && typeof code === "number") return { code, message: error.message };
  return undefined;
}
