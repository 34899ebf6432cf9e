/** The v2 control-plane client a resource's run-time operation uses: the provider's API key and URL. */
import { ZillizClient } from "../../client";
import { requireApiKey } from "./provider-config";
import type { RuntimeContext } from "./runtime-context";

/** A v2 client with the stack's credentials (`zilliz:apiKey`, `zilliz:cloudApiUrl`, or their env fallbacks). */
export function cloudClient(ctx: RuntimeContext, regionId?: string): ZillizClient {
  return new ZillizClient({ apiKey: requireApiKey(ctx.config), baseUrl: ctx.config.cloudApiUrl, regionId });
}

/** A Zilliz Cloud cluster id (`in01-…`, `in03-…`, `in05-…`), as `check` accepts it. */
export const CLUSTER_ID_PATTERN = /^in\d{2}-[0-9a-z]+$/;
