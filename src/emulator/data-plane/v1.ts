/**
 * The v1 API (`/v1/vector/*`) as Milvus 2.3.5 serves it: code 200 on success, required fields listed by
 * hand, a fixed schema for `collections/create` (autoID Int64 key + FloatVector), index `vector_idx`, load.
 */
import { checkName, findCollection, goFormat, type PlaneContext, type Reply } from "./context";
import { Code, DataPlaneError } from "./errors";
import { decodeBody, decodeObject, type BodySpec } from "./request-body";
import { nextId, type CollectionState, type DatabaseState } from "./state";
import { insertRows, isCountQuery, queryRows } from "./entities";
import { outputRow } from "./rows";
import { v1Filter } from "./filter/surface";
import { loadCollection, loadState, readablePartitions } from "./load";
import { runSearch } from "./search";
import { startTransition } from "./transitions";

const V1_METRICS = ["L2", "IP", "COSINE", "HAMMING", "JACCARD"];
const SPECS: Record<string, BodySpec> = {
  create: {
    struct: "CreateCollectionReq",
    fields: { dbName: "string", "collectionName!": "string", "dimension!": "int32", description: "string", metricType: "string", primaryField: "string", vectorField: "string" },
  },
  drop: { struct: "DropCollectionReq", fields: { dbName: "string", "collectionName!": "string" } },
  describe: { struct: "GetCollectionReq", fields: { dbName: "string", "collectionName!": "string" } },
  list: { struct: "DatabaseReq", fields: { dbName: "string" } },
  insert: { struct: "InsertReq", fields: { dbName: "string", "collectionName!": "string", "data!": "any" } },
  get: { struct: "GetReq", fields: { dbName: "string", "collectionName!": "string", outputFields: "strings", "id!": "any" } },
  delete: { struct: "DeleteReq", fields: { dbName: "string", collectionName: "string", id: "any", filter: "string" } },
  query: {
    struct: "QueryReq",
    fields: { dbName: "string", "collectionName!": "string", outputFields: "strings", "filter!": "string", limit: "int32", offset: "int32" },
  },
  search: {
    struct: "SearchReq",
    fields: { dbName: "string", "collectionName!": "string", filter: "string", limit: "int32", offset: "int32", outputFields: "strings", "vector!": "any", params: "map" },
  },
};

function v1Database(ctx: PlaneContext, name: string | undefined): DatabaseState {
  const dbName = name || "default";
  const db = ctx.state.databases[dbName];
  if (!db) throw new DataPlaneError(Code.databaseNotFound, `database not found, database: ${dbName}`);
  return db;
}

function describeMissing(db: DatabaseState, name: string): DataPlaneError {
  return new DataPlaneError(Code.collectionNotFound, `can't find collection collection not found[database=${db.name}][collection=${name}]`);
}

