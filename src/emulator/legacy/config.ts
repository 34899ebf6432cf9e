/** `/config/advanced` and `/config/gpu_resources` (GET and PUT) and `/devices`. */
import { LegacyCode, bad } from "./errors";
import { GPU_MEMORY_GB, HOST_MEMORY_GB, type LoadedState } from "./state";

const OK = { code: 0, message: "OK" };

function integer(body: Record<string, unknown>, key: string, low: number, high: number): number | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value)) throw bad(LegacyCode.illegalBody, `Field '${key}' must be an integer`);
  if (value < low || value > high) throw bad(LegacyCode.illegalArgument, `Invalid ${key}: ${value}. It must be within the range of ${low} ~ ${high}.`);
  return value;
}

function boolean(body: Record<string, unknown>, key: string): boolean | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "boolean") throw bad(LegacyCode.illegalBody, `Field '${key}' must be a boolean`);
  return value;
}

/** GET /devices: the host's memory and its one GPU (the seed's example host). */
export const devices = () => ({ cpu: { memory: HOST_MEMORY_GB }, gpus: Object.fromEntries(Object.entries(GPU_MEMORY_GB).map(([k, memory]) => [k, { memory }])) });

/** PUT /config/advanced: every field optional (seed 002); the cache cannot exceed the host's memory. */
export function setAdvanced(state: LoadedState, body: Record<string, unknown>): typeof OK {
  const next = { ...state.config };
  const cpu = integer(body, "cpu_cache_capacity", 1, HOST_MEMORY_GB);
  const insert = boolean(body, "cache_insert_data");
  const blas = integer(body, "use_blas_threshold", 0, Number.MAX_SAFE_INTEGER);
  const gpu = integer(body, "gpu_search_threshold", 0, Number.MAX_SAFE_INTEGER);
  if (cpu !== undefined) next.cpu_cache_capacity = cpu;
  if (insert !== undefined) next.cache_insert_data = insert;
  if (blas !== undefined) next.use_blas_threshold = blas;
  if (gpu !== undefined) next.gpu_search_threshold = gpu;
  state.config = next;
  return OK;
}

function gpuList(body: Record<string, unknown>, key: string): string[] | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) throw bad(LegacyCode.illegalBody, `Field '${key}' must be an array of strings`);
  const names = (value as string[]).map((v) => v.toUpperCase());
  const unknown = names.find((name) => !/^GPU\d+$/.test(name) || !(name in GPU_MEMORY_GB));
  if (unknown !== undefined) throw bad(LegacyCode.illegalArgument, `Invalid GPU resource: ${unknown}. Use one of ${Object.keys(GPU_MEMORY_GB).join(", ")} (format gpux).`);
  if (names.length === 0) throw bad(LegacyCode.illegalArgument, `Field '${key}' must name at least one GPU.`);
  return names;
}

/** PUT /config/gpu_resources: `enable` and `cache_capacity` required, device names `gpux` (any case). */
export function setGpu(state: LoadedState, body: Record<string, unknown>): typeof OK {
  const enable = boolean(body, "enable");
  if (enable === undefined) throw bad(LegacyCode.bodyFieldLoss, "Field 'enable' is missing");
  if (body.cache_capacity === undefined || body.cache_capacity === null) throw bad(LegacyCode.bodyFieldLoss, "Field 'cache_capacity' is missing");
  const cache = integer(body, "cache_capacity", 1, Math.min(...Object.values(GPU_MEMORY_GB)))!;
  const search = gpuList(body, "search_resources");
  const build = gpuList(body, "build_index_resources");
  state.gpu = {
    enable,
    cache_capacity: cache,
    search_resources: search ?? state.gpu.search_resources,
    build_index_resources: build ?? state.gpu.build_index_resources,
  };
  return OK;
}
