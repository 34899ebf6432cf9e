/** v2 `partitions/*`. */
import { checkName, collection, type Routes } from "./context";
import { Code, DataPlaneError, invalidParameter } from "./errors";
import { Int64 } from "./json-text";
import type { BodySpec } from "./request-body";
import { isPartitionLoaded, loadPartitions, releasePartitions } from "./load";

const ONE: BodySpec = { struct: "PartitionReq", fields: { dbName: "string", "collectionName!": "string", "partitionName!": "string" } };
const MANY: BodySpec = { struct: "PartitionsReq", fields: { dbName: "string", "collectionName!": "string", "partitionNames!": "strings" } };

export const partitionRoutes: Routes = {
  "partitions/list": {
    spec: { struct: "CollectionNameReq", fields: { dbName: "string", "collectionName!": "string" } },
    run: (body, ctx) => ({ data: [...collection(ctx, body.collectionName as string).partitions] }),
  },
  "partitions/has": {
    spec: ONE,
    run: (body, ctx) => ({ data: { has: collection(ctx, body.collectionName as string).partitions.includes(body.partitionName as string) } }),
  },
  "partitions/get_stats": {
    spec: ONE,
    run(body, ctx) {
      const coll = collection(ctx, body.collectionName as string);
      const name = body.partitionName as string;
      if (!coll.partitions.includes(name)) throw new DataPlaneError(Code.partitionNotFound, `partition not found[partition=${name}]`);
      return { data: { rowCount: new Int64(String(coll.rows.filter((r) => r.partition === name).length)) } };
    },
  },
  "partitions/create": {
    spec: ONE,
    run(body, ctx) {
      const coll = collection(ctx, body.collectionName as string);
      const name = body.partitionName as string;
      if (coll.partitionKeyCount > 0) throw invalidParameter("disable create partition if partition key mode is used");
      if (coll.partitions.includes(name)) return { data: {} };
      checkName("partition", name);
      if (coll.partitions.length >= 1024) throw invalidParameter("partition number (1024) exceeds max configuration (1024)");
      coll.partitions.push(name);
      return { data: {} };
    },
  },
  "partitions/drop": {
    spec: ONE,
    run(body, ctx) {
      const coll = collection(ctx, body.collectionName as string);
      const name = body.partitionName as string;
      if (name === "_default") throw new DataPlaneError(Code.unexpected, "default partition cannot be deleted");
      if (!coll.partitions.includes(name)) return { data: {} };
      if (isPartitionLoaded(coll, name)) throw invalidParameter("partition cannot be dropped, partition is loaded, please release it first");
      coll.partitions = coll.partitions.filter((p) => p !== name);
      if (coll.loadedPartitions) coll.loadedPartitions = coll.loadedPartitions.filter((p) => p !== name);
      coll.rows = coll.rows.filter((r) => r.partition !== name);
      return { data: {} };
    },
  },
  "partitions/load": {
    spec: MANY,
    run(body, ctx) {
      const coll = collection(ctx, body.collectionName as string);
      for (const p of body.partitionNames as string[]) {
        if (!coll.partitions.includes(p)) throw new DataPlaneError(Code.partitionNotFound, `partition not found[partition=${p}]`);
      }
      loadPartitions(ctx, coll, body.partitionNames as string[]);
      return { data: {} };
    },
  },
  "partitions/release": {
    spec: MANY,
    run(body, ctx) {
      const coll = collection(ctx, body.collectionName as string);
      const names = body.partitionNames as string[];
      for (const p of names) {
        if (!coll.partitions.includes(p)) throw new DataPlaneError(Code.partitionNotFound, `partition not found[partition=${p}]`);
      }
      releasePartitions(coll, names);
      return { data: {} };
    },
  },
};