function create(body: Record<string, unknown>, ctx: PlaneContext): Reply {
  const db = v1Database(ctx, body.dbName as string | undefined);
  const name = body.collectionName as string;
  const dim = body.dimension as number;
  checkName("collection", name);
  if (dim < 1 || dim > 32768) throw new DataPlaneError(Code.unexpected, `invalid dimension: ${dim}. should be in range 1 ~ 32768`);
  const pk = (body.primaryField as string | undefined) || "id";
  const vec = (body.vectorField as string | undefined) || "vector";
  if (pk === vec) throw new DataPlaneError(Code.unexpected, "duplicated field name");
  const base = { partitionKey: false, clusteringKey: false, nullable: false, description: "" };
  const candidate: CollectionState = {
    id: "", name, description: (body.description as string | undefined) ?? "", enableDynamicField: true, shardsNum: 1,
    consistencyLevel: "Bounded", functions: [], properties: [], partitions: ["_default"], partitionKeyCount: 0, indexes: [], rows: [],
    createdAt: Date.now(),
    fields: [
      { ...base, id: 100, name: pk, dataType: "Int64", primaryKey: true, autoId: true, params: [] },
      { ...base, id: 101, name: vec, dataType: "FloatVector", primaryKey: false, autoId: false, params: [["dim", String(dim)]] },
    ],
  };
  let coll = db.collections[name];
  if (coll) {
    const same = JSON.stringify([coll.fields, coll.description]) === JSON.stringify([candidate.fields, candidate.description]);
    if (!same) throw new DataPlaneError(Code.unexpected, `create duplicate collection with different parameters, collection: ${name}`);
  } else {
    candidate.id = nextId(ctx.state);
    db.collections[name] = candidate;
    coll = candidate;
  }
  // Like the 2.3 handler: the index and the load are separate steps; a failure leaves the collection behind.
  const metric = (body.metricType as string | undefined) || "L2";
  if (!V1_METRICS.includes(metric)) throw new DataPlaneError(Code.unexpected, `metric type not found or not supported, supported: [${V1_METRICS.join(" ")}]`);
  const existing = coll.indexes.find((i) => i.fieldName === vec);
  if (existing && (existing.metricType !== metric || existing.name !== "vector_idx")) {
    throw new DataPlaneError(Code.unexpected, "CreateIndex failed: at most one distinct index is allowed per field");
  }
  if (!existing) {
    coll.indexes.push({ name: "vector_idx", fieldName: vec, indexType: "AUTOINDEX", metricType: metric, properties: [], build: startTransition(ctx.mode("index")) });
  }
  loadCollection(ctx, coll);
  return { data: {} };
}

function describe(body: Record<string, unknown>, ctx: PlaneContext): Reply {
  const db = v1Database(ctx, body.dbName as string | undefined);
  const name = body.collectionName as string;
  const coll = findCollection(db, name);
  if (!coll) throw describeMissing(db, name);
  const sized = (type: string, key: string, f: CollectionState["fields"][number]) => {
    const value = f.params.find((p) => p[0] === key)?.[1];
    return value === undefined ? type : `${type}(${value})`;
  };
  return {
    data: {
      collectionName: name,
      description: coll.description,
      enableDynamicField: coll.enableDynamicField,
      fields: coll.fields.map((f) => ({
        autoId: f.autoId,
        description: f.description,
        name: f.name,
        primaryKey: f.primaryKey,
        type: f.dataType.endsWith("Vector") ? sized(f.dataType, "dim", f) : f.dataType === "VarChar" ? sized(f.dataType, "max_length", f) : f.dataType,
      })),
      indexes: coll.indexes.map((i) => ({ fieldName: i.fieldName, indexName: i.name, metricType: i.metricType || "L2" })),
      load: loadState(coll).state,
      shardsNum: coll.shardsNum,
    },
  };
}

function drop(body: Record<string, unknown>, ctx: PlaneContext): Reply {
  const db = v1Database(ctx, body.dbName as string | undefined);
  const name = body.collectionName as string;
  if (!db.collections[name]) throw new DataPlaneError(Code.collectionNotFound, `collection not found, database: ${db.name}, collection: ${name}`);
  const aliases = Object.keys(db.aliases).filter((a) => db.aliases[a] === name);
  if (aliases.length > 0) throw new DataPlaneError(Code.unexpected, `unable to drop the collection [${name}] because it has associated aliases [${aliases.join(", ")}], please remove all aliases before dropping the collection`);
  delete db.collections[name];
  return { data: {} };
}

function insert(body: Record<string, unknown>, ctx: PlaneContext): Reply {
  const db = v1Database(ctx, body.dbName as string | undefined);
  const name = body.collectionName as string;
  const coll = findCollection(db, name);
  if (!coll) throw describeMissing(db, name);
  const rows = Array.isArray(body.data) ? body.data : [body.data];
  if (rows.length === 0) throw new DataPlaneError(Code.invalidInsertData, "fail to deal the insert data, error: missing required parameters");
  const ids = insertRows(ctx, coll, rows, "_default");
  return { data: { insertCount: ids.length, insertIds: ids } };
}

