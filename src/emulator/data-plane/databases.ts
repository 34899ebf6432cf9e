/** v2 `databases/*` (§5.7; 2.5 profile). */
import { checkName, goFormat, keyValues, setPair, type PlaneContext, type Routes } from "./context";
import { Code, DataPlaneError, invalidParameter } from "./errors";
import { Int64 } from "./json-text";
import type { BodySpec } from "./request-body";
import { nextId, type DatabaseState } from "./state";

const WITH_PROPS: BodySpec = { struct: "DatabaseReqWithProperties", fields: { "dbName!": "string", properties: "map" } };
const NAME: BodySpec = { struct: "DatabaseReqRequiredName", fields: { "dbName!": "string" } };

function existing(ctx: PlaneContext, name: string): DatabaseState {
  const db = ctx.state.databases[name];
  if (!db) throw new DataPlaneError(Code.databaseNotFound, `database not found[database=${name}]`);
  return db;
}

function applyProperties(db: DatabaseState, properties: Record<string, unknown> | undefined): void {
  for (const [key, value] of Object.entries(properties ?? {})) setPair(db.properties, key, goFormat(value));
}

export const databaseRoutes: Routes = {
  "databases/create": {
    spec: WITH_PROPS,
    run(body, ctx) {
      const name = body.dbName as string;
      if (ctx.state.databases[name]) throw invalidParameter(`database already exist: ${name}`);
      checkName("database", name);
      if (Object.keys(ctx.state.databases).length >= 64) throw new DataPlaneError(801, "database number (64) exceeds max configuration (64)");
      const db: DatabaseState = { id: nextId(ctx.state), name, properties: [], collections: {}, aliases: {} };
      applyProperties(db, body.properties as Record<string, unknown> | undefined);
      ctx.state.databases[name] = db;
      return { data: {} };
    },
  },
  "databases/list": {
    spec: { struct: "EmptyReq", fields: {} },
    run: (_body, ctx) => ({ data: Object.keys(ctx.state.databases) }),
  },
  "databases/describe": {
    spec: NAME,
    run(body, ctx) {
      const db = existing(ctx, body.dbName as string);
      return { data: { dbID: new Int64(db.id), dbName: db.name, properties: keyValues(db.properties) } };
    },
  },
  "databases/alter": {
    spec: WITH_PROPS,
    run(body, ctx) {
      applyProperties(existing(ctx, body.dbName as string), body.properties as Record<string, unknown> | undefined);
      return { data: {} };
    },
  },
  "databases/drop_properties": {
    spec: { struct: "DropDatabasePropertiesReq", fields: { "dbName!": "string", propertyKeys: "strings" } },
    run(body, ctx) {
      const db = existing(ctx, body.dbName as string);
      const keys = (body.propertyKeys as string[] | undefined) ?? [];
      db.properties = db.properties.filter((p) => !keys.includes(p[0]));
      return { data: {} };
    },
  },
  "databases/drop": {
    spec: NAME,
    run(body, ctx) {
      const name = body.dbName as string;
      if (name === "default") throw new DataPlaneError(Code.unexpected, "can not drop default database");
      const db = ctx.state.databases[name];
      if (!db) return { data: {} };
      if (Object.keys(db.collections).length > 0) {
        throw new DataPlaneError(Code.unexpected, `database:${name} not empty, must drop all collections before drop database`);
      }
      delete ctx.state.databases[name];
      return { data: {} };
    },
  },
};
databaseRoutes["databases/alter_properties"] = databaseRoutes["databases/alter"]!;
