/** v2 `collections/create` in quick and custom mode (§5.1 of the REST reference). */
import { checkName, database, goFormat, paramString, setPair, type PlaneContext, type Reply } from "./context";
import { Code, DataPlaneError, invalidParameter } from "./errors";
import { buildField, validateFields, type FieldRequest } from "./collection-schema";
import { decodeObject, type BodySpec } from "./request-body";
import { nextId, type CollectionState, type FieldState } from "./state";
import { createIndexes } from "./indexes";
import { loadCollection } from "./load";

export const CREATE_SPEC: BodySpec = {
  struct: "CollectionReq",
  fields: {
    dbName: "string", "collectionName!": "string", dimension: "int32", idType: "string", autoID: "bool",
    metricType: "string", primaryFieldName: "string", vectorFieldName: "string", description: "string",
    schema: "map", indexParams: "array", params: "map",
  },
};
const SCHEMA_SPEC: BodySpec = { struct: "CollectionSchema", fields: { autoID: "bool", enableDynamicField: "bool", fields: "array", functions: "array" } };
const FIELD_SPEC: BodySpec = {
  struct: "FieldSchema",
  fields: {
    fieldName: "string", dataType: "string", elementDataType: "string", isPrimary: "bool", isPartitionKey: "bool",
    isClusteringKey: "bool", elementTypeParams: "map", nullable: "bool", defaultValue: "any", description: "string",
  },
};
const FUNCTION_SPEC: BodySpec = {
  struct: "FunctionSchema",
  fields: { name: "string", type: "string", description: "string", inputFieldNames: "strings", outputFieldNames: "strings", params: "map" },
};
const FUNCTION_TYPES: Record<string, number> = { BM25: 1, TextEmbedding: 2, Rerank: 3, MinHash: 4 };
const CONSISTENCY = ["Strong", "Session", "Bounded", "Eventually", "Customized"];

export function createCollection(body: Record<string, unknown>, ctx: PlaneContext): Reply {
  const db = database(ctx);
  const name = body.collectionName as string;
  const schema = decodeObject(body.schema ?? {}, SCHEMA_SPEC, "v2");
  const fieldReqs = ((schema.fields as unknown[] | undefined) ?? []).map((f) => decodeObject(f, FIELD_SPEC, "v2") as FieldRequest);
  const params = (body.params as Record<string, unknown> | undefined) ?? {};
  const custom = fieldReqs.length > 0;
  const indexParams = (body.indexParams as unknown[] | undefined) ?? [];

  let fields: FieldState[];
  let enableDynamicField: boolean;
  if (custom) {
    fields = fieldReqs.map((f, i) => buildField(f, 100 + i, schema.autoID === true));
    enableDynamicField = schema.enableDynamicField === true;
  } else {
    if (!body.dimension) {
      throw new DataPlaneError(
        Code.parameterInvalid,
        "dimension is required for quickly create collection(default metric type: COSINE): invalid parameter[expected=collectionName & dimension][actual=collectionName]",
      );
    }
    if (((schema.functions as unknown[] | undefined) ?? []).length > 0) throw invalidParameter("functions are not supported for quickly create collection");
    fields = quickFields(body, params);
    enableDynamicField = parseDynamic(params.enableDynamicField);
  }
  const functions = custom ? buildFunctions((schema.functions as unknown[] | undefined) ?? [], fields) : [];
  const consistencyLevel = params.consistencyLevel === undefined ? "Bounded" : goFormat(params.consistencyLevel);
  if (!CONSISTENCY.includes(consistencyLevel)) {
    throw new DataPlaneError(Code.parameterInvalid, `consistencyLevel can only be [Strong, Session, Bounded, Eventually, Customized], default: Bounded: invalid parameter[expected=Strong, Session, Bounded, Eventually, Customized][actual=${consistencyLevel}]`);
  }
  checkName("collection", name);
  validateFields(name, fields);
  const shards = Number.parseInt(goFormat(params.shardsNum ?? "1"), 10);
  const hasPartitionKey = fields.some((f) => f.partitionKey);
  const partitionsNum = Number.parseInt(goFormat(params.partitionsNum ?? "16"), 10);
  const properties: [string, string][] = [];
  if (params.ttlSeconds !== undefined) setPair(properties, "collection.ttl.seconds", goFormat(params.ttlSeconds));
  if (params.partitionKeyIsolation !== undefined) setPair(properties, "partitionkey.isolation", goFormat(params.partitionKeyIsolation));
  if (params["mmap.enabled"] !== undefined) setPair(properties, "mmap.enabled", goFormat(params["mmap.enabled"]));

  if (db.aliases[name] !== undefined) throw new DataPlaneError(1601, `alias and collection name conflict[database=${db.name}][alias=${name}]`);
  const candidate: CollectionState = {
    id: "",
    name,
    description: (body.description as string | undefined) ?? "",
    enableDynamicField,
    shardsNum: Number.isNaN(shards) || shards <= 0 ? 1 : shards,
    consistencyLevel,
    fields,
    functions,
    properties,
    partitions: hasPartitionKey ? Array.from({ length: Number.isNaN(partitionsNum) ? 16 : partitionsNum }, (_, i) => `_default_${i}`) : ["_default"],
    partitionKeyCount: hasPartitionKey ? (Number.isNaN(partitionsNum) ? 16 : partitionsNum) : 0,
    indexes: [],
    rows: [],
    createdAt: Date.now(),
  };
  if (candidate.shardsNum > 16) throw invalidParameter(`maximum shards's number should be limited to 16`);
  let coll = db.collections[name];
  if (coll) {
    if (JSON.stringify(schemaOf(coll)) !== JSON.stringify(schemaOf(candidate))) {
      throw invalidParameter(`create duplicate collection with different parameters, collection: ${name}`);
    }
  } else {
    candidate.id = nextId(ctx.state);
    db.collections[name] = candidate;
    coll = candidate;
  }
  if (!custom) {
    const vector = fields[1]!.name;
    createIndexes(ctx, coll, [{ fieldName: vector, indexName: vector, metricType: (body.metricType as string | undefined) || "COSINE" }]);
    loadCollection(ctx, coll);
  } else if (indexParams.length > 0) {
    // As the 2.5 handler: the collection exists before the index fields are checked, so it stays behind.
    for (const entry of indexParams) {
      const fieldName = decodeObject(entry, { struct: "IndexParam", fields: { fieldName: "string" } }, "v2").fieldName;
      if (!coll.fields.some((f) => f.name === fieldName)) {
        throw new DataPlaneError(Code.missingRequiredParameters, `missing required parameters, error: \`${String(fieldName ?? "")}\` hasn't defined in schema`);
      }
    }
    createIndexes(ctx, coll, indexParams);
    loadCollection(ctx, coll);
  }
  return { data: {} };
}

