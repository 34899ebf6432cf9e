/**
 * Where stacks keep their state: a backend URL (`file://…` or `s3://bucket?…`) checked and written in one
 * canonical form before the engine sees it, plus the environment variables a workspace needs for it.
 *
 * Why check here at all: the Pulumi CLI (v3.248.0, gocloud.dev v0.46 with the AWS SDK v2) reports a bad
 * S3 URL only when it first talks to the store, often as a DNS, TLS or "unknown query parameter" error that
 * does not say which part of the URL is wrong. The rules below are the ones observed against that CLI and
 * a real S3-compatible server (docs/state-backends.md).
 */
import { homedir } from "node:os";
import path from "node:path";

/** A backend URL that cannot be used; the message names the part at fault and the fix. */
export class BackendUrlError extends Error {
  constructor(
    readonly url: string,
    readonly problem: string,
  ) {
    super(`invalid state backend URL ${JSON.stringify(url)}: ${problem}`);
    this.name = "BackendUrlError";
  }
}

/** Keys for an S3-compatible store, passed to the engine as the standard AWS variables. */
export interface BackendCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** Inputs besides the URL. */
export interface BackendUrlOptions {
  /** Folder a relative `file://` path is resolved against (default: `process.cwd()`). */
  cwd?: string;
  /** The environment the engine will inherit (default: `process.env`); read for AWS region and credentials. */
  env?: Record<string, string | undefined>;
  /** Keys to hand to the engine; without them it uses whatever the environment or `~/.aws` provides. */
  credentials?: BackendCredentials;
}

/** A checked backend. */
export interface ResolvedBackend {
  kind: "file" | "s3";
  /** The canonical URL: pass it as `PULUMI_BACKEND_URL` (it is also in `env`). */
  url: string;
  /** Variables to add to the workspace's environment. */
  env: Record<string, string>;
  /** Things that work but are likely mistakes (e.g. an ignored `awssdk=v1`). */
  warnings: string[];
  /** `file://`: the absolute state folder (it must exist before the engine opens it). */
  directory?: string;
  /** `s3://`: the bucket (it must exist: the engine does not create it). */
  bucket?: string;
  /** `s3://`: the key prefix the state lives under (`""` for the bucket root); `.pulumi/` sits below it. */
  prefix?: string;
  /** `s3://`: the endpoint with its scheme, when not AWS itself. */
  endpoint?: string;
}

// Query parameters the CLI's s3 driver understands (gocloud.dev v0.46 s3blob + aws.V2ConfigFromURLParams);
// `disableSSL` is the SDK v1 name that the CLI itself rewrites to `disable_https`. Anything else is refused
// by the driver with `unknown query parameter`.
const S3_PARAMS = new Set([
  "region", "endpoint", "profile", "role", "anonymous", "hostname_immutable", "dualstack", "fips",
  "rate_limiter_capacity", "request_checksum_calculation", "response_checksum_validation", "awssdk",
  "ssetype", "kmskeyid", "accelerate", "use_path_style", "s3ForcePathStyle", "disable_https", "disableSSL",
]);
const BOOLEAN_PARAMS = ["anonymous", "hostname_immutable", "dualstack", "fips", "accelerate", "use_path_style", "s3ForcePathStyle", "disable_https", "disableSSL"];
// The forms Go's strconv.ParseBool accepts: the driver fails on anything else.
const GO_TRUE = new Set(["1", "t", "T", "TRUE", "true", "True"]);
const GO_FALSE = new Set(["0", "f", "F", "FALSE", "false", "False"]);
const FILE_PARAMS = new Set(["no_tmp_dir", "create_dir", "dir_file_mode", "metadata", "base_url", "secret_key_path"]);
// S3 bucket naming rules (3–63 characters, lowercase letters, digits, dots and hyphens, alphanumeric ends).
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * Checks a backend URL and returns it in canonical form with the environment the engine needs.
 * Throws {@link BackendUrlError} naming the problem (missing bucket, a plain-HTTP endpoint without a
 * scheme or `disableSSL=true`, an IP endpoint without path-style addressing, an unknown parameter, …).
 */
export function resolveBackendUrl(raw: string, options: BackendUrlOptions = {}): ResolvedBackend {
  const url = raw.trim();
  if (url === "") throw new BackendUrlError(raw, "it is empty");
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(url)?.[1];
  if (scheme === "file") return resolveFile(url, options);
  if (scheme === "s3") return resolveS3(url, options);
  throw new BackendUrlError(
    raw,
    scheme
      ? `the scheme ${scheme}:// is not supported here: use file:///absolute/folder or s3://bucket?… (see docs/state-backends.md)`
      : "it has no scheme: write file:///absolute/folder or s3://bucket?…",
  );
}

