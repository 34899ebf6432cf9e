/** Milvus data plane v2: databases (2.5+; `milvus-rest-api.md` §5.7). */
import { z } from "zod";
import { emptyData, int64String, keyValueList, stringList } from "../schema-helpers";
import type { Transport } from "../transport";
import { type CallOptions, post, stringifyParams } from "./call";

export const databaseDescriptionSchema = z.object({
  dbName: z.string(),
  /** int64, kept exact as a decimal string. */
  dbID: int64String.optional(),
  properties: keyValueList,
});
/** `databases/describe` data. */
export type DatabaseDescription = z.output<typeof databaseDescriptionSchema>;

/** `/v2/vectordb/databases/...`. */
export class Databases {
  constructor(private readonly t: Transport) {}
  /** Creates a database. An existing one fails with code 1100 (InvalidArgumentError). Never retried. */
  async create(req: { dbName: string; properties?: Record<string, unknown> }, o: CallOptions = {}): Promise<void> {
    await post(this.t, "databases/create", { ...req, properties: stringifyParams(req.properties) }, emptyData, false, o);
  }
  /** Missing: NotFoundError (800). */
  describe(req: { dbName: string }, o: CallOptions = {}): Promise<DatabaseDescription> {
    return post(this.t, "databases/describe", req, databaseDescriptionSchema, true, o);
  }
  list(o: CallOptions = {}): Promise<string[]> {
    return post(this.t, "databases/list", {}, stringList, true, o);
  }
  /** Idempotent on the server. */
  async drop(req: { dbName: string }, o: CallOptions = {}): Promise<void> {
    await post(this.t, "databases/drop", req, emptyData, true, o);
  }
  async alter(req: { dbName: string; properties: Record<string, unknown> }, o: CallOptions = {}): Promise<void> {
    await post(this.t, "databases/alter", { ...req, properties: stringifyParams(req.properties) }, emptyData, true, o);
  }
  /** Removes properties (≈2.5.4+); removing an absent key is a no-op, so it is retried. */
  async dropProperties(req: { dbName: string; propertyKeys: string[] }, o: CallOptions = {}): Promise<void> {
    await post(this.t, "databases/drop_properties", req, emptyData, true, o);
  }
}