/** What must match for a repeated create to be accepted as identical. */
function schemaOf(c: CollectionState): unknown {
  return [c.fields, c.enableDynamicField, c.shardsNum, c.consistencyLevel, c.partitionKeyCount, c.description];
}

function quickFields(body: Record<string, unknown>, params: Record<string, unknown>): FieldState[] {
  const idType = (body.idType as string | undefined) ?? "";
  let pkType: string;
  if (["", "Int64", "int64"].includes(idType)) pkType = "Int64";
  else if (["VarChar", "Varchar"].includes(idType)) pkType = "VarChar";
  else throw invalidParameter(`idType can only be [Int64, VarChar], default: Int64`);
  const pk: FieldState = {
    id: 100, name: (body.primaryFieldName as string | undefined) || "id", dataType: pkType, primaryKey: true,
    autoId: body.autoID === true, partitionKey: false, clusteringKey: false, nullable: false, description: "", params: [],
  };
  if (pkType === "VarChar") {
    const max = goFormat(params.max_length);
    if (!/^\d+$/.test(max)) throw new DataPlaneError(Code.unexpected, `strconv.ParseInt: parsing "${max}": invalid syntax`);
    pk.params.push(["max_length", max]);
  }
  const vector: FieldState = {
    id: 101, name: (body.vectorFieldName as string | undefined) || "vector", dataType: "FloatVector", primaryKey: false,
    autoId: false, partitionKey: false, clusteringKey: false, nullable: false, description: "", params: [["dim", String(body.dimension)]],
  };
  return [pk, vector];
}

function parseDynamic(value: unknown): boolean {
  if (value === undefined) return true;
  const text = goFormat(value);
  if (["1", "t", "T", "true", "TRUE", "True"].includes(text)) return true;
  if (["0", "f", "F", "false", "FALSE", "False"].includes(text)) return false;
  throw new DataPlaneError(Code.unexpected, `parse enableDynamicField fail, err:strconv.ParseBool: parsing "${text}": invalid syntax`);
}

/** Custom-mode `schema.functions`: echoed by describe with the numeric type; output fields are marked. */
function buildFunctions(entries: unknown[], fields: FieldState[]): unknown[] {
  return entries.map((entry, i) => {
    const f = decodeObject(entry, FUNCTION_SPEC, "v2");
    const type = FUNCTION_TYPES[(f.type as string | undefined) ?? ""];
    if (type === undefined) throw invalidParameter(`unsupported function type: ${String(f.type ?? "")}`);
    const outputs = (f.outputFieldNames as string[] | undefined) ?? [];
    for (const field of fields) if (outputs.includes(field.name)) field.isFunctionOutput = true;
    const params = Object.entries((f.params as Record<string, unknown> | undefined) ?? {}).map(([key, value]) => ({ key, value: paramString(value) }));
    return {
      description: (f.description as string | undefined) ?? "",
      id: 100 + i,
      inputFieldNames: (f.inputFieldNames as string[] | undefined) ?? [],
      name: (f.name as string | undefined) ?? "",
      outputFieldNames: outputs,
      params,
      type,
    };
  });
}
