/**
 * How a legacy resource reaches its Milvus 0.x web server: the `endpoint` input, else the stack config
 * `zilliz:legacyEndpoint` (env `MILVUS_LEGACY_ENDPOINT`). Shared by the four legacy resources.
 */
import { z } from "zod";
import { LegacyMilvusClient, ZillizError } from "../../client";
import { canonicalEndpoint } from "../shared/data-plane-target";
import type { RuntimeContext } from "../shared/runtime-context";
import { input } from "../shared/spec";

/** The connection input of every legacy resource. */
export const legacyTarget = {
  /**
   * The Milvus 0.x web server (its REST port, 19121 by default). Default: the stack config
   * `zilliz:legacyEndpoint`, else the environment variable `MILVUS_LEGACY_ENDPOINT`. Changing it replaces
   * the object (it is another server); moving the config value does not plan anything.
   * @example "http://milvus-old.internal:19121"
   */
  endpoint: input(z.url({ protocol: /^https?$/, message: "endpoint must be an http(s) URL such as http://milvus-old:19121" }).optional(), { change: "replace", canonical: canonicalEndpoint }),
};

/** The endpoint a resource uses: its own, else the provider's, else a clear error naming both. */
export function legacyEndpointOf(ctx: RuntimeContext, p: { endpoint?: unknown }): string {
  const url = typeof p.endpoint === "string" ? p.endpoint : ctx.config.legacyEndpoint;
  if (!url) {
    throw new Error("no Milvus 0.x endpoint: set `endpoint` on the resource, the stack config `pulumi config set zilliz:legacyEndpoint http://<host>:19121`, or MILVUS_LEGACY_ENDPOINT in the environment");
  }
  return String(canonicalEndpoint(url));
}

/** A client for the resource's server. */
export function legacyClient(ctx: RuntimeContext, p: { endpoint?: unknown }): LegacyMilvusClient {
  return new LegacyMilvusClient({ endpoint: legacyEndpointOf(ctx, p) });
}

/**
 * Checks, before the first change, that the endpoint is a Milvus 0.x web server: `/state` must answer the
 * 0.x `{"code":0,…}` and `/system/version` a 0.x version. Anything else (a Milvus 2.x, a proxy's page, a
 * closed port) fails with one sentence saying what the endpoint is not.
 */
export async function requireLegacyServer(client: LegacyMilvusClient, endpoint: string): Promise<void> {
  let version: string;
  try {
    await client.state();
    version = await client.version();
  } catch (e) {
    const why = ZillizError.isZillizError(e) && e.kind === "connection" ? "it does not answer" : `GET /state or /system/version did not answer as a 0.x server does (${e instanceof Error ? e.message : String(e)})`;
    throw new Error(`${endpoint} is not a Milvus 0.x web server: ${why}. Legacy resources need the 0.x REST port (19121 by default); a Milvus 2.x takes Collection, not LegacyCollection.`);
  }
  if (!/^0\./.test(version)) {
    throw new Error(`${endpoint} is not a Milvus 0.x web server: it reports version ${version}. Use Collection and CollectionIndex for Milvus 2.x.`);
  }
}
