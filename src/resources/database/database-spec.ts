/** The Database's properties: one table, from which its class, check, diff and stored shape derive. */
import { z } from "zod";
import { dataPlaneTarget, milvusName, refineTarget } from "../shared/data-plane-target";
import type { StateOf } from "../shared/resource-definition";
import { defineSpec, input, output, type InputsOf } from "../shared/spec";

const { dbName: _connectionDb, ...target } = dataPlaneTarget;

/** Property values as the server stores them: every value a string. */
export function canonicalProperties(value: unknown): Record<string, string> {
  if (value === undefined || value === null || typeof value !== "object") return {};
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));
}

export const databaseSpec = defineSpec({
  ...target,
  /**
   * The database's name (also its id). Changing it replaces the database (Milvus cannot rename one). The
   * `default` database always exists: manage its properties with `adopt: true`; it is never dropped.
   * @example "analytics"
   */
  dbName: input(milvusName("database name"), { change: "replace" }),
  /**
   * Database properties (values sent as strings), e.g. `database.replica.number`, `database.resource_groups`,
   * `database.max.collections`, `database.diskQuota.mb`, `database.force.deny.writing`,
   * `database.force.deny.reading`, `database.force.deny.ddl`, `mmap.enabled`. Default: none. Updates in place
   * (`databases/alter` for set or changed keys, `databases/drop_properties` for removed ones).
   * @example { "database.max.collections": 50, "database.force.deny.writing": false }
   */
  properties: input(z.record(z.string().min(1), z.union([z.string(), z.number(), z.boolean()])).optional(), { change: "update", canonical: canonicalProperties }),
  /**
   * Let `destroy` (or a replacement) drop the database although it still holds collections: their aliases
   * and the collections with all their entities are dropped first. Default false: the delete is refused,
   * naming the collections. Updates in place (no server call).
   * @example true
   */
  allowDataLoss: input(z.boolean().optional(), { change: "local", default: false }),
  /**
   * Take over an existing database of this name (its properties are then set in place). Default false. Only read at create (changing it later does nothing).
   * @example true
   */
  adopt: input(z.boolean().optional(), { change: "create-only" }),

  /** The server's numeric id of the database (int64, as a decimal string). */
  dbId: output<string>(),
});

export type DatabaseSpec = typeof databaseSpec;
export type DatabaseInputs = InputsOf<DatabaseSpec>;
export type DatabaseState = StateOf<DatabaseSpec>;

/** Exactly one target; the `default` database cannot be created, only adopted. */
export function refineDatabase(v: DatabaseInputs, ctx: z.RefinementCtx): void {
  refineTarget(v, ctx);
  if (v.dbName === "default" && v.adopt !== true) ctx.addIssue({ code: "custom", path: ["dbName"], message: "the default database always exists: set adopt: true to manage its properties" });
}
