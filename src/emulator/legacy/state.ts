/**
 * The whole state of the legacy 0.x API, as persisted by `snapshot()`.
 *
 * The format only grows: fields added after the first release (`segments`, `gpu`, a string `lastId`) are
 * optional or widened, and {@link normalizeState} fills them in, so a snapshot written by an older emulator
 * still restores.
 */

/** A sealed segment: the rows one flush wrote for one partition. */
export interface LegacySegment {
  /** The segment name, a timestamp-like id such as `1589468453228582000`. */
  name: string;
  /** The partition the rows belong to. */
  tag: string;
  /** IDs of the rows still in the segment, in insertion order (a delete removes them). */
  ids: string[];
}

export interface LegacyCollection {
  collection_name: string;
  dimension: number;
  index_file_size: number;
  metric_type: string;
  index: string;
  index_params: Record<string, unknown>;
  partitions: string[];
  /** id -> [partition tag, vector]. A binary collection keeps the packed bytes (dimension/8 values, 0-255). */
  vectors: Record<string, [string, number[]]>;
  /** Sealed segments in flush order; rows of `vectors` in no segment are not flushed yet. */
  segments?: LegacySegment[];
  /** IDs inserted since the last flush, in insertion order (older snapshots: derived on restore). */
  unflushed?: string[];
  /** Who gives the IDs, fixed by the first insert (the seed: IDs for all vectors, or for none). */
  id_mode?: "user" | "auto";
}

/** `/config/gpu_resources`. */
export interface LegacyGpuConfig {
  enable: boolean;
  cache_capacity: number;
  search_resources: string[];
  build_index_resources: string[];
}

export interface LegacyState {
  collections: Record<string, LegacyCollection>;
  config: { cpu_cache_capacity: number; cache_insert_data: boolean; use_blas_threshold: number; gpu_search_threshold: number };
  gpu?: LegacyGpuConfig;
  /** The last id handed out (vector or segment). Older snapshots hold a small counter as a number. */
  lastId: number | string;
}

/** A collection whose optional fields are filled in. */
export type LoadedCollection = LegacyCollection & { segments: LegacySegment[]; unflushed: string[] };

/** A state whose optional fields are filled in. */
export interface LoadedState extends LegacyState {
  collections: Record<string, LoadedCollection>;
  gpu: LegacyGpuConfig;
}

/** Memory the emulated host reports in `/devices`, in GB (CPU, then each GPU). */
export const HOST_MEMORY_GB = 31;
export const GPU_MEMORY_GB: Record<string, number> = { GPU0: 5 };

const defaultGpu = (): LegacyGpuConfig => ({ enable: true, cache_capacity: 1, search_resources: ["GPU0"], build_index_resources: ["GPU0"] });

/** An empty server with the documented default configuration. */
export function freshState(): LoadedState {
  return {
    collections: {},
    config: { cpu_cache_capacity: 4, cache_insert_data: false, use_blas_threshold: 1100, gpu_search_threshold: 1000 },
    gpu: defaultGpu(),
    lastId: "0",
  };
}

/** Reads a saved snapshot (of this or an older emulator) into a complete state. */
export function normalizeState(saved: unknown): LoadedState {
  const base = freshState();
  const copy = JSON.parse(JSON.stringify(saved ?? {})) as Partial<LegacyState>;
  const collections: Record<string, LoadedCollection> = {};
  for (const [name, c] of Object.entries(copy.collections ?? {})) {
    const segments = c.segments ?? [];
    const sealed = new Set(segments.flatMap((s) => s.ids));
    collections[name] = { ...c, segments, unflushed: c.unflushed ?? Object.keys(c.vectors).filter((id) => !sealed.has(id)) };
  }
  // An older snapshot counted IDs from 0 while it stamped them with the clock: start after every ID it holds,
  // so a new ID can never collide with a restored one, whatever the clock says.
  let lastId = BigInt(copy.lastId ?? 0);
  for (const c of Object.values(collections)) {
    for (const id of [...Object.keys(c.vectors), ...c.segments.map((s) => s.name)]) {
      if (/^\d+$/.test(id) && BigInt(id) > lastId) lastId = BigInt(id);
    }
  }
  return {
    collections,
    config: { ...base.config, ...copy.config },
    gpu: { ...base.gpu, ...copy.gpu },
    lastId: lastId.toString(),
  };
}
