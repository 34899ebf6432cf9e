/** v2 `indexes/*`, plus the index creation shared with `collections/create`. */
import { collection, goFormat, keyValues, setPair, sortedJson, type PlaneContext, type Routes } from "./context";
import { Code, DataPlaneError, invalidParameter } from "./errors";
import { decodeObject, type BodySpec } from "./request-body";
import type { CollectionState, IndexState } from "./state";
import { VECTOR_TYPES } from "./collection-schema";
import { isDone, startTransition } from "./transitions";
import { Int64 } from "./json-text";

const INDEX_PARAM: BodySpec = {
  struct: "IndexParam",
  fields: { fieldName: "string", indexName: "string", metricType: "string", indexType: "string", params: "map" },
};
const MUTABLE_INDEX_KEYS = ["mmap.enabled", "indexoffsetcache.enabled"];

/** Creates the indexes of `entries` in order, stopping at the first failure (as the server does). */
export function createIndexes(ctx: PlaneContext, coll: CollectionState, entries: unknown[]): void {
  for (const entry of entries) {
    const req = decodeObject(entry, INDEX_PARAM, "v2");
    const fieldName = (req.fieldName as string | undefined) ?? "";
    const field = coll.fields.find((f) => f.name === fieldName);
    if (!field) throw new DataPlaneError(1700, `field not found[field=${fieldName}]`);
    const params = req.params as Record<string, unknown> | undefined;
    const indexType = (req.indexType as string | undefined) || (typeof params?.index_type === "string" ? params.index_type : "") || "AUTOINDEX";
    const isVector = VECTOR_TYPES.includes(field.dataType);
    const metricType = (req.metricType as string | undefined) ?? (isVector ? "COSINE" : "");
    const name = (req.indexName as string | undefined) || fieldName;
    const paramsText = params && Object.keys(params).length > 0 ? sortedJson(params) : undefined;
    const sameName = coll.indexes.find((i) => i.name === name);
    const sameField = coll.indexes.find((i) => i.fieldName === fieldName);
    const identical = (i: IndexState) => i.fieldName === fieldName && i.indexType === indexType && i.metricType === metricType && i.params === paramsText;
    if (sameName && identical(sameName)) continue;
    if (sameName) throw invalidParameter("at most one distinct index is allowed per field");
    if (sameField) throw new DataPlaneError(Code.unexpected, "CreateIndex failed: creating multiple indexes on same field is not supported");
    coll.indexes.push({ name, fieldName, indexType, metricType, params: paramsText, properties: [], build: startTransition(ctx.mode("index")) });
  }
}

/** The server-side index params echoed by `indexes/describe` (`index_type`, `metric_type`, `params`, altered keys). */
function indexParams(index: IndexState): { key: string; value?: string }[] {
  const pairs: [string, string][] = [["index_type", index.indexType]];
  if (index.metricType !== "") pairs.push(["metric_type", index.metricType]);
  if (index.params !== undefined) pairs.push(["params", index.params]);
  return keyValues([...pairs, ...index.properties]);
}

function describeIndex(coll: CollectionState, index: IndexState): Record<string, unknown> {
  const total = coll.rows.length;
  const done = isDone(index.build);
  const prop = (key: string) => index.properties.find((p) => p[0] === key)?.[1] ?? "";
  return {
    fieldName: index.fieldName,
    failReason: "",
    indexName: index.name,
    indexParams: indexParams(index),
    indexState: done ? "Finished" : "InProgress",
    indexType: index.indexType,
    indexedRows: new Int64(String(done ? total : 0)),
    "indexoffsetcache.enabled": prop("indexoffsetcache.enabled"),
    maxIndexVersion: 0,
    metricType: index.metricType,
    minIndexVersion: 0,
    "mmap.enabled": prop("mmap.enabled"),
    pendingRows: new Int64(String(done ? 0 : total)),
    totalRows: new Int64(String(total)),
  };
}

function findIndex(coll: CollectionState, name: string): IndexState {
  const index = coll.indexes.find((i) => i.name === name);
  if (!index) throw new DataPlaneError(Code.indexNotFound, `index not found[indexName=${name}]`);
  return index;
}

function requireReleased(coll: CollectionState): void {
  if (coll.load) {
    throw new DataPlaneError(Code.collectionLoaded, `can't alter index on loaded collection, please release the collection first: collection already loaded[collection=${coll.name}]`);
  }
}

const named = (struct: string): BodySpec => ({ struct, fields: { dbName: "string", "collectionName!": "string", "indexName!": "string", properties: "map", propertyKeys: "strings", timestamp: "uint64" } });

export const indexRoutes: Routes = {
  "indexes/create": {
    spec: { struct: "IndexParamReq", fields: { dbName: "string", "collectionName!": "string", "indexParams!": "array" } },
    run(body, ctx) {
      createIndexes(ctx, collection(ctx, body.collectionName as string), body.indexParams as unknown[]);
      return { data: {} };
    },
  },
  "indexes/list": {
    spec: { struct: "CollectionNameReq", fields: { dbName: "string", "collectionName!": "string" } },
    run: (body, ctx) => ({ data: collection(ctx, body.collectionName as string).indexes.map((i) => i.name) }),
  },
  "indexes/describe": {
    spec: named("IndexReq"),
    run(body, ctx) {
      const coll = collection(ctx, body.collectionName as string);
      return { data: [describeIndex(coll, findIndex(coll, body.indexName as string))] };
    },
  },
  "indexes/drop": {
    spec: named("IndexReq"),
    run(body, ctx) {
      const coll = collection(ctx, body.collectionName as string);
      const index = coll.indexes.find((i) => i.name === body.indexName);
      if (!index) return { data: {} };
      const field = coll.fields.find((f) => f.name === index.fieldName);
      if (coll.load && field && VECTOR_TYPES.includes(field.dataType)) {
        throw invalidParameter(`vector index cannot be dropped on loaded collection: ${coll.id}`);
      }
      coll.indexes = coll.indexes.filter((i) => i !== index);
      return { data: {} };
    },
  },
  "indexes/alter_properties": {
    spec: named("IndexReqWithProperties"),
    run(body, ctx) {
      const coll = collection(ctx, body.collectionName as string);
      const index = findIndex(coll, body.indexName as string);
      const properties = (body.properties as Record<string, unknown> | undefined) ?? {};
      for (const key of Object.keys(properties)) if (!MUTABLE_INDEX_KEYS.includes(key)) throw invalidParameter(`${key} is not a configable index property`);
      requireReleased(coll);
      for (const [key, value] of Object.entries(properties)) setPair(index.properties, key, goFormat(value));
      return { data: {} };
    },
  },
  "indexes/drop_properties": {
    spec: named("DropIndexPropertiesReq"),
    run(body, ctx) {
      const coll = collection(ctx, body.collectionName as string);
      const index = findIndex(coll, body.indexName as string);
      const keys = (body.propertyKeys as string[] | undefined) ?? [];
      for (const key of keys) if (!MUTABLE_INDEX_KEYS.includes(key)) throw invalidParameter(`${key} is not a configable index property`);
      requireReleased(coll);
      index.properties = index.properties.filter((p) => !keys.includes(p[0]));
      return { data: {} };
    },
  },
};
