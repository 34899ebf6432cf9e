/** v2 `entities/insert|query|delete`, and the query routine v1 shares. */
import { collection, type PlaneContext, type Routes } from "./context";
import { Code, DataPlaneError } from "./errors";
import { Int64 } from "./json-text";
import type { CollectionState } from "./state";
import { convertRow, outputRow } from "./rows";
import { isPrimaryKeyTerm, type RowPredicate } from "./filter/compile";
import { v2Filter } from "./filter/surface";
import { readablePartitions } from "./load";
import { checkQueryWindow } from "./search";

/** Inserts `data` rows into a partition; all-or-nothing, 1804 on the first bad row. Returns the primary keys. */
export function insertRows(ctx: PlaneContext, coll: CollectionState, data: unknown[], partition: string): string[] {
  const converted = data.map((row) => {
    const result = convertRow(ctx.state, coll, row);
    if (typeof result === "string") throw new DataPlaneError(Code.invalidInsertData, `fail to deal the insert data, error: ${result}`);
    return result;
  });
  const pk = coll.fields.find((f) => f.primaryKey)!;
  const target = coll.partitionKeyCount > 0 ? coll.partitions[0]! : partition;
  for (const row of converted) coll.rows.push({ partition: target, data: row });
  return converted.map((row) => String(row[pk.name]));
}

/** `outputFields: ["count(*)"]`: the query returns one row with the number of matches instead of rows. */
export function isCountQuery(outputFields: string[] | undefined): boolean {
  return (outputFields ?? []).some((f) => f.toLowerCase() === "count(*)");
}

/**
 * Runs a query over the given partitions and returns output rows, or `[{"count(*)": n}]` for a count
 * (a count ignores `limit`/`offset`, as the 2.5 handler drops them).
 */
export function queryRows(coll: CollectionState, predicate: RowPredicate, opts: { outputFields?: string[]; limit?: number; offset?: number; partitions: string[]; int64AsString: boolean }): Record<string, unknown>[] {
  const matching = coll.rows.filter((r) => opts.partitions.includes(r.partition) && predicate(r.data));
  if (!isCountQuery(opts.outputFields)) checkQueryWindow(opts.limit || 100, opts.offset ?? 0);
  if (isCountQuery(opts.outputFields)) {
    const n = String(matching.length);
    return [{ "count(*)": opts.int64AsString ? n : new Int64(n) }];
  }
  return matching
    .slice(opts.offset ?? 0, (opts.offset ?? 0) + (opts.limit || 100))
    .map((r) => outputRow(coll, r.data, opts.outputFields ?? ["*"], opts.int64AsString));
}

/** The partition a write goes to (`_default` when none is named); 200 for an unknown one. */
export function partitionOf(coll: CollectionState, name: string | undefined): string {
  const partition = name || "_default";
  if (coll.partitionKeyCount === 0 && !coll.partitions.includes(partition)) {
    throw new DataPlaneError(Code.partitionNotFound, `partition not found[partition=${partition}]`);
  }
  return partition;
}

export const entityRoutes: Routes = {
  "entities/insert": {
    spec: { struct: "CollectionDataReq", fields: { dbName: "string", "collectionName!": "string", partitionName: "string", "data!": "array" } },
    run(body, ctx) {
      const coll = collection(ctx, body.collectionName as string);
      const ids = insertRows(ctx, coll, body.data as unknown[], partitionOf(coll, body.partitionName as string | undefined));
      const pk = coll.fields.find((f) => f.primaryKey)!;
      const shown = pk.dataType === "Int64" && !ctx.int64AsString ? ids.map((id) => new Int64(id)) : ids;
      return { data: { insertCount: ids.length, insertIds: shown }, extra: { cost: 0 } };
    },
  },
  "entities/query": {
    spec: {
      struct: "QueryReqV2",
      fields: {
        dbName: "string", "collectionName!": "string", filter: "string", outputFields: "strings", limit: "int32", offset: "int32", partitionNames: "strings",
        consistencyLevel: "string", exprParams: "map",
      },
    },
    run(body, ctx) {
      const coll = collection(ctx, body.collectionName as string);
      const predicate = v2Filter((body.filter as string | undefined) ?? "", coll, "query", body.exprParams);
      const partitions = readablePartitions(coll, body.partitionNames as string[] | undefined, "query");
      const rows = queryRows(coll, predicate, {
        outputFields: body.outputFields as string[] | undefined,
        limit: body.limit as number | undefined,
        offset: body.offset as number | undefined,
        partitions,
        int64AsString: ctx.int64AsString,
      });
      return { data: rows, extra: { cost: 0 } };
    },
  },
  "entities/delete": {
    spec: { struct: "CollectionFilterReq", fields: { dbName: "string", "collectionName!": "string", "filter!": "string", partitionName: "string", exprParams: "map" } },
    run(body, ctx) {
      const coll = collection(ctx, body.collectionName as string);
      const predicate = v2Filter(body.filter as string, coll, "delete", body.exprParams);
      const partition = body.partitionName as string | undefined;
      if (partition && !coll.partitions.includes(partition)) throw new DataPlaneError(Code.partitionNotFound, `partition not found[partition=${partition}]`);
      // A delete by primary keys is applied directly; any other filter is evaluated by a query first, which
      // needs the collection loaded.
      if (!isPrimaryKeyTerm(body.filter as string, coll, body.exprParams as Record<string, unknown> | undefined) && !coll.load) {
        throw new DataPlaneError(Code.collectionNotLoaded, `failed to query: collection not loaded[collection=${coll.id}]`);
      }
      const before = coll.rows.length;
      coll.rows = coll.rows.filter((r) => !(predicate(r.data) && (!partition || r.partition === partition)));
      return { data: { deleteCount: before - coll.rows.length }, extra: { cost: 0 } };
    },
  },
};
