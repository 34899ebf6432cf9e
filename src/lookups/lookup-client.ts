/**
 * The control-plane client a lookup uses. Credentials come, in order, from the lookup's own options, the
 * stack config (`zilliz:apiKey`, `zilliz:cloudApiUrl`, as the resources read them) and the environment
 * (`ZILLIZ_API_KEY` / `ZILLIZCLOUD_API_KEY`, `ZILLIZ_CLOUD_API_URL`).
 */
import * as pulumi from "@pulumi/pulumi";
import { ZillizClient } from "../client";
import { readProviderConfig, requireApiKey } from "../resources/shared/provider-config";

/** Options every lookup takes (all optional: a program normally relies on the stack config). */
export interface LookupOptions {
  /** Overrides `zilliz:apiKey`. */
  apiKey?: string;
  /** Overrides `zilliz:cloudApiUrl` (e.g. a zilliz-local URL). */
  cloudApiUrl?: string;
}

/** The stack config as the running program sees it (none outside a Pulumi program: then the environment). */
const stackConfig = {
  get(key: string): string | undefined {
    try {
      return pulumi.runtime.getConfig(key);
    } catch {
      return undefined;
    }
  },
};

/** A v2 client for a lookup. */
export function lookupClient(opts: LookupOptions = {}): ZillizClient {
  const config = readProviderConfig(stackConfig);
  return new ZillizClient({ apiKey: requireApiKey(config, opts.apiKey), baseUrl: opts.cloudApiUrl ?? config.cloudApiUrl });
}

/**
 * Runs a lookup as an `Output` once its arguments are known (they may be other resources' outputs, e.g.
 * `cluster.id`). Lookups only read, so they also run in previews; an argument still unknown in a preview
 * (a resource being created) leaves the result unknown, as for any output.
 */
export function asOutput<A, T>(args: pulumi.Input<A>, run: (args: pulumi.Unwrap<A>) => Promise<T>): pulumi.Output<T> {
  return pulumi.output(args).apply((a) => run(a)) as unknown as pulumi.Output<T>;
}

/** An argument object whose every value may be a `pulumi.Input`. */
export type Inputs<T> = { [K in keyof T]: pulumi.Input<T[K]> };