function splitQuery(raw: string, rest: string): { body: string; query: URLSearchParams } {
  const at = rest.indexOf("?");
  const body = at < 0 ? rest : rest.slice(0, at);
  const query = new URLSearchParams(at < 0 ? "" : rest.slice(at + 1));
  const seen = new Set<string>();
  for (const key of query.keys()) {
    // The driver reads the first value of a repeated key while the CLI's disableSSL rewrite reads the last.
    if (seen.has(key)) throw new BackendUrlError(raw, `the parameter "${key}" appears more than once`);
    seen.add(key);
  }
  return { body, query };
}

function resolveFile(raw: string, options: BackendUrlOptions): ResolvedBackend {
  const { body, query } = splitQuery(raw, raw.trim().slice("file://".length));
  for (const key of query.keys()) {
    if (!FILE_PARAMS.has(key)) throw new BackendUrlError(raw, `unknown parameter "${key}" for file:// (known: ${[...FILE_PARAMS].join(", ")})`);
  }
  let folder = decodeURIComponent(body);
  if (folder === "") throw new BackendUrlError(raw, "it names no folder: write file:///absolute/folder or file://~/folder");
  // The CLI expands `~` itself; doing it here too gives callers the real folder to create.
  if (folder === "~" || folder.startsWith("~/")) folder = path.join(homedir(), folder.slice(1));
  const directory = path.resolve(options.cwd ?? process.cwd(), folder);
  const q = query.toString();
  const url = `file://${directory}${q ? `?${q}` : ""}`;
  return { kind: "file", url, env: { PULUMI_BACKEND_URL: url }, warnings: [], directory };
}

function parseBool(raw: string, query: URLSearchParams, key: string): boolean | undefined {
  const value = query.get(key);
  if (value === null) return undefined;
  if (GO_TRUE.has(value)) return true;
  if (GO_FALSE.has(value)) return false;
  throw new BackendUrlError(raw, `"${key}=${value}" is not a boolean (write true or false)`);
}

/** The one value of two spellings of a flag (v1 and v2 names); they must not disagree. */
function eitherBool(raw: string, query: URLSearchParams, a: string, b: string): boolean | undefined {
  const first = parseBool(raw, query, a);
  const second = parseBool(raw, query, b);
  if (first !== undefined && second !== undefined && first !== second) {
    throw new BackendUrlError(raw, `"${a}" and "${b}" are the same setting and disagree`);
  }
  return first ?? second;
}

function isLocalHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, "");
  return bare === "localhost" || /^\d{1,3}(\.\d{1,3}){3}$/.test(bare) || bare.includes(":");
}

