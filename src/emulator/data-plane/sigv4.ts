/**
 * AWS Signature Version 4 for the S3 requests an import makes (GET of one object), on `node:crypto` only.
 * The emulator signs exactly as an S3 client does so that a real S3-compatible server checks the
 * credentials a user gave in the import request.
 */
import { createHash, createHmac } from "node:crypto";

/** Access key, secret key and an optional STS session token. */
export interface S3Credentials {
  accessKey: string;
  secretKey: string;
  sessionToken?: string;
}

/** What is signed: method, the parsed URL and the region of the credential scope. */
export interface SignRequest {
  method: string;
  url: URL;
  region: string;
  /** Extra headers to send and sign (lower-case names), e.g. `range`. */
  headers?: Record<string, string>;
  /** Clock override for tests. */
  now?: Date;
}

/** The SHA-256 of an empty body, which every GET carries. */
const EMPTY_SHA256 = createHash("sha256").update("").digest("hex");

/** The headers to send with the request: the given ones plus `host`, `x-amz-date`, `x-amz-content-sha256`, `authorization`. */
export function signRequest(request: SignRequest, credentials: S3Credentials): Record<string, string> {
  const stamp = (request.now ?? new Date()).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
  const day = stamp.slice(0, 8);
  const headers: Record<string, string> = {
    ...request.headers,
    host: request.url.host,
    "x-amz-content-sha256": EMPTY_SHA256,
    "x-amz-date": stamp,
  };
  if (credentials.sessionToken) headers["x-amz-security-token"] = credentials.sessionToken;
  const names = Object.keys(headers).map((n) => n.toLowerCase()).sort();
  const canonicalHeaders = names.map((n) => `${n}:${String(headers[n]).trim().replace(/\s+/g, " ")}\n`).join("");
  const signedHeaders = names.join(";");
  const canonicalRequest = [
    request.method,
    canonicalPath(request.url.pathname),
    canonicalQuery(request.url.searchParams),
    canonicalHeaders,
    signedHeaders,
    EMPTY_SHA256,
  ].join("\n");
  const scope = `${day}/${request.region}/s3/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", stamp, scope, sha256(canonicalRequest)].join("\n");
  let key: Buffer = hmac(`AWS4${credentials.secretKey}`, day);
  for (const part of [request.region, "s3", "aws4_request"]) key = hmac(key, part);
  const signature = createHmac("sha256", key).update(stringToSign).digest("hex");
  headers.authorization = `AWS4-HMAC-SHA256 Credential=${credentials.accessKey}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return headers;
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac("sha256", key).update(data).digest();
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** RFC 3986 encoding of one segment, the way S3 wants it: everything but unreserved characters is escaped. */
export function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** S3 signs the path encoded once, segment by segment (the URL's own escapes are undone first). */
function canonicalPath(pathname: string): string {
  return pathname
    .split("/")
    .map((segment) => uriEncode(decodeURIComponent(segment)))
    .join("/");
}

function canonicalQuery(params: URLSearchParams): string {
  return [...params]
    .map(([k, v]) => [uriEncode(k), uriEncode(v)])
    .sort(([a, x], [b, y]) => (a === b ? (x! < y! ? -1 : 1) : a! < b! ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
}
