/**
 * Collection describes this provider process made at the end of a Collection create, handed once to the next
 * resource of the same run that would otherwise ask the server the same question at once (a CollectionIndex
 * create, which checks the field type, the collection's existing indexes and its deferred-load mark).
 *
 * Why this is safe: one provider process serves every dynamic resource of one `pulumi up`, and an index
 * create runs right after the create of the collection it depends on. A field's type never changes, and
 * whatever this process does in between to what the index create reads (the collection's fields, indexes and
 * deferred-load mark: a Collection update or delete, an index drop) forgets the entry first; other writes (an
 * import's job note, partitions, aliases) leave those alone. Each entry is used at most once and expires, so a
 * second index, a later run or a change made outside the stack is always described afresh (issue 9: up from
 * empty ≤ 5 calls per collection + index).
 */
import type { CollectionDescription, MilvusClient } from "../../client";

/** How long a describe stays usable: well beyond the engine's scheduling delay between dependent steps. */
const FRESH_MS = 5 * 60_000;

const fresh = new Map<string, { at: number; description: CollectionDescription }>();

type Ref = { collectionName: string; dbName?: string };

const keyOf = (mc: MilvusClient, ref: Ref) => `${mc.transport.baseUrl} ${ref.dbName ?? "default"} ${ref.collectionName}`;

/** Records the describe a Collection create ended with. */
export function rememberDescribe(mc: MilvusClient, ref: Ref, description: CollectionDescription): void {
  fresh.set(keyOf(mc, ref), { at: Date.now(), description });
}

/** Drops what is remembered of a collection this process is about to change. */
export function forgetDescribe(mc: MilvusClient, ref: Ref): void {
  fresh.delete(keyOf(mc, ref));
}

/** The remembered describe of the collection (used up by this call), or a new one from the server. */
export async function describeFresh(mc: MilvusClient, ref: Ref): Promise<CollectionDescription> {
  const key = keyOf(mc, ref);
  const hit = fresh.get(key);
  fresh.delete(key);
  if (hit && Date.now() - hit.at < FRESH_MS) return hit.description;
  return mc.collections.describe(ref);
}
