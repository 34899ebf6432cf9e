/**
 * The one writer of the real envelope and statuses: success `{code: 0|200, data}`, business errors as HTTP 200
 * with a code, bad keys as HTTP 401, unknown paths as gin's plain-text 404.
 */
import type { ServerResponse } from "node:http";
import { EmulatorError, ERROR_TABLE, type WireError } from "./errors";
import { newRequestId } from "./ids";

/** Which control-plane API version a route belongs to: decides the success code and the error codes. */
export type ApiVersion = "v1" | "v2";

function writeJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    requestid: newRequestId(),
    ...headers,
  });
  res.end(text);
}

/** `{code: 0, data}` for v2, `{code: 200, data}` for v1. */
export function renderData(res: ServerResponse, version: ApiVersion, data: unknown): void {
  writeJson(res, 200, { code: version === "v1" ? 200 : 0, data });
}

/** A business error: HTTP 200 and the version's code, no `data`. */
export function renderError(res: ServerResponse, version: ApiVersion, error: EmulatorError): void {
  writeJson(res, 200, error.wire(version));
}

/** A bad or missing API key: HTTP 401 with 21119 (v2) or 80001 (v1). */
export function renderUnauthorized(res: ServerResponse, version: ApiVersion): void {
  writeJson(res, 401, ERROR_TABLE.invalidApiKey[version]);
}

/** An arbitrary status and body (faults, rate limit, control endpoints). */
export function renderRaw(res: ServerResponse, status: number, body: WireError | Record<string, unknown>, headers?: Record<string, string>): void {
  writeJson(res, status, body, headers);
}

/** The real gateway's answer to a path it does not route. */
export function renderNotFound(res: ServerResponse): void {
  const text = "404 page not found";
  res.writeHead(404, { "content-type": "text/plain", "content-length": Buffer.byteLength(text) });
  res.end(text);
}
