/**
 * Reads the files of an import job. The emulator reads JSON row files (`{"rows":[…]}` or a bare array)
 * from `file://` URLs, from object keys under its import root, and from remote URLs mapped to
 * `<import root>/<host>/<path>`; other formats fail the job with a reason that says so.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The outcome of reading one file: rows and size, or why it cannot be imported. */
export type FileRead = { rows: unknown[]; size: number } | { failure: string };

/** Extensions the real service accepts; only `.json` is implemented by the emulator. */
export const KNOWN_EXTENSIONS = [".json", ".parquet", ".csv", ".npy"];

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
    // Remote objects (s3://bucket/key, https://host/key, gs://…) are looked up locally as <root>/<host>/<key>,
    // so tests can stage "bucket" contents on disk; a missing one fails like a missing object.
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

/** Reads a JSON row file. */
export function readRows(url: string, importRoot: string): FileRead {
  const resolved = resolveObject(url, importRoot);
  if (typeof resolved !== "string") return resolved;
  const ext = path.extname(resolved).toLowerCase();
  if (ext !== ".json") {
    return { failure: `the emulator does not support ${ext || "extension-less"} files (${url}); only JSON row files (.json) can be imported locally` };
  }
  let text: string;
  let size: number;
  try {
    size = statSync(resolved).size;
    text = readFileSync(resolved, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { failure: code === "ENOENT" ? `failed to get file size of ${url}: the object does not exist` : `failed to read ${url}: ${code ?? "error"}` };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { failure: `failed to parse JSON file ${url}: ${(error as Error).message}` };
  }
  const rows = Array.isArray(parsed) ? parsed : (parsed as { rows?: unknown } | null)?.rows;
  if (!Array.isArray(rows)) return { failure: `invalid JSON format in ${url}: expected {"rows":[...]} or an array of rows` };
  return { rows, size };
}
