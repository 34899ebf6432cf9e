/** v2 `collections/*` other than create. */
import { checkName, collection, database, findCollection, goFormat, keyValues, setPair, type PlaneContext, type Routes } from "./context";
import { Code, DataPlaneError, invalidParameter } from "./errors";
import { Int64 } from "./json-text";
import type { BodySpec } from "./request-body";
import type { CollectionState, FieldState } from "./state";
import { buildField } from "./collection-schema";
import { CREATE_SPEC, createCollection } from "./collection-create";
import { loadCollection, loadState, releaseCollection } from "./load";

const NAME: BodySpec = { struct: "CollectionNameReq", fields: { dbName: "string", "collectionName!": "string", partitionNames: "strings" } };
const LOADED_ONLY_KEYS = ["mmap.enabled", "lazyload.enabled"];

/** One `fields[]` entry of a v2 describe. */
export function describeField(f: FieldState): Record<string, unknown> {
  return {
    autoId: f.autoId,
    clusteringKey: f.clusteringKey,
    defaultValue: f.defaultValue ? { Data: { [f.defaultValue.kind]: f.defaultValue.value } } : undefined,
    description: f.description,
    elementType: f.elementType,
    id: new Int64(String(f.id)),
    isFunctionOutput: f.isFunctionOutput ? true : undefined,
    name: f.name,
    nullable: f.nullable,
    params: f.params.length > 0 ? keyValues(f.params) : undefined,
    partitionKey: f.partitionKey,
    primaryKey: f.primaryKey,
    type: f.dataType,
  };
}

function describe(ctx: PlaneContext, requested: string): { data: unknown; extra: Record<string, unknown> } {
  const db = database(ctx);
  const coll = findCollection(db, requested);
  if (!coll) throw new DataPlaneError(Code.collectionNotFound, `can't find collection[database=${db.name}][collection=${requested}]`);
  const data = {
    aliases: Object.keys(db.aliases).filter((a) => db.aliases[a] === coll.name),
    autoId: coll.fields.some((f) => f.primaryKey && f.autoId),
    collectionID: new Int64(coll.id),
    collectionName: requested,
    consistencyLevel: coll.consistencyLevel,
    description: coll.description,
    enableDynamicField: coll.enableDynamicField,
    fields: coll.fields.map(describeField),
    functions: coll.functions,
    indexes: coll.indexes.map((i) => ({ fieldName: i.fieldName, indexName: i.name, metricType: i.metricType || "COSINE" })),
    load: loadState(coll).state,
    partitionsNum: new Int64(String(coll.partitionKeyCount || coll.partitions.length)),
    properties: keyValues(coll.properties),
    shardsNum: coll.shardsNum,
  };
  return { data, extra: { message: coll.indexes.length === 0 ? `index not found[collection=${coll.name}];` : "" } };
}

function requireReleased(coll: CollectionState, keys: string[]): void {
  if (coll.load && keys.some((k) => LOADED_ONLY_KEYS.includes(k) || k.startsWith("warmup"))) {
    throw new DataPlaneError(Code.collectionLoaded, `can not alter mmap properties if collection loaded: collection already loaded[collection=${coll.name}]`);
  }
}

