/** v2 `aliases/*` (§5.6). */
import { checkName, database, type Routes } from "./context";
import { Code, DataPlaneError } from "./errors";
import type { BodySpec } from "./request-body";

const PAIR: BodySpec = { struct: "AliasCollectionReq", fields: { dbName: "string", "collectionName!": "string", "aliasName!": "string" } };
const ALIAS: BodySpec = { struct: "AliasReq", fields: { dbName: "string", "aliasName!": "string" } };

export const aliasRoutes: Routes = {
  "aliases/create": {
    spec: PAIR,
    run(body, ctx) {
      const db = database(ctx);
      const alias = body.aliasName as string;
      const target = body.collectionName as string;
      if (!db.collections[target]) throw new DataPlaneError(Code.collectionNotFound, `collection not found[database=${db.name}][collection=${target}]`);
      checkName("alias", alias);
      if (db.collections[alias]) throw new DataPlaneError(Code.aliasCollectionConflict, `alias and collection name conflict[database=${db.name}][alias=${alias}]`);
      const current = db.aliases[alias];
      if (current === target) return { data: {} };
      if (current !== undefined) {
        throw new DataPlaneError(Code.aliasExists, `${alias} is alias to another collection: ${current}: alias already exist[database=${db.name}][alias=${alias}]`);
      }
      db.aliases[alias] = target;
      return { data: {} };
    },
  },
  "aliases/alter": {
    spec: PAIR,
    run(body, ctx) {
      const db = database(ctx);
      const alias = body.aliasName as string;
      const target = body.collectionName as string;
      if (db.aliases[alias] === undefined) throw new DataPlaneError(Code.aliasNotFound, `alias not found[database=${db.name}][alias=${alias}]`);
      if (!db.collections[target]) throw new DataPlaneError(Code.collectionNotFound, `collection not found[database=${db.name}][collection=${target}]`);
      db.aliases[alias] = target;
      return { data: {} };
    },
  },
  "aliases/describe": {
    spec: ALIAS,
    run(body, ctx) {
      const db = database(ctx);
      const alias = body.aliasName as string;
      const target = db.aliases[alias];
      if (target === undefined) throw new DataPlaneError(Code.aliasNotFound, `alias not found[database=${db.name}][alias=${alias}]`);
      return { data: { aliasName: alias, collectionName: target, dbName: db.name } };
    },
  },
  "aliases/list": {
    spec: { struct: "OptionalCollectionNameReq", fields: { dbName: "string", collectionName: "string" } },
    run(body, ctx) {
      const db = database(ctx);
      const target = (body.collectionName as string | undefined) ?? "";
      if (target !== "" && !db.collections[target]) throw new DataPlaneError(Code.collectionNotFound, `collection not found[database=${db.name}][collection=${target}]`);
      return { data: Object.keys(db.aliases).filter((a) => target === "" || db.aliases[a] === target) };
    },
  },
  "aliases/drop": {
    spec: ALIAS,
    run(body, ctx) {
      delete database(ctx).aliases[body.aliasName as string];
      return { data: {} };
    },
  },
};
