/**
 * The contract between the control plane and a cluster's data plane (implemented in `./data-plane`), restated
 * here as types so the control plane can be built and tested against any implementation of it.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { TransitionKind, TransitionMode } from "./transition-mode";

/** What the owner tells a data plane. */
export interface DataPlaneOptions {
  /** Decides whether a request may use this data plane (API key or `user:password`). */
  authenticate(token: string | undefined): boolean;
  /** Current transition mode for "load" | "index" | "import". */
  transitionMode(kind: TransitionKind): TransitionMode;
  /** Called after every state change, so the owner can persist. */
  onChange?(): void;
  /** Directory that relative import paths resolve under (the data plane's default when omitted). */
  importRoot?: string;
}

/** An import job as the data plane reports it. */
export interface DataPlaneImportJob {
  jobId: string;
  collectionName: string;
  state: "Pending" | "Importing" | "Completed" | "Failed";
  progress: number;
  importedRows: number;
  totalRows: number;
  reason: string;
  completeTime: string;
  fileName: string;
  fileSize: number;
}

/** One cluster's data plane. */
export interface DataPlane {
  handle(req: IncomingMessage, res: ServerResponse): void;
  advance(kind?: TransitionKind, id?: string): void;
  snapshot(): unknown;
  restore(state: unknown): void;
  reset(): void;
  startImport(req: { dbName?: string; collectionName: string; partitionName?: string; objectUrls: string[] }): { jobId: string };
  importJob(jobId: string): DataPlaneImportJob | undefined;
}

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
