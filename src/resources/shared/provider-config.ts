/**
 * Credentials and endpoints a provider process uses, from the stack config `configure()` received, then
 * the environment. Nothing here is ever written into state or into `__provider`.
 */

/** The subset of the engine's `dynamic.Config` that the runtime reads. */
export interface ConfigSource {
  get(key: string): string | undefined;
}

/** What `configure()` stored: plain values, read once per provider process. */
export interface ProviderConfig {
  apiKey?: string;
  cloudApiUrl?: string;
  /** `zilliz:allowDataLoss`: lets this run drop collections that hold entities. */
  allowDataLoss?: boolean;
  /** `zilliz:legacyEndpoint`: the Milvus 0.x web server (port 19121) legacy resources use when they name none. */
  legacyEndpoint?: string;
}

/**
 * Reads `zilliz:apiKey`, `zilliz:cloudApiUrl`, `zilliz:allowDataLoss` and `zilliz:legacyEndpoint` from the
 * stack config, with env fallbacks (`MILVUS_LEGACY_ENDPOINT` for the legacy endpoint).
 */
export function readProviderConfig(config: ConfigSource | undefined, env: NodeJS.ProcessEnv = process.env): ProviderConfig {
  const get = (key: string): string | undefined => {
    try {
      const v = config?.get(key);
      return v === undefined || v === "" ? undefined : v;
    } catch {
      return undefined;
    }
  };
  return {
    apiKey: get("zilliz:apiKey") ?? nonEmpty(env.ZILLIZ_API_KEY) ?? nonEmpty(env.ZILLIZCLOUD_API_KEY),
    cloudApiUrl: get("zilliz:cloudApiUrl") ?? nonEmpty(env.ZILLIZ_CLOUD_API_URL),
    allowDataLoss: get("zilliz:allowDataLoss") === "true",
    legacyEndpoint: get("zilliz:legacyEndpoint") ?? nonEmpty(env.MILVUS_LEGACY_ENDPOINT),
  };
}

function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v === "" ? undefined : v;
}

/** The API key or a clear error that names where it can come from (and never contains a key). */
export function requireApiKey(cfg: ProviderConfig, explicit?: string): string {
  const key = explicit ?? cfg.apiKey;
  if (!key) {
    throw new Error(
      "no Zilliz Cloud API key: set the stack config `pulumi config set --secret zilliz:apiKey <key>`, or ZILLIZ_API_KEY / ZILLIZCLOUD_API_KEY in the environment",
    );
  }
  return key;
}
