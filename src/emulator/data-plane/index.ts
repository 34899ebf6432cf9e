/**
 * The Milvus data plane of zilliz-local: REST v2 (`/v2/vectordb/*`, Milvus 2.5 profile) and v1
 * (`/v1/vector/*`, Milvus 2.3.5 behaviour), with real import jobs reading JSON row files.
 * See docs/emulator-data-plane.md.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { TransitionKind, TransitionMode } from "../transition-mode";
import { checkCredentials } from "./access";
import type { ImportJobView } from "./imports";
import type { ObjectStoreOptions } from "./object-store";
import type { S3Credentials } from "./sigv4";
import { createPlane } from "./plane";

export { DataPlaneError } from "./errors";
export type { ObjectStoreOptions } from "./object-store";
export type { S3Credentials } from "./sigv4";

export interface DataPlaneOptions {
  /**
   * Accepts the superuser credentials of this data plane (API key, the cluster's own user): their calls skip
   * every privilege check. `token` is the Authorization value without "Bearer " (or the decoded "user:pass" of
   * Basic); undefined when missing. A token refused here may still sign in as a user of the plane (`users/create`,
   * not root) with `user:password`, whose calls are then checked against its roles (HTTP 403 when denied).
   */
  authenticate(token: string | undefined): boolean;
  /** Current transition mode for "load" | "index" | "import" (read at each transition). */
  transitionMode(kind: TransitionKind): TransitionMode;
  /** Called after every state change, so the owner can persist. */
  onChange?(): void;
  /** Directory that relative import paths (object keys) resolve under; default `$ZILLIZ_LOCAL_IMPORT_ROOT` or the working directory. */
  importRoot?: string;
  /** An S3-compatible server that `s3://` and `https://` import URLs are read from (see docs/emulator.md). Unset: they map under the import root. */
  objectStore?: ObjectStoreOptions;
}

/** A control-plane import request as the data plane takes it. */
export interface StartImportRequest {
  dbName?: string;
  collectionName: string;
  partitionName?: string;
  /** Object URLs, one file per unit (the legacy shape). */
  objectUrls: string[];
  /** Import units (each one file, or the NumPy files of one unit); when given, `objectUrls` is ignored. */
  units?: string[][];
  /** The keys the user gave for the bucket (empty access key = anonymous). */
  credentials?: S3Credentials;
}

/** Import job progress as the control plane reports it. */
export type ImportJobInfo = ImportJobView;

export interface DataPlane {
  /** node:http request listener for /v2/vectordb/* and /v1/vector/*; unknown path -> HTTP 404 text `404 page not found`; bad credentials -> HTTP 401 {"code":1800,...}; a signed-in user without the privilege -> HTTP 403 {"code":65535,...}. */
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Advances manual transitions (all kinds, or one kind / one object id: collection id or name, index name, job id). */
  advance(kind?: TransitionKind, id?: string): void;
  /** The whole state, JSON-serialisable. */
  snapshot(): unknown;
  /** Replaces the state with a snapshot. */
  restore(state: unknown): void;
  /** Back to a fresh plane (the `default` database, user `root`, roles `admin` and `public`). */
  reset(): void;
  /** Starts an import (used by the control-plane import endpoints). Throws DataPlaneError {code, message} when it cannot start (collection missing etc.). */
  startImport(req: StartImportRequest): { jobId: string };
  /** Import job progress, or undefined when unknown. */
  importJob(jobId: string): ImportJobInfo | undefined;
  /**
   * What Zilliz Cloud does with object URLs before it accepts a job (object-store URLs only): lists folder URLs
   * (`s3://bucket/dir/`) into their files and reads each object with the given keys. Resolves with the units to
   * import, or `denied` (the store refused the keys) or `empty` (a folder with nothing to import).
   */
  resolveObjectUnits?(units: string[][], credentials?: S3Credentials): Promise<{ units: string[][] } | { denied: string } | { empty: string }>;
}

/** Creates a data plane for one cluster. */
export function createDataPlane(options: DataPlaneOptions): DataPlane {
  return createPlane(options);
}

/** Self-hosted Milvus stand-in: one data plane alone on its own HTTP server (default auth root:Milvus, or no auth when authorization is off). */
export async function startMilvusStandIn(options: {
  port?: number;
  host?: string;
  /**
   * `user:password` of the superuser (default `root:Milvus`; root with its current password is one too);
   * other users created through `users/create` sign in and are checked. `false` turns authorization off.
   */
  credentials?: string | false;
  transitions?: Partial<Record<TransitionKind, TransitionMode>>;
  /** Directory relative import paths resolve under (see {@link DataPlaneOptions.importRoot}). */
  importRoot?: string;
  /** S3-compatible server for imports; with `bucket`, bare keys are read from it as Milvus reads its bucket. */
  objectStore?: ObjectStoreOptions;
} = {}): Promise<{ url: string; dataPlane: DataPlane; close(): Promise<void> }> {
  const credentials = options.credentials ?? "root:Milvus";
  const ownUser = (token: string | undefined) => {
    const name = token?.slice(0, Math.max(0, token.indexOf(":")));
    return name === "root" || (credentials !== false && name === credentials.slice(0, credentials.indexOf(":")));
  };
  const plane = createPlane({
    // The configured user (and root) bypass privilege checks; other users sign in through the plane and are checked.
    authenticate: (token) => credentials === false || (ownUser(token) && checkCredentials(plane.state(), token)),
    transitionMode: (kind) => options.transitions?.[kind] ?? { kind: "immediate" },
    importRoot: options.importRoot,
    objectStore: options.objectStore,
  });
  const seed = () => {
    if (credentials === false) return;
    const colon = credentials.indexOf(":");
    const user = credentials.slice(0, colon);
    plane.state().users[user] = { password: credentials.slice(colon + 1), roles: user === "root" ? ["admin"] : [] };
  };
  seed();
  const server = createServer((req, res) => plane.handle(req, res));
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const dataPlane: DataPlane = {
    ...plane,
    reset() {
      plane.reset();
      seed();
    },
  };
  return {
    url: `http://${host}:${port}`,
    dataPlane,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