function query(body: Record<string, unknown>, ctx: PlaneContext): Reply {
  const db = v1Database(ctx, body.dbName as string | undefined);
  const name = body.collectionName as string;
  const coll = findCollection(db, name);
  if (!coll) throw new DataPlaneError(Code.collectionNotFound, `collection not found[database=${db.name}][collection=${name}]`);
  const predicate = v1Filter(body.filter as string, coll, "query");
  const partitions = readablePartitions(coll, undefined, "query");
  // The 2.3 handler always sends a limit (default 100), and the server refuses to count with one.
  if (isCountQuery(body.outputFields as string[] | undefined)) throw new DataPlaneError(Code.unexpected, "count entities with pagination is not allowed");
  const rows = queryRows(coll, predicate, {
    outputFields: body.outputFields as string[] | undefined,
    limit: body.limit as number | undefined,
    offset: body.offset as number | undefined,
    partitions,
    int64AsString: true,
  });
  return { data: rows };
}

/** v1 search: one vector, 2.3 filter texts, `params.radius`/`range_filter` (range_filter alone is 1801). */
function search(body: Record<string, unknown>, ctx: PlaneContext): Reply {
  const db = v1Database(ctx, body.dbName as string | undefined);
  const name = body.collectionName as string;
  const coll = findCollection(db, name);
  if (!coll) throw new DataPlaneError(Code.collectionNotFound, `collection not found[database=${db.name}][collection=${name}]`);
  // The 2.3 struct types `vector` as []float32 and `params` as map[string]float64: Go's decoder words the misfit.
  const goKind = (v: unknown) => (Array.isArray(v) ? "array" : v === null ? "null" : typeof v === "object" ? "object" : typeof v === "boolean" ? "bool" : typeof v);
  if (!Array.isArray(body.vector)) {
    throw new DataPlaneError(Code.incorrectParameterFormat, `can only accept json format request, error: json: cannot unmarshal ${goKind(body.vector)} into Go struct field SearchReq.vector of type []float32`);
  }
  const badItem = (body.vector as unknown[]).find((v) => typeof v !== "number");
  if (badItem !== undefined) {
    throw new DataPlaneError(Code.incorrectParameterFormat, `can only accept json format request, error: json: cannot unmarshal ${goKind(badItem)} into Go struct field SearchReq.vector of type float32`);
  }
  const params = (body.params as Record<string, unknown> | undefined) ?? {};
  const badParam = Object.values(params).find((v) => typeof v !== "number" && v !== null);
  if (badParam !== undefined) {
    throw new DataPlaneError(Code.incorrectParameterFormat, `can only accept json format request, error: json: cannot unmarshal ${goKind(badParam)} into Go struct field SearchReq.params of type float64`);
  }
  const radius = params.radius;
  const rangeFilter = params.range_filter;
  const numeric = (v: unknown) => v === undefined || typeof v === "number";
  if (!numeric(radius) || !numeric(rangeFilter) || (rangeFilter !== undefined && radius === undefined)) {
    throw new DataPlaneError(Code.incorrectParameterFormat, "can only accept json format request, error: invalid search params");
  }
  const predicate = v1Filter((body.filter as string | undefined) ?? "", coll, "search");
  const partitions = readablePartitions(coll, undefined, "search");
  const { rows } = runSearch(coll, {
    queries: [body.vector],
    predicate,
    partitions,
    limit: (body.limit as number | undefined) || 100,
    offset: (body.offset as number | undefined) ?? 0,
    radius: radius as number | undefined,
    rangeFilter: rangeFilter as number | undefined,
    outputFields: body.outputFields as string[] | undefined,
    int64AsString: true,
  });
  return { data: rows };
}

