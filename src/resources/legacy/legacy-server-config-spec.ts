/**
 * The LegacyServerConfig's properties: one table, from which its class, check, diff and stored shape derive.
 * Each setting is optional: one left out is not managed (whatever the server has stays, and never shows as
 * a change).
 */
import { z } from "zod";
import type { StateOf } from "../shared/resource-definition";
import { defineSpec, input, type InputsOf } from "../shared/spec";
import { legacyTarget } from "./legacy-connection";

const gpuNames = z.array(z.string().regex(/^gpu\d+$/i, "a GPU device name such as GPU0")).min(1);
/** Device names compare upper-cased and sorted: the server takes `gpu0` and answers `GPU0`. */
const canonicalDevices = (v: unknown) => (Array.isArray(v) ? v.map((s) => String(s).toUpperCase()).sort() : v);

export const legacyServerConfigSpec = defineSpec({
  ...legacyTarget,
  /**
   * CPU cache for collection data, in GB (wire `cpu_cache_capacity` of `/config/advanced`); at most the
   * host's memory. Unset: not managed. Updates in place (PUT, read back on refresh).
   * @example 8
   */
  cpuCacheCapacity: input(z.number().int().min(1).optional(), { change: "update", serverChosen: true }),
  /**
   * Load inserted vectors into the CPU cache at once (wire `cache_insert_data`). Unset: not managed.
   * Updates in place.
   * @example true
   */
  cacheInsertData: input(z.boolean().optional(), { change: "update", serverChosen: true }),
  /**
   * Query batch size from which the server uses OpenBLAS instead of its own SIMD code (wire
   * `use_blas_threshold`; the server's default is 1100). Unset: not managed. Updates in place.
   * @example 1100
   */
  useBlasThreshold: input(z.number().int().min(0).optional(), { change: "update", serverChosen: true }),
  /**
   * Query batch size from which a search runs on GPU (wire `gpu_search_threshold`; default 1000). Unset:
   * not managed. Updates in place.
   * @example 1000
   */
  gpuSearchThreshold: input(z.number().int().min(0).optional(), { change: "update", serverChosen: true }),
  /**
   * Whether the server uses its GPUs (wire `enable` of `/config/gpu_resources`; GPU builds only). Unset:
   * not managed. Updates in place.
   * @example true
   */
  gpuEnable: input(z.boolean().optional(), { change: "update", serverChosen: true }),
  /**
   * GPU cache per device, in GB (wire `cache_capacity` of `/config/gpu_resources`). Unset: not managed.
   * Updates in place.
   * @example 2
   */
  gpuCacheCapacity: input(z.number().int().min(1).optional(), { change: "update", serverChosen: true }),
  /**
   * GPUs that run searches (wire `search_resources`), e.g. `["GPU0"]`. Unset: not managed. Updates in place.
   * @example ["GPU0"]
   */
  gpuSearchResources: input(gpuNames.optional(), { change: "update", serverChosen: true, canonical: canonicalDevices }),
  /**
   * GPUs that build indexes (wire `build_index_resources`), e.g. `["GPU0"]`. Unset: not managed. Updates
   * in place.
   * @example ["GPU0"]
   */
  gpuBuildIndexResources: input(gpuNames.optional(), { change: "update", serverChosen: true, canonical: canonicalDevices }),
});

export type LegacyServerConfigSpec = typeof legacyServerConfigSpec;
export type LegacyServerConfigInputs = InputsOf<LegacyServerConfigSpec>;
export type LegacyServerConfigState = StateOf<LegacyServerConfigSpec>;

/** The settings of `/config/advanced`, by property and wire name. */
export const ADVANCED_WIRE = { cpuCacheCapacity: "cpu_cache_capacity", cacheInsertData: "cache_insert_data", useBlasThreshold: "use_blas_threshold", gpuSearchThreshold: "gpu_search_threshold" } as const;
/** The settings of `/config/gpu_resources`, by property and wire name. */
export const GPU_WIRE = { gpuEnable: "enable", gpuCacheCapacity: "cache_capacity", gpuSearchResources: "search_resources", gpuBuildIndexResources: "build_index_resources" } as const;
