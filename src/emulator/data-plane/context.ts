/**
 * What every handler sees: the state, the options, name resolution (databases, collections, aliases) and
 * the shapes shared by v1 and v2 (the success envelope extras, field/param echoes).
 */
import type { TransitionKind, TransitionMode } from "../transition-mode";
import { Code, DataPlaneError } from "./errors";
import type { ObjectStoreOptions } from "./object-store";
import type { CollectionState, DatabaseState, PlaneState } from "./state";

/** Handler outcome: `data` goes into the envelope; `extra` adds top-level keys (`message`, `cost`). */
export interface Reply {
  data?: unknown;
  extra?: Record<string, unknown>;
}

export interface PlaneContext {
  state: PlaneState;
  mode(kind: TransitionKind): TransitionMode;
  /** Directory relative import paths are resolved under. */
  importRoot: string;
  /** The S3-compatible server import URLs are read from, when configured. */
  objectStore?: ObjectStoreOptions;
  /** Tells the owner the state changed outside a request (an import finished reading in the background). */
  notify?(): void;
  /** The database a request addresses: body `dbName`, else the `DB-Name` header, else `default`. */
  dbName: string;
  /** `Accept-Type-Allow-Int64: false`: entity int64 values are written as strings. */
  int64AsString: boolean;
}

/** The database, or 800 `database not found[database=x]`. */
export function database(ctx: PlaneContext, name = ctx.dbName): DatabaseState {
  const db = ctx.state.databases[name];
  if (!db) throw new DataPlaneError(Code.databaseNotFound, `database not found[database=${name}]`);
  return db;
}

/** Resolves a collection name or alias; undefined when neither exists. */
export function findCollection(db: DatabaseState, name: string): CollectionState | undefined {
  return db.collections[name] ?? (db.aliases[name] !== undefined ? db.collections[db.aliases[name]!] : undefined);
}

/** The collection (or alias target), or 100 `collection not found[database=db][collection=c]`. */
export function collection(ctx: PlaneContext, name: string, db = database(ctx)): CollectionState {
  const found = findCollection(db, name);
  if (!found) throw new DataPlaneError(Code.collectionNotFound, `collection not found[database=${db.name}][collection=${name}]`);
  return found;
}

/** `[key, value]` pairs as protobuf KeyValuePair JSON (an empty value is omitted, as `omitempty` does). */
export function keyValues(pairs: [string, string][]): { key: string; value?: string }[] {
  return pairs.map(([key, value]) => (value === "" ? { key } : { key, value }));
}

/** Sets or replaces `key` in a pair list, keeping insertion order. */
export function setPair(pairs: [string, string][], key: string, value: string): void {
  const found = pairs.find((p) => p[0] === key);
  if (found) found[1] = value;
  else pairs.push([key, value]);
}

/** Go `%v` of a decoded JSON value (`1000000` prints as `1e+06`, as Go does for float64). */
export function goFormat(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number") {
    if (Number.isInteger(value) && Math.abs(value) < 1e21 && Math.abs(value) >= 1e6 && value !== 0) return goExponent(value);
    return String(value);
  }
  if (typeof value === "boolean") return String(value);
  if (value === null || value === undefined) return "<nil>";
  if (Array.isArray(value)) return `[${value.map(goFormat).join(" ")}]`;
  return `map[${Object.keys(value as object)
    .sort()
    .map((k) => `${k}:${goFormat((value as Record<string, unknown>)[k])}`)
    .join(" ")}]`;
}

function goExponent(value: number): string {
  // Go prints float64 with %g and the shortest digits: exponent form once the exponent reaches 6.
  const [mantissa, exponent] = value.toExponential().split("e");
  const exp = Number(exponent);
  return `${mantissa}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
}

/** Stringifies a type-param value as the server does: strings as is, anything else JSON-encoded (sorted keys). */
export function paramString(value: unknown): string {
  if (typeof value === "string") return value;
  return sortedJson(value);
}

/** Compact JSON with sorted keys (Go's `json.Marshal` of a map). */
export function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${sortedJson(record[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

/** Collection/partition/alias names: a letter or `_` first, then letters, digits or `_`, at most 255. */
export function checkName(kind: "collection" | "partition" | "alias" | "database", name: string): void {
  const label = kind === "database" ? "database" : kind;
  const bad = (why: string) => {
    const text = `Invalid ${label} name: ${name}. ${why}`;
    if (kind === "database") throw new DataPlaneError(Code.invalidDatabaseName, `invalid database name[database=${name}]: ${why}`);
    return new DataPlaneError(Code.parameterInvalid, `${text}: invalid parameter`);
  };
  if (name.length > 255) throw bad(`the length of a ${label} name must be less than 255 characters`);
  if (!/^[A-Za-z_]/.test(name)) throw bad(`the first character of a ${label} name must be an underscore or letter`);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw bad(`${label} name can only contain numbers, letters and underscores`);
}

/** One endpoint: how its body decodes and what it does. */
export interface Route {
  spec: import("./request-body").BodySpec;
  run(body: Record<string, unknown>, ctx: PlaneContext): Reply;
}

/** Endpoints by path below the API prefix (`collections/create`, …). */
export type Routes = Record<string, Route>;
