/** v2 `entities/insert|query|delete`: enough of the entity API to prove imports and row counts. */
import { collection, type PlaneContext, type Routes } from "./context";
import { Code, DataPlaneError } from "./errors";
import { Int64 } from "./json-text";
import type { CollectionState } from "./state";
import { convertRow, matches, outputRow, parseFilter } from "./rows";

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

/** Runs a query and returns output rows. */
export function queryRows(coll: CollectionState, filter: string, opts: { outputFields?: string[]; limit?: number; offset?: number; partitionNames?: string[]; int64AsString: boolean }): Record<string, unknown>[] {
  const conditions = parseFilter(filter);
  const partitions = opts.partitionNames ?? [];
  return coll.rows
    .filter((r) => (partitions.length === 0 || partitions.includes(r.partition)) && matches(r.data, conditions))
    .slice(opts.offset ?? 0, (opts.offset ?? 0) + (opts.limit || 100))
    .map((r) => outputRow(coll, r.data, opts.outputFields ?? ["*"], opts.int64AsString));
}

function partitionOf(coll: CollectionState, name: string | undefined): string {
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
      fields: { dbName: "string", "collectionName!": "string", filter: "string", outputFields: "strings", limit: "int32", offset: "int32", partitionNames: "strings", consistencyLevel: "string" },
    },
    run(body, ctx) {
      const coll = collection(ctx, body.collectionName as string);
      const rows = queryRows(coll, (body.filter as string | undefined) ?? "", {
        outputFields: body.outputFields as string[] | undefined,
        limit: body.limit as number | undefined,
        offset: body.offset as number | undefined,
        partitionNames: body.partitionNames as string[] | undefined,
        int64AsString: ctx.int64AsString,
      });
      return { data: rows, extra: { cost: 0 } };
    },
  },
  "entities/delete": {
    spec: { struct: "CollectionFilterReq", fields: { dbName: "string", "collectionName!": "string", "filter!": "string", partitionName: "string" } },
    run(body, ctx) {
      const coll = collection(ctx, body.collectionName as string);
      const conditions = parseFilter(body.filter as string);
      const before = coll.rows.length;
      coll.rows = coll.rows.filter((r) => !(matches(r.data, conditions) && (!body.partitionName || r.partition === body.partitionName)));
      return { data: { deleteCount: before - coll.rows.length }, extra: { cost: 0 } };
    },
  },
};
