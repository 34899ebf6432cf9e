/**
 * Segments. Inserted rows wait in memory until a flush (`PUT /system/task {"flush":…}`) seals them: one new
 * segment per partition that has unflushed rows. Deletes take rows out of their segment at once; a compact
 * drops the segments left empty. A segment's index is the collection's current index (the emulator builds
 * indexes instantly), and its size is its rows' vector bytes plus 8 bytes per ID.
 */
import { LegacyCode, LegacyError } from "./errors";
import { nextIds } from "./ids";
import { isBinaryMetric } from "./metrics";
import type { LegacySegment, LoadedCollection, LoadedState } from "./state";

/** Seals every unflushed row of the collection. */
export function flush(state: LoadedState, c: LoadedCollection, now: number): void {
  for (const tag of c.partitions) {
    const ids = c.unflushed.filter((id) => c.vectors[id]?.[0] === tag);
    if (ids.length > 0) c.segments.push({ name: nextIds(state, 1, now)[0]!, tag, ids });
  }
  c.unflushed = [];
}

/** Drops the segments that deletes left empty. */
export function compact(c: LoadedCollection): void {
  c.segments = c.segments.filter((s) => s.ids.length > 0);
}

function dataSize(c: LoadedCollection, rows: number): number {
  const vectorBytes = isBinaryMetric(c.metric_type) ? c.dimension / 8 : c.dimension * 4;
  return rows * (vectorBytes + 8);
}

function describe(c: LoadedCollection, s: LegacySegment): Record<string, unknown> {
  return { data_size: dataSize(c, s.ids.length), index_name: c.index, name: s.name, row_count: s.ids.length };
}

/** GET /collections/{name}?info=stat: every partition with its segments; row counts include unflushed rows. */
export function stats(c: LoadedCollection): Record<string, unknown> {
  const rows = (tag: string) => Object.values(c.vectors).filter((v) => v[0] === tag).length;
  return {
    partitions: c.partitions.map((tag) => ({ row_count: rows(tag), segments: c.segments.filter((s) => s.tag === tag).map((s) => describe(c, s)), tag })),
    row_count: Object.keys(c.vectors).length,
  };
}

/** GET /collections/{name}/segments?offset=&page_size= */
export function listSegments(c: LoadedCollection, offset: number, size: number): Record<string, unknown> {
  const all = c.partitions.flatMap((tag) => c.segments.filter((s) => s.tag === tag));
  const segments = all.slice(offset, offset + size).map((s) => ({ ...describe(c, s), partition_tag: s.tag }));
  return { code: 0, message: "OK", count: all.length, segments };
}

function segmentOf(c: LoadedCollection, name: string): LegacySegment {
  const found = c.segments.find((s) => s.name === name);
  if (!found) throw new LegacyError(404, LegacyCode.fileNotFound, `Segment ${name} does not exist in collection ${c.collection_name}.`);
  return found;
}

/** GET /collections/{name}/segments/{segment}/vectors?offset=&page_size= */
export function segmentVectors(c: LoadedCollection, name: string, offset: number, size: number): Record<string, unknown> {
  const { ids } = segmentOf(c, name);
  const vectors = ids.slice(offset, offset + size).map((id) => ({ vector: c.vectors[id]![1], id }));
  return { code: 0, message: "OK", count: ids.length, vectors };
}

/** GET /collections/{name}/segments/{segment}/ids?offset=&page_size= */
export function segmentIds(c: LoadedCollection, name: string, offset: number, size: number): Record<string, unknown> {
  const { ids } = segmentOf(c, name);
  return { ids: ids.slice(offset, offset + size), count: ids.length };
}
