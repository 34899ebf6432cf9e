/** `/collections/{name}/vectors`: insert (POST), get by IDs (GET) and delete by IDs (PUT `{"delete":…}`). */
import { LegacyCode, bad } from "./errors";
import { isIdText, nextIds } from "./ids";
import { checkVectors } from "./metrics";
import type { LoadedCollection, LoadedState } from "./state";

/** POST /collections/{name}/vectors: returns the IDs (strings). New rows are not flushed until a flush. */
export function insertVectors(state: LoadedState, c: LoadedCollection, body: Record<string, unknown>, now: number): string[] {
  const tag = body.partition_tag ?? "_default";
  if (typeof tag !== "string") throw bad(LegacyCode.illegalBody, "Field 'partition_tag' must be a string");
  if (!c.partitions.includes(tag)) throw bad(LegacyCode.illegalArgument, `Partition ${tag} does not exist.`);
  const vectors = checkVectors(body.vectors, c.metric_type, c.dimension);
  const given = body.ids;
  if (given !== undefined && given !== null) {
    if (!Array.isArray(given) || given.length !== vectors.length) {
      throw bad(LegacyCode.illegalVectorId, "The size of vector ID array must be equal to the size of the vector.");
    }
    const wrong = given.find((id) => !isIdText(id));
    if (wrong !== undefined) throw bad(LegacyCode.illegalVectorId, `Invalid vector ID: ${JSON.stringify(wrong)}. A vector ID is a string of digits (a non-negative int64).`);
  }
  // "If you assign IDs to the vectors, you must provide IDs for all vectors in the collection" (seed 002).
  const mode = given ? "user" : "auto";
  if (c.id_mode !== undefined && c.id_mode !== mode) {
    throw bad(
      LegacyCode.illegalVectorId,
      c.id_mode === "user"
        ? "The IDs of this collection are given by the user: provide IDs for all vectors."
        : "The IDs of this collection are generated: do not provide IDs.",
    );
  }
  c.id_mode = mode;
  const ids = given ? (given as string[]).map((id) => BigInt(id).toString()) : nextIds(state, vectors.length, now);
  ids.forEach((id, i) => {
    // Re-inserting an ID replaces the row; it leaves the segment that held the old one.
    if (c.vectors[id]) {
      for (const s of c.segments) s.ids = s.ids.filter((x) => x !== id);
      c.unflushed = c.unflushed.filter((x) => x !== id);
    }
    c.vectors[id] = [tag, vectors[i]!];
    c.unflushed.push(id);
  });
  return ids;
}

/** GET /collections/{name}/vectors?ids=a,b: the rows found, in the order asked. */
export function getVectors(c: LoadedCollection, query: URLSearchParams): Record<string, unknown> {
  const text = query.get("ids");
  if (text === null || text === "") throw bad(LegacyCode.queryParamLoss, "Query param 'ids' is required");
  const asked = text.split(",");
  if (!asked.every(isIdText)) throw bad(LegacyCode.illegalQueryParam, "Query param 'ids' is illegal, only integer strings separated by commas supported");
  const ids = asked.map((id) => BigInt(id).toString());
  const vectors = ids.filter((id) => c.vectors[id]).map((id) => ({ id, vector: c.vectors[id]![1] }));
  return { vectors };
}

/** PUT /collections/{name}/vectors `{"delete":{"ids":[…]}}`: IDs that are not there are ignored. */
export function deleteVectors(c: LoadedCollection, body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw bad(LegacyCode.illegalBody, "Field 'delete' must be a JSON object");
  const ids = (body as Record<string, unknown>).ids;
  if (ids === undefined || ids === null) throw bad(LegacyCode.bodyFieldLoss, "Field 'delete' must contain 'ids'");
  if (!Array.isArray(ids)) throw bad(LegacyCode.illegalBody, "Field 'ids' must be an array");
  if (!ids.every(isIdText)) throw bad(LegacyCode.illegalBody, "Members in 'ids' must be integer strings");
  const gone = new Set(ids.map((id) => BigInt(id).toString()));
  for (const id of gone) delete c.vectors[id];
  for (const s of c.segments) s.ids = s.ids.filter((id) => !gone.has(id));
  c.unflushed = c.unflushed.filter((id) => !gone.has(id));
  return { code: 0, message: "success" };
}
