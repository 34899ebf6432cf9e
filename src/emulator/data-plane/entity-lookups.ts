/** v2 `entities/upsert|get|search`: replace by primary key, fetch by ID, brute-force vector search. */
import { collection, type Routes } from "./context";
import { Code, DataPlaneError } from "./errors";
import { Int64 } from "./json-text";
import type { CollectionState } from "./state";
import { convertRow, outputRow } from "./rows";
import { v2Filter } from "./filter/surface";
import { readablePartitions } from "./load";
import { runSearch } from "./search";
import { partitionOf } from "./entities";
import { hybridSearchRoute } from "./hybrid-search";

function primary(coll: CollectionState) {
  return coll.fields.find((f) => f.primaryKey)!;
}

export const entityLookupRoutes: Routes = {
  "entities/upsert": {
    spec: { struct: "CollectionDataReq", fields: { dbName: "string", "collectionName!": "string", partitionName: "string", "data!": "array" } },
    run(body, ctx) {
      const coll = collection(ctx, body.collectionName as string);
      const pk = primary(coll);
      if (pk.autoId) {
        throw new DataPlaneError(Code.parameterInvalid, "cannot upsert an autoID collection: invalid parameter[expected=autoID: false][actual=autoID: true]");
      }
      const rows = (body.data as unknown[]).map((row) => {
        const converted = convertRow(ctx.state, coll, row);
        if (typeof converted === "string") throw new DataPlaneError(Code.invalidInsertData, `fail to deal the insert data, error: ${converted}`);
        return converted;
      });
      const partition = coll.partitionKeyCount > 0 ? coll.partitions[0]! : partitionOf(coll, body.partitionName as string | undefined);
      const ids = rows.map((row) => String(row[pk.name]));
      coll.rows = coll.rows.filter((r) => !ids.includes(String(r.data[pk.name])));
      for (const row of rows) coll.rows.push({ partition, data: row });
      const shown = pk.dataType === "Int64" && !ctx.int64AsString ? ids.map((id) => new Int64(id)) : ids;
      return { data: { upsertCount: ids.length, upsertIds: shown }, extra: { cost: 0 } };
    },
  },
  "entities/get": {
    spec: { struct: "CollectionIDReq", fields: { dbName: "string", "collectionName!": "string", "id!": "any", outputFields: "strings", partitionNames: "strings" } },
    run(body, ctx) {
      const coll = collection(ctx, body.collectionName as string);
      const pk = primary(coll);
      const wanted = (Array.isArray(body.id) ? body.id : [body.id]).map(String);
      // get is a query by primary key: the same load and partition preconditions apply.
      const partitions = readablePartitions(coll, body.partitionNames as string[] | undefined, "query");
      const rows = coll.rows.filter((r) => partitions.includes(r.partition) && wanted.includes(String(r.data[pk.name])));
      return { data: rows.map((r) => outputRow(coll, r.data, (body.outputFields as string[] | undefined) ?? ["*"], ctx.int64AsString)), extra: { cost: 0 } };
    },
  },
  "entities/search": {
    spec: {
      struct: "SearchReqV2",
      fields: {
        dbName: "string", "collectionName!": "string", "data!": "array", annsField: "string", filter: "string", groupingField: "string",
        groupSize: "int32", strictGroupSize: "bool", limit: "int32", offset: "int32", outputFields: "strings", searchParams: "map", partitionNames: "strings",
        consistencyLevel: "string", exprParams: "map", params: "map",
      },
    },
    run(body, ctx) {
      const coll = collection(ctx, body.collectionName as string);
      const predicate = v2Filter((body.filter as string | undefined) ?? "", coll, "search", body.exprParams);
      const partitions = readablePartitions(coll, body.partitionNames as string[] | undefined, "search");
      const searchParams = (body.searchParams as Record<string, unknown> | undefined) ?? {};
      // `params` at the top level is the older place for radius/range_filter, still read for compatibility.
      const params = (searchParams.params as Record<string, unknown> | undefined) ?? (body.params as Record<string, unknown> | undefined) ?? {};
      const number = (v: unknown) => (typeof v === "number" ? v : typeof v === "string" && v !== "" && !Number.isNaN(Number(v)) ? Number(v) : undefined);
      const { rows, topks } = runSearch(coll, {
        queries: body.data as unknown[],
        annsField: body.annsField as string | undefined,
        predicate,
        partitions,
        limit: (body.limit as number | undefined) || 100,
        offset: (body.offset as number | undefined) ?? 0,
        metricType: typeof searchParams.metricType === "string" ? searchParams.metricType : undefined,
        radius: number(params.radius),
        rangeFilter: number(params.range_filter),
        groupingField: (body.groupingField as string | undefined) || undefined,
        groupSize: (body.groupSize as number | undefined) || undefined,
        outputFields: body.outputFields as string[] | undefined,
        int64AsString: ctx.int64AsString,
      });
      return { data: rows, extra: { cost: 0, topks } };
    },
  },
  "entities/hybrid_search": hybridSearchRoute,
  "entities/advanced_search": hybridSearchRoute,
};
