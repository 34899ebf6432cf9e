import { resourceClass, type ResourceInstance } from "../shared/resource-class";
import type { ArgsOf } from "../shared/spec";
import { legacyServerConfigSpec, type LegacyServerConfigSpec } from "./legacy-server-config-spec";

/** Arguments of a {@link LegacyServerConfig} (documented property by property in its spec). */
export type LegacyServerConfigArgs = ArgsOf<LegacyServerConfigSpec>;

/**
 * The runtime settings of a Milvus 0.x server (`/config/advanced` and, on GPU builds, `/config/gpu_resources`),
 * applied in place with PUT and read back on refresh. Only the settings the program names are managed.
 * A server always has its settings, so creating this resource takes them over (no `adopt` needed), and
 * deleting it leaves the server as it is (nothing is reset). The id is the server's endpoint URL.
 *
 * Reading one into a stack: `LegacyServerConfig.get(name, "http://milvus-old:19121")`.
 *
 * @example
 * new LegacyServerConfig("old-server", { endpoint: "http://milvus-old:19121", cpuCacheCapacity: 8, cacheInsertData: true });
 */
export const LegacyServerConfig = resourceClass<LegacyServerConfigSpec>("LegacyServerConfig", legacyServerConfigSpec);
/** A {@link LegacyServerConfig} instance. */
export type LegacyServerConfig = ResourceInstance<LegacyServerConfigSpec>;