function resolveS3(raw: string, options: BackendUrlOptions): ResolvedBackend {
  const { body, query } = splitQuery(raw, raw.trim().slice("s3://".length));
  const slash = body.indexOf("/");
  const bucket = slash < 0 ? body : body.slice(0, slash);
  const prefix = (slash < 0 ? "" : body.slice(slash + 1)).replace(/^\/+|\/+$/g, "");
  if (bucket === "") throw new BackendUrlError(raw, "it names no bucket: write s3://<bucket>[/prefix]?…");
  if (bucket.includes("@")) throw new BackendUrlError(raw, "keys do not belong in the URL: pass them as AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY");
  if (!BUCKET.test(bucket)) {
    throw new BackendUrlError(raw, `"${bucket}" is not a valid bucket name (3-63 lowercase letters, digits, dots or hyphens, starting and ending with a letter or digit)`);
  }
  for (const key of query.keys()) {
    if (!S3_PARAMS.has(key)) {
      throw new BackendUrlError(raw, `unknown parameter "${key}": the CLI's S3 driver refuses it (known: ${[...S3_PARAMS].join(", ")})`);
    }
  }
  for (const key of BOOLEAN_PARAMS) parseBool(raw, query, key);
  const warnings: string[] = [];
  const env: Record<string, string | undefined> = options.env ?? process.env;

  const plainHttp = eitherBool(raw, query, "disable_https", "disableSSL");
  const pathStyle = eitherBool(raw, query, "use_path_style", "s3ForcePathStyle");
  const awssdk = query.get("awssdk");
  if (awssdk !== null) {
    if (awssdk !== "v1" && awssdk !== "v2") throw new BackendUrlError(raw, `"awssdk=${awssdk}" must be v1 or v2`);
    // gocloud.dev v0.46 has only the AWS SDK v2: the parameter is read and ignored.
    if (awssdk === "v1") warnings.push("awssdk=v1 is ignored: this Pulumi CLI only has the AWS SDK v2 (the parameter is dropped)");
  }

  let endpoint: string | undefined;
  const given = query.get("endpoint");
  if (given !== null) {
    if (given === "") throw new BackendUrlError(raw, "endpoint is empty");
    const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(given)?.[1]?.toLowerCase();
    if (scheme === undefined) {
      // The CLI gives a bare host:port https:// unless disableSSL/disable_https is true; a plain-HTTP server
      // then fails with "tls: first record does not look like a TLS handshake". Make the choice explicit.
      if (plainHttp === undefined) {
        throw new BackendUrlError(
          raw,
          `endpoint "${given}" has no scheme and disableSSL is not set, so the CLI would use https://${given}: for a plain-HTTP server (MinIO, moto) write endpoint=http://${given} or add disableSSL=true; for TLS write endpoint=https://${given}`,
        );
      }
      endpoint = `${plainHttp ? "http" : "https"}://${given}`;
    } else if (scheme === "http" || scheme === "https") {
      if (scheme === "http" && plainHttp === false) throw new BackendUrlError(raw, `endpoint "${given}" is plain HTTP but disableSSL/disable_https is false`);
      if (scheme === "https" && plainHttp === true) throw new BackendUrlError(raw, `endpoint "${given}" is HTTPS but disableSSL/disable_https is true`);
      endpoint = given;
    } else {
      throw new BackendUrlError(raw, `endpoint "${given}" must be http:// or https://`);
    }
    let host: string;
    try {
      host = new URL(endpoint).hostname;
    } catch {
      throw new BackendUrlError(raw, `endpoint "${given}" is not a valid host[:port] or URL`);
    }
    if (host === "") throw new BackendUrlError(raw, `endpoint "${given}" names no host`);
    if (pathStyle !== true) {
      // Virtual-hosted addressing puts the bucket in the host name (`bucket.127.0.0.1`), which cannot resolve.
      if (isLocalHost(host)) {
        throw new BackendUrlError(raw, `endpoint host "${host}" needs path-style addressing: add s3ForcePathStyle=true (or use_path_style=true)`);
      }
      warnings.push(`no s3ForcePathStyle=true: requests go to ${bucket}.${host}, which most self-hosted stores (MinIO) do not answer`);
    }
  } else if (plainHttp === true) {
    throw new BackendUrlError(raw, "disableSSL/disable_https needs an endpoint: AWS S3 itself is only reached over HTTPS");
  }

  const region = query.get("region") ?? undefined;
  if (region === "") throw new BackendUrlError(raw, "region is empty");
  if (region === undefined && !env.AWS_REGION && !env.AWS_DEFAULT_REGION && !query.has("profile") && !env.AWS_PROFILE) {
    throw new BackendUrlError(raw, "no region: add region=<name> (us-east-1 for MinIO and moto) or set AWS_REGION");
  }

  // Canonical order and v2 names: region, endpoint (with scheme), use_path_style, disable_https, the rest.
  const out = new URLSearchParams();
  if (region !== undefined) out.set("region", region);
  if (endpoint !== undefined) out.set("endpoint", endpoint);
  if (pathStyle !== undefined) out.set("use_path_style", String(pathStyle));
  if (plainHttp !== undefined) out.set("disable_https", String(plainHttp));
  const handled = new Set(["region", "endpoint", "use_path_style", "s3ForcePathStyle", "disable_https", "disableSSL", "awssdk"]);
  for (const key of [...query.keys()].filter((k) => !handled.has(k)).sort()) out.set(key, query.get(key)!);
  const q = out.toString();
  const url = `s3://${bucket}${prefix ? `/${prefix}` : ""}${q ? `?${q}` : ""}`;

  const resultEnv: Record<string, string> = { PULUMI_BACKEND_URL: url };
  // A self-hosted store has no instance metadata service; without this a missing key makes the SDK probe
  // 169.254.169.254 (off loopback) before it fails.
  if (endpoint !== undefined) resultEnv.AWS_EC2_METADATA_DISABLED = "true";
  if (region !== undefined) resultEnv.AWS_REGION = region;
  if (options.credentials) {
    resultEnv.AWS_ACCESS_KEY_ID = options.credentials.accessKeyId;
    resultEnv.AWS_SECRET_ACCESS_KEY = options.credentials.secretAccessKey;
    if (options.credentials.sessionToken) resultEnv.AWS_SESSION_TOKEN = options.credentials.sessionToken;
  } else if (endpoint !== undefined && !env.AWS_ACCESS_KEY_ID && !env.AWS_PROFILE && !query.has("profile") && parseBool(raw, query, "anonymous") !== true) {
    warnings.push("no AWS_ACCESS_KEY_ID, AWS_PROFILE or profile= is set: the engine will only find keys in ~/.aws/credentials");
  }
  return { kind: "s3", url, env: resultEnv, warnings, bucket, prefix, endpoint };
}
