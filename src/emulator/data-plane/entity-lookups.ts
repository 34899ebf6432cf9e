/** v2 `entities/upsert|get|search`: replace by primary key, fetch by ID, brute-force vector search. */
import { collection, type Routes } from "./context";
import { Code, DataPlaneError } from "./errors";
import { Int64 } from "./json-text";
import type { CollectionState } from "./state";
import { VECTOR_TYPES } from "./collection-schema";
import { convertRow, matches, outputRow, parseFilter } from "./rows";

function primary(coll: CollectionState) {
  return coll.fields.find((f) => f.primaryKey)!;
}

function distance(metric: string, a: number[], b: number[]): number {
  if (metric === "IP") return a.reduce((sum, x, i) => sum + x * (b[i] ?? 0), 0);
  if (metric === "COSINE") {
    const dot = a.reduce((sum, x, i) => sum + x * (b[i] ?? 0), 0);
    const norm = Math.sqrt(a.reduce((s, x) => s + x * x, 0)) * Math.sqrt(b.reduce((s, x) => s + x * x, 0));
    return norm === 0 ? 0 : dot / norm;
  }
  return a.reduce((sum, x, i) => sum + (x - (b[i] ?? 0)) ** 2, 0);
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
      const partition = (body.partitionName as string | undefined) || (coll.partitionKeyCount > 0 ? coll.partitions[0]! : "_default");
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
      const rows = coll.rows.filter((r) => wanted.includes(String(r.data[pk.name])));
      return { data: rows.map((r) => outputRow(coll, r.data, (body.outputFields as string[] | undefined) ?? ["*"], ctx.int64AsString)), extra: { cost: 0 } };
    },
  },
  "entities/search": {
    spec: {
      struct: "SearchReqV2",
      fields: { dbName: "string", "collectionName!": "string", "data!": "array", annsField: "string", filter: "string", limit: "int32", offset: "int32", outputFields: "strings", searchParams: "map" },
    },
    run(body, ctx) {
      const coll = collection(ctx, body.collectionName as string);
      if (!coll.load) throw new DataPlaneError(101, `collection not loaded[collection=${coll.id}]`);
      const vectors = coll.fields.filter((f) => VECTOR_TYPES.includes(f.dataType));
      const field = vectors.find((f) => f.name === body.annsField) ?? (body.annsField ? undefined : vectors[0]);
      if (!field) throw new DataPlaneError(1700, `field not found[field=${String(body.annsField)}]`);
      const metric = coll.indexes.find((i) => i.fieldName === field.name)?.metricType || "COSINE";
      const limit = (body.limit as number | undefined) || 100;
      const offset = (body.offset as number | undefined) ?? 0;
      const pk = primary(coll);
      const conditions = parseFilter((body.filter as string | undefined) ?? "");
      const candidates = coll.rows.filter((r) => matches(r.data, conditions));
      const results: Record<string, unknown>[] = [];
      const topks: number[] = [];
      for (const query of body.data as number[][]) {
        const scored = candidates.map((r) => ({ r, d: distance(metric, query, r.data[field.name] as number[]) }));
        scored.sort((x, y) => (metric === "L2" ? x.d - y.d : y.d - x.d));
        const hits = scored.slice(offset, offset + limit);
        topks.push(hits.length);
        for (const { r, d } of hits) {
          const out = outputRow(coll, r.data, (body.outputFields as string[] | undefined) ?? [pk.name], ctx.int64AsString);
          results.push({ ...out, distance: d });
        }
      }
      return { data: results, extra: { cost: 0, topks } };
    },
  },
};
