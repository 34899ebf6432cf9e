/**
 * Reads import objects from an S3-compatible object store (AWS S3, MinIO, moto…), as Zilliz Cloud reads the
 * user's bucket and Milvus reads its own. Requests are path-style GETs to the configured endpoint, signed
 * with SigV4 when credentials are given and sent unsigned (anonymous, a public bucket) when they are not.
 */
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { signRequest, uriEncode, type S3Credentials } from "./sigv4";

/** Where remote import URLs are read from. */
export interface ObjectStoreOptions {
  /** Base URL of the S3-compatible server, e.g. `http://127.0.0.1:9000`. */
  endpoint: string;
  /** Region of the signature scope (default `us-east-1`). */
  region?: string;
  /** Credentials the data plane uses for its own imports (Milvus `jobs/import/create`); the control plane sends the request's keys. */
  accessKey?: string;
  secretKey?: string;
  /**
   * The data plane's own bucket: bare keys in a Milvus `jobs/import/create` are read from it, as Milvus reads
   * keys relative to its bucket. Unset: bare keys stay under the import root.
   */
  bucket?: string;
}

/** A bucket and key named by an import URL. */
export interface ObjectAddress {
  bucket: string;
  key: string;
}

/** An object's bytes, or the S3 error that refused it. */
export type ObjectRead =
  | { ok: true; data: Buffer }
  | { ok: false; status: number; code: string; message: string };

/** S3 error codes that mean the credentials were refused (as opposed to a missing object). */
export const AUTH_ERROR_CODES = ["AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch", "InvalidToken", "ExpiredToken", "AllAccessDisabled"];

/**
 * The bucket and key of `s3://bucket/key` (also `s3a://`), `https://<bucket>.s3.<region>.amazonaws.com/key`
 * (virtual-hosted) and `https://host/bucket/key` (path-style, any host); undefined for other URLs.
 */
export function objectAddress(url: string): ObjectAddress | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const pathKey = decodeURIComponent(parsed.pathname.replace(/^\/+/, ""));
  if (parsed.protocol === "s3:" || parsed.protocol === "s3a:") {
    return parsed.hostname && pathKey ? { bucket: parsed.hostname, key: pathKey } : undefined;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return undefined;
  const virtual = /^(.+)\.s3[.-]([a-z0-9-]+\.)?amazonaws\.com$/.exec(parsed.hostname);
  if (virtual) return pathKey ? { bucket: virtual[1]!, key: pathKey } : undefined;
  const slash = pathKey.indexOf("/");
  if (slash <= 0 || slash === pathKey.length - 1) return undefined;
  return { bucket: pathKey.slice(0, slash), key: pathKey.slice(slash + 1) };
}

/** GETs one object (or the part `range` names, e.g. `bytes=0-0`); network failures come back as status 0. */
export function getObject(store: ObjectStoreOptions, address: ObjectAddress, credentials?: S3Credentials, range?: string): Promise<ObjectRead> {
  const base = new URL(store.endpoint);
  const prefix = base.pathname.replace(/\/+$/, "");
  const url = new URL(`${base.protocol}//${base.host}${prefix}/${uriEncode(address.bucket)}/${address.key.split("/").map(uriEncode).join("/")}`);
  return signedGet(store, url, credentials, range);
}

/** The keys under `prefix` (ListObjectsV2, all pages up to 10,000 keys), or the S3 error. */
export async function listKeys(
  store: ObjectStoreOptions,
  bucket: string,
  prefix: string,
  credentials?: S3Credentials,
): Promise<{ ok: true; keys: string[] } | { ok: false; status: number; code: string; message: string }> {
  const base = new URL(store.endpoint);
  const root = base.pathname.replace(/\/+$/, "");
  const keys: string[] = [];
  let token: string | undefined;
  for (let page = 0; page < 10; page++) {
    const url = new URL(`${base.protocol}//${base.host}${root}/${uriEncode(bucket)}`);
    url.searchParams.set("list-type", "2");
    url.searchParams.set("prefix", prefix);
    if (token) url.searchParams.set("continuation-token", token);
    const read = await signedGet(store, url, credentials);
    if (!read.ok) return read;
    const xml = read.data.toString("utf8");
    for (const match of xml.matchAll(/<Key>([^<]*)<\/Key>/g)) keys.push(unescapeXml(match[1]!));
    token = /<NextContinuationToken>([^<]*)<\/NextContinuationToken>/.exec(xml)?.[1];
    if (!token || !/<IsTruncated>true<\/IsTruncated>/.test(xml)) break;
    token = unescapeXml(token);
  }
  return { ok: true, keys };
}

async function signedGet(store: ObjectStoreOptions, url: URL, credentials?: S3Credentials, range?: string): Promise<ObjectRead> {
  const extra: Record<string, string> = range ? { range } : {};
  const headers: Record<string, string> = credentials && credentials.accessKey
    ? signRequest({ method: "GET", url, region: store.region ?? "us-east-1", headers: extra }, credentials)
    : { ...extra, host: url.host };
  let response: { status: number; body: Buffer };
  try {
    response = await send(url, headers);
  } catch (error) {
    return { ok: false, status: 0, code: "RequestError", message: `${(error as Error).message} (endpoint ${store.endpoint})` };
  }
  if (response.status >= 200 && response.status < 300) return { ok: true, data: response.body };
  const text = response.body.toString("utf8");
  const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1] ?? `HTTP${response.status}`;
  const message = /<Message>([^<]*)<\/Message>/.exec(text)?.[1] ?? `status code ${response.status}`;
  return { ok: false, status: response.status, code, message: unescapeXml(message) };
}

function send(url: URL, headers: Record<string, string>): Promise<{ status: number; body: Buffer }> {
  const request = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "GET", headers, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error("timed out")));
    req.on("error", reject);
    req.end();
  });
}

function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}
