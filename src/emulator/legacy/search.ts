/**
 * PUT /collections/{name}/vectors `{"search":{topk, partition_tags, file_ids, params, vectors}}`: an exact
 * search over every row (whatever the index, the emulator ranks exactly), one result list per query vector,
 * best first: L2 and the binary metrics ascending, IP descending.
 */
import { LegacyCode, bad } from "./errors";
import { checkSearchParams } from "./index-params";
import { checkVectors, distance, formatDistance, largerIsCloser } from "./metrics";
import type { LoadedCollection } from "./state";

/** The most results a query may ask for. */
export const MAX_TOPK = 2048;

function stringList(value: unknown, key: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) throw bad(LegacyCode.bodyParseFail, `Field '${key}' must be an array of strings`);
  return value as string[];
}

export function search(c: LoadedCollection, request: unknown): Record<string, unknown> {
  if (request === null || typeof request !== "object" || Array.isArray(request)) throw bad(LegacyCode.illegalBody, "Field 'search' must be a JSON object");
  const body = request as Record<string, unknown>;
  const topk = body.topk;
  if (topk === undefined || topk === null) throw bad(LegacyCode.bodyFieldLoss, "Field 'topk' is required");
  if (typeof topk !== "number" || !Number.isInteger(topk) || topk < 1 || topk > MAX_TOPK) {
    throw bad(LegacyCode.illegalTopk, `Invalid topk: ${JSON.stringify(topk)}. The topk must be within the range of 1 ~ ${MAX_TOPK}.`);
  }
  const tags = stringList(body.partition_tags, "partition_tags");
  stringList(body.file_ids, "file_ids"); // accepted; the emulator is not distributed, so there are no files to pick
  const params = body.params;
  if (params === undefined || params === null) throw bad(LegacyCode.bodyFieldLoss, "Field 'params' is required");
  if (typeof params !== "object" || Array.isArray(params)) throw bad(LegacyCode.illegalBody, "Field 'params' must be a JSON object");
  checkSearchParams(c.index, params as Record<string, unknown>, topk);
  const queries = checkVectors(body.vectors, c.metric_type, c.dimension);
  const missing = tags?.find((tag) => !c.partitions.includes(tag));
  if (missing !== undefined) throw bad(LegacyCode.illegalArgument, `Partition ${missing} does not exist.`);

  const rows = Object.entries(c.vectors).filter(([, [tag]]) => !tags || tags.length === 0 || tags.includes(tag));
  // Like the server, a search over no data at all answers no result lists.
  if (rows.length === 0) return { num: 0, results: [] };
  const sign = largerIsCloser(c.metric_type) ? -1 : 1;
  const results = queries.map((query) =>
    rows
      .flatMap(([id, [, vector]]) => {
        const d = distance(c.metric_type, query, vector);
        return d === undefined ? [] : [{ id, d }];
      })
      .sort((a, b) => sign * (a.d - b.d) || (a.id.length - b.id.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))
      .slice(0, topk)
      .map(({ id, d }) => ({ id, distance: formatDistance(d) })),
  );
  return { num: queries.length, results };
}