export const collectionRoutes: Routes = {
  "collections/create": { spec: CREATE_SPEC, run: createCollection },
  "collections/list": {
    spec: { struct: "DatabaseReq", fields: { dbName: "string" } },
    run: (_body, ctx) => ({ data: Object.keys(database(ctx).collections) }),
  },
  "collections/has": {
    spec: NAME,
    run: (body, ctx) => ({ data: { has: findCollection(database(ctx), body.collectionName as string) !== undefined } }),
  },
  "collections/describe": { spec: NAME, run: (body, ctx) => describe(ctx, body.collectionName as string) },
  "collections/get_stats": {
    spec: NAME,
    run: (body, ctx) => ({ data: { rowCount: new Int64(String(collection(ctx, body.collectionName as string).rows.length)) } }),
  },
  "collections/get_load_state": {
    spec: NAME,
    run(body, ctx) {
      const coll = findCollection(database(ctx), body.collectionName as string);
      if (!coll) throw new DataPlaneError(Code.collectionNotFound, `collection not found[collection=${String(body.collectionName)}]`);
      for (const p of (body.partitionNames as string[] | undefined) ?? []) {
        if (!coll.partitions.includes(p)) throw new DataPlaneError(Code.partitionNotFound, `partition not found[partition=${p}]`);
      }
      const { state, progress } = loadState(coll, (body.partitionNames as string[] | undefined) ?? []);
      if (state === "LoadStateNotLoad") return { data: { loadState: state } };
      return { data: { loadProgress: new Int64(String(progress)), loadState: state }, extra: { message: "" } };
    },
  },
  "collections/drop": {
    spec: NAME,
    run(body, ctx) {
      const db = database(ctx);
      const coll = db.collections[body.collectionName as string];
      if (!coll) return { data: {} };
      const aliases = Object.keys(db.aliases).filter((a) => db.aliases[a] === coll.name);
      if (aliases.length > 0) {
        throw new DataPlaneError(Code.unexpected, `unable to drop the collection [${coll.name}] because it has associated aliases [${aliases.join(", ")}], please remove all aliases before dropping the collection`);
      }
      delete db.collections[coll.name];
      return { data: {} };
    },
  },
  "collections/rename": {
    spec: { struct: "RenameCollectionReq", fields: { dbName: "string", "collectionName!": "string", "newCollectionName!": "string", newDbName: "string" } },
    run(body, ctx) {
      const db = database(ctx);
      const oldName = body.collectionName as string;
      const coll = db.collections[oldName];
      if (!coll) {
        if (db.aliases[oldName] !== undefined) throw invalidParameter(`unsupported use an alias to rename collection, alias:${oldName}`);
        throw new DataPlaneError(Code.collectionNotFound, `collection not found[database=${db.name}][collection=${oldName}]`);
      }
      const target = database(ctx, (body.newDbName as string | undefined) || db.name);
      const newName = body.newCollectionName as string;
      checkName("collection", newName);
      if (findCollection(target, newName)) throw invalidParameter(`duplicated new collection name ${target.name}:${newName} with other collection name or alias`);
      delete db.collections[oldName];
      coll.name = newName;
      target.collections[newName] = coll;
      return { data: {} };
    },
  },
  "collections/load": {
    spec: NAME,
    run(body, ctx) {
      loadCollection(ctx, collection(ctx, body.collectionName as string));
      return { data: {} };
    },
  },
  "collections/refresh_load": {
    spec: NAME,
    run(body, ctx) {
      collection(ctx, body.collectionName as string);
      return { data: {} };
    },
  },
  "collections/release": {
    spec: NAME,
    run(body, ctx) {
      releaseCollection(collection(ctx, body.collectionName as string));
      return { data: {} };
    },
  },
  "collections/flush": {
    spec: NAME,
    run(body, ctx) {
      collection(ctx, body.collectionName as string);
      return { data: {} };
    },
  },
  "collections/alter_properties": {
    spec: { struct: "CollectionReqWithProperties", fields: { dbName: "string", "collectionName!": "string", properties: "map" } },
    run(body, ctx) {
      const coll = collection(ctx, body.collectionName as string);
      const properties = (body.properties as Record<string, unknown> | undefined) ?? {};
      requireReleased(coll, Object.keys(properties));
      for (const [key, value] of Object.entries(properties)) {
        const text = goFormat(value);
        if (key === "collection.ttl.seconds" && !/^\d+$/.test(text)) throw invalidParameter(`collection TTL is not a valid positive integer`);
        setPair(coll.properties, key, text);
      }
      return { data: {} };
    },
  },
  "collections/drop_properties": {
    spec: { struct: "DropCollectionPropertiesReq", fields: { dbName: "string", "collectionName!": "string", propertyKeys: "strings" } },
    run(body, ctx) {
      const coll = collection(ctx, body.collectionName as string);
      const keys = (body.propertyKeys as string[] | undefined) ?? [];
      requireReleased(coll, keys);
      coll.properties = coll.properties.filter((p) => !keys.includes(p[0]));
      return { data: {} };
    },
  },
  "collections/fields/alter_properties": {
    spec: { struct: "FieldPropertiesReq", fields: { dbName: "string", "collectionName!": "string", "fieldName!": "string", fieldParams: "map" } },
    run(body, ctx) {
      const coll = collection(ctx, body.collectionName as string);
      const field = coll.fields.find((f) => f.name === body.fieldName);
      if (!field) throw new DataPlaneError(1700, `field not found[field=${String(body.fieldName)}]`);
      const fieldParams = (body.fieldParams as Record<string, unknown> | undefined) ?? {};
      for (const [key, value] of Object.entries(fieldParams)) {
        if (!["max_length", "max_capacity", "mmap.enabled", "field.description"].includes(key) && !key.startsWith("warmup")) {
          throw invalidParameter(`${key} does not allow update in collection field param`);
        }
        requireReleased(coll, [key]);
        if (key === "field.description") field.description = goFormat(value);
        else setPair(field.params, key, goFormat(value));
      }
      return { data: {} };
    },
  },
  "collections/fields/add": {
    spec: { struct: "CollectionFieldReqWithSchema", fields: { dbName: "string", "collectionName!": "string", "schema!": "map" } },
    run(body, ctx) {
      const coll = collection(ctx, body.collectionName as string);
      const schema = body.schema as Record<string, unknown>;
      const lower = (k: string) => Object.entries(schema).find(([key]) => key.toLowerCase() === k.toLowerCase())?.[1];
      for (const key of ["fieldName", "dataType"]) {
        if (typeof lower(key) !== "string" || lower(key) === "") {
          const go = key.charAt(0).toUpperCase() + key.slice(1);
          throw new DataPlaneError(Code.missingRequiredParameters, `missing required parameters, error: Key: 'CollectionFieldReqWithSchema.Schema.${go}' Error:Field validation for '${go}' failed on the 'required' tag`);
        }
      }
      const field = buildField(
        { fieldName: lower("fieldName") as string, dataType: lower("dataType") as string, elementDataType: lower("elementDataType") as string | undefined,
          elementTypeParams: lower("elementTypeParams") as Record<string, unknown> | undefined, nullable: lower("nullable") === true,
          defaultValue: lower("defaultValue"), description: lower("description") as string | undefined },
        Math.max(...coll.fields.map((f) => f.id)) + 1,
        false,
      );
      if (!field.nullable) throw invalidParameter(`added field must be nullable, please check it, field name = ${field.name}`);
      if (coll.fields.some((f) => f.name === field.name)) throw invalidParameter(`duplicate field name: ${field.name}`);
      coll.fields.push(field);
      return { data: {} };
    },
  },
};
