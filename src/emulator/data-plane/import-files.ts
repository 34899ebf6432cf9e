/**
 * Reads the files of an import job. A unit is one JSON, CSV or Parquet file, or a set of NumPy files (one per
 * field). Bytes come from an S3-compatible object store when one is configured (`s3://bucket/key`,
 * `https://host/bucket/key`, and bare keys when the data plane has its own bucket), else from `file://` URLs,
 * keys under the import root and remote URLs mapped to `<import root>/<host>/<path>`.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { decodeCsv, type CsvOptions } from "./import-csv";
import { decodeNpyUnit } from "./import-npy";
import { decodeParquet } from "./import-parquet";
import type { Decoded } from "./import-values";
import { AUTH_ERROR_CODES, getObject, objectAddress, type ObjectAddress, type ObjectStoreOptions } from "./object-store";
import type { S3Credentials } from "./sigv4";
import type { CollectionState } from "./state";

/** The outcome of reading one unit: rows and bytes read, or why it cannot be imported. */
export type FileRead = { rows: unknown[]; size: number } | { failure: string; denied?: boolean };

/** Extensions the real service accepts. */
export const KNOWN_EXTENSIONS = [".json", ".parquet", ".csv", ".npy"];

/** Where a job's files come from. */
export interface ImportSource {
  importRoot: string;
  objectStore?: ObjectStoreOptions;
  /** Keys for the object store; the data plane's own when undefined. */
  credentials?: S3Credentials;
  /** Whether bare keys are read from the object store's own bucket (Milvus `jobs/import/create`). */
  bareKeysInBucket: boolean;
}

type Fetched = { name: string; data: Buffer } | { failure: string; denied?: boolean };

/** Resolves an object URL or key to a local path, or explains why it cannot be read. */
export function resolveObject(url: string, importRoot: string): string | { failure: string } {
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(url)?.[1]?.toLowerCase();
  if (scheme === "file") {
    try {
      return fileURLToPath(url);
    } catch (error) {
      return { failure: `invalid file URL ${url}: ${(error as Error).message}` };
    }
  }
  if (scheme !== undefined) {
    // Without an object store, remote objects (s3://bucket/key, https://host/key, gs://…) are looked up
    // locally as <root>/<host>/<key>, so tests can stage "bucket" contents on disk.
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return { failure: `invalid object URL ${url}` };
    }
    return inside(importRoot, path.join(decodeURIComponent(parsed.host), decodeURIComponent(parsed.pathname)), url);
  }
  return inside(importRoot, url, url);
}

/** `<root>/<key>`, refusing keys that climb out of the root. */
function inside(importRoot: string, key: string, url: string): string | { failure: string } {
  const root = path.resolve(importRoot);
  const resolved = path.resolve(root, key.replace(/^\/+/, ""));
  if (resolved !== root && !resolved.startsWith(root + path.sep)) return { failure: `object key ${url} points outside the import root` };
  return resolved;
}

/** The object-store address of a URL when the object store serves it, else undefined (read locally). */
export function remoteAddress(url: string, source: Pick<ImportSource, "objectStore" | "bareKeysInBucket">): ObjectAddress | undefined {
  if (!source.objectStore) return undefined;
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(url)) return objectAddress(url);
  const bucket = source.objectStore.bucket;
  return source.bareKeysInBucket && bucket ? { bucket, key: url.replace(/^\/+/, "") } : undefined;
}

function fetchLocal(url: string, importRoot: string): Fetched {
  const resolved = resolveObject(url, importRoot);
  if (typeof resolved !== "string") return resolved;
  try {
    statSync(resolved);
    return { name: url, data: readFileSync(resolved) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { failure: code === "ENOENT" ? `failed to get file size of ${url}: the object does not exist` : `failed to read ${url}: ${code ?? "error"}` };
  }
}

async function fetchRemote(url: string, address: ObjectAddress, source: ImportSource): Promise<Fetched> {
  const store = source.objectStore!;
  const credentials = source.credentials ?? (store.accessKey ? { accessKey: store.accessKey, secretKey: store.secretKey ?? "" } : undefined);
  const read = await getObject(store, address, credentials);
  if (read.ok) return { name: url, data: read.data };
  return { failure: `failed to get file size of ${url}: ${read.code}: ${read.message}`, denied: AUTH_ERROR_CODES.includes(read.code) };
}

/** Fetches one file: synchronously from disk, as a promise from the object store. */
function fetchFile(url: string, source: ImportSource): Fetched | Promise<Fetched> {
  const address = remoteAddress(url, source);
  return address ? fetchRemote(url, address, source) : fetchLocal(url, source.importRoot);
}

/** The extension of a URL's path, lower case (query strings ignored). */
export function extensionOf(url: string): string {
  return path.posix.extname(url.split("?")[0]!).toLowerCase();
}

/**
 * Reads and decodes one unit for `coll`. Returns at once when everything is local and synchronous (JSON,
 * CSV and NumPy on disk), and a promise when an object must be fetched or Parquet decoded.
 */
export function readUnit(unit: string[], coll: CollectionState, source: ImportSource, csv: CsvOptions): FileRead | Promise<FileRead> {
  const fetched = unit.map((url) => fetchFile(url, source));
  if (fetched.some((f) => f instanceof Promise)) return Promise.all(fetched).then((files) => decodeUnit(unit, files, coll, csv));
  return decodeUnit(unit, fetched as Fetched[], coll, csv);
}

function decodeUnit(unit: string[], files: Fetched[], coll: CollectionState, csv: CsvOptions): FileRead | Promise<FileRead> {
  const failed = files.find((f): f is { failure: string; denied?: boolean } => "failure" in f);
  if (failed) return failed;
  const read = files as Array<{ name: string; data: Buffer }>;
  const size = read.reduce((sum, f) => sum + f.data.length, 0);
  const finish = (decoded: Decoded): FileRead => ("failure" in decoded ? decoded : { rows: decoded.rows, size });
  const ext = extensionOf(unit[0]!);
  if (ext === ".npy") return finish(decodeNpyUnit(read, coll));
  const file = read[0]!;
  if (ext === ".parquet") return decodeParquet(file.data, coll).then(finish);
  if (ext === ".csv") return finish(decodeCsv(file.data.toString("utf8"), coll, csv));
  return finish(decodeJson(file.name, file.data));
}

/** A JSON row file: `{"rows":[…]}` or a bare array of rows. */
function decodeJson(url: string, data: Buffer): Decoded {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data.toString("utf8").replace(/^\uFEFF/, ""));
  } catch (error) {
    return { failure: `failed to parse JSON file ${url}: ${(error as Error).message}` };
  }
  const rows = Array.isArray(parsed) ? parsed : (parsed as { rows?: unknown } | null)?.rows;
  if (!Array.isArray(rows)) return { failure: `invalid JSON format in ${url}: expected {"rows":[...]} or an array of rows` };
  return { rows: rows as Record<string, unknown>[] };
}