/** The IDs of a v1 get/delete (`id` is a scalar or an array), 1806 when they are not ints or strings. */
function idsOf(coll: CollectionState, id: unknown): string[] {
  const ids = Array.isArray(id) ? id : [id];
  const pk = coll.fields.find((f) => f.primaryKey)!;
  // Int64 keys accept anything whose text is an integer ("12" too), as spf13/cast does.
  const bad = ids.find((v) => (pk.dataType === "Int64" ? !/^-?\d+$/.test(goFormat(v)) : typeof v !== "string"));
  if (bad !== undefined) {
    // 2.3 casts the value's text with spf13/cast and appends its error.
    const detail = pk.dataType === "Int64" ? `, error: unable to cast "${goFormat(bad)}" of type string to int64` : "";
    throw new DataPlaneError(1806, `please check the primary key and its' type can only in [int, string]${detail}`);
  }
  return ids.map(String);
}

function getRows(body: Record<string, unknown>, ctx: PlaneContext): Reply {
  const db = v1Database(ctx, body.dbName as string | undefined);
  const coll = findCollection(db, body.collectionName as string);
  if (!coll) throw describeMissing(db, body.collectionName as string);
  const ids = idsOf(coll, body.id);
  const pk = coll.fields.find((f) => f.primaryKey)!;
  // get runs a query: only loaded partitions are visible (a v1 collection is loaded unless v2 released it).
  const partitions = readablePartitions(coll, undefined, "query");
  const rows = coll.rows.filter((r) => partitions.includes(r.partition) && ids.includes(String(r.data[pk.name])));
  return { data: rows.map((r) => outputRow(coll, r.data, (body.outputFields as string[] | undefined) ?? ["*"], true)) };
}

function deleteRows(body: Record<string, unknown>, ctx: PlaneContext): Reply {
  if (!body.collectionName || (body.id === undefined && !body.filter)) {
    throw new DataPlaneError(Code.missingRequiredParameters, "missing required parameters, required parameters: [collectionName, id/filter]");
  }
  const db = v1Database(ctx, body.dbName as string | undefined);
  const coll = findCollection(db, body.collectionName as string);
  if (!coll) throw describeMissing(db, body.collectionName as string);
  const pk = coll.fields.find((f) => f.primaryKey)!;
  if (body.id !== undefined) {
    const ids = idsOf(coll, body.id);
    coll.rows = coll.rows.filter((r) => !ids.includes(String(r.data[pk.name])));
  } else {
    const predicate = v1Filter(body.filter as string, coll, "delete");
    coll.rows = coll.rows.filter((r) => !predicate(r.data));
  }
  return { data: {} };
}

const ROUTES: Record<string, { method: "GET" | "POST"; spec: BodySpec; run(body: Record<string, unknown>, ctx: PlaneContext): Reply }> = {
  "collections": { method: "GET", spec: SPECS.list!, run: (body, ctx) => ({ data: Object.keys(v1Database(ctx, body.dbName as string | undefined).collections) }) },
  "collections/create": { method: "POST", spec: SPECS.create!, run: create },
  "collections/describe": { method: "GET", spec: SPECS.describe!, run: describe },
  "collections/drop": { method: "POST", spec: SPECS.drop!, run: drop },
  "insert": { method: "POST", spec: SPECS.insert!, run: insert },
  "query": { method: "POST", spec: SPECS.query!, run: query },
  "search": { method: "POST", spec: SPECS.search!, run: search },
  "get": { method: "POST", spec: SPECS.get!, run: getRows },
  "delete": { method: "POST", spec: SPECS.delete!, run: deleteRows },
};

/** Runs a v1 call; undefined when the path/method pair is not a v1 route (the caller answers 404). */
export function runV1(action: string, method: string, query: URLSearchParams, text: string, ctx: PlaneContext): Reply | undefined {
  const route = ROUTES[action];
  if (!route || route.method !== method) return undefined;
  const body = method === "GET" ? decodeObject(Object.fromEntries(query), route.spec, "v1") : decodeBody(text, route.spec, "v1");
  return route.run(body, ctx);
}
