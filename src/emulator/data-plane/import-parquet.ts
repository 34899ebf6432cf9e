/**
 * Parquet import files, decoded by `hyparquet` and checked against the collection the way Milvus checks an
 * Arrow schema: every input field needs a column of a convertible type, and a column that is not a field
 * fails the file. `hyparquet` is an optional dependency loaded on first use, so the provider and the client
 * never load it and a provider-only install can leave it out.
 */
import { importFailed, inputFields, mayBeMissing, typedValue, type Decoded } from "./import-values";
import type { CollectionState, FieldState } from "./state";

/** The part of `hyparquet`'s API the reader uses. */
interface SchemaNode {
  element: { name: string; type?: string; converted_type?: string; logical_type?: { type: string; bitWidth?: number; isSigned?: boolean } };
  children: SchemaNode[];
}
interface Hyparquet {
  parquetMetadata(file: ArrayBuffer): unknown;
  parquetSchema(metadata: unknown): SchemaNode;
  parquetReadObjects(options: { file: ArrayBuffer; metadata?: unknown }): Promise<Record<string, unknown>[]>;
}

let loading: Promise<Hyparquet> | undefined;

/**
 * Loads `hyparquet` (an ES module) from CommonJS. TypeScript turns `import()` into `require()`, which Node 20
 * before 20.19 cannot use on an ES module, so the native dynamic import is tried first (reached through
 * Function so the compiler leaves it alone). Where there is none (a vm context, as under vitest), the
 * compiled `import()` is used.
 */
function loadHyparquet(): Promise<Hyparquet> {
  const nativeImport = new Function("specifier", "return import(specifier)") as (specifier: string) => Promise<unknown>;
  loading ??= nativeImport("hyparquet")
    .catch((error: unknown) => {
      if (!/dynamic import callback/i.test(String(error))) throw error;
      return import("hyparquet");
    })
    .then((lib) => lib as Hyparquet)
    .catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
  return loading;
}

/** Decodes a Parquet file into rows for `coll`. */
export async function decodeParquet(data: Buffer, coll: CollectionState): Promise<Decoded> {
  let lib: Hyparquet;
  try {
    lib = await loadHyparquet();
  } catch (error) {
    return importFailed(
      `zilliz-local cannot read Parquet files: the optional package "hyparquet" is not installed (${(error as Error).message}); install it with npm install hyparquet`,
    );
  }
  const file = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
  let metadata: unknown;
  let columns: Map<string, string>;
  try {
    metadata = lib.parquetMetadata(file);
    columns = new Map(lib.parquetSchema(metadata).children.map((c) => [c.element.name, arrowType(c)]));
  } catch (error) {
    return importFailed(`get parquet schema failed, err=${(error as Error).message}`);
  }
  const mismatch = schemaMismatch(coll, columns);
  if (mismatch) return importFailed(`schema not equal, err=${mismatch}: importing data failed`);
  const byName = new Map(coll.fields.map((f) => [f.name, f]));
  for (const name of columns.keys()) {
    const field = byName.get(name);
    if (!field && !(name === "$meta" && coll.enableDynamicField)) {
      return importFailed(`the field: ${name} is not in schema, if it's a dynamic field, please reformat data by bulk_writer`);
    }
    if (field?.primaryKey && field.autoId) return importFailed(`the primary key '${name}' is auto-generated, no need to provide`);
  }
  let objects: Record<string, unknown>[];
  try {
    objects = await lib.parquetReadObjects({ file, metadata });
  } catch (error) {
    return importFailed(`read parquet file failed, err=${(error as Error).message}`);
  }
  const rows: Record<string, unknown>[] = [];
  try {
    for (const object of objects) {
      const row: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(object)) {
        const field = byName.get(name);
        if (field) row[name] = typedValue(field, value);
        else if (typeof value === "string" && value !== "") Object.assign(row, JSON.parse(value) as object);
      }
      rows.push(row);
    }
  } catch (error) {
    return importFailed(`failed to parse a JSON value in the parquet file: ${(error as Error).message}`);
  }
  return { rows };
}

/** Milvus's check of the collection against the file's Arrow schema (field missing, type not convertible). */
function schemaMismatch(coll: CollectionState, columns: Map<string, string>): string | undefined {
  for (const field of inputFields(coll)) {
    const actual = columns.get(field.name);
    if (actual === undefined) {
      if (mayBeMissing(field)) continue;
      return `field '${field.name}' not in arrow schema`;
    }
    const expected = expectedArrowType(field);
    if (!convertible(actual, expected)) {
      return `field '${field.name}' type mis-match, milvus data type '${field.dataType}', arrow data type get '${actual}'`;
    }
  }
  return undefined;
}

const ARROW_OF: Record<string, string> = {
  Bool: "bool", Int8: "int8", Int16: "int16", Int32: "int32", Int64: "int64", Float: "float", Double: "double",
  VarChar: "utf8", String: "utf8", JSON: "utf8", SparseFloatVector: "utf8",
  FloatVector: "list<item: float, nullable>", BinaryVector: "list<item: uint8, nullable>",
  Float16Vector: "list<item: uint8, nullable>", BFloat16Vector: "list<item: uint8, nullable>", Int8Vector: "list<item: int8, nullable>",
};

function expectedArrowType(field: FieldState): string {
  if (field.dataType === "Array") return `list<item: ${ARROW_OF[field.elementType ?? ""] ?? "null"}, nullable>`;
  return ARROW_OF[field.dataType] ?? "null";
}

const INTS = ["int8", "int16", "int32", "int64"];
const FLOATS = ["float", "double"];

/** Arrow's cast rules as Milvus applies them (`isArrowDataTypeConvertible`). */
function convertible(src: string, dst: string): boolean {
  const list = (t: string) => /^list<item: (.*), nullable>$/.exec(t)?.[1];
  const srcItem = list(src);
  if (srcItem !== undefined) {
    const dstItem = list(dst);
    return dstItem !== undefined && convertible(srcItem, dstItem);
  }
  switch (src) {
    case "bool":
    case "uint8":
    case "utf8":
      return dst === src;
    case "int8":
      return INTS.includes(dst) || FLOATS.includes(dst);
    case "int16":
      return (INTS.includes(dst) || FLOATS.includes(dst)) && dst !== "int8";
    case "int32":
      return ["int32", "int64", ...FLOATS].includes(dst);
    case "int64":
      return dst === "int64" || FLOATS.includes(dst);
    case "float":
    case "double":
      return FLOATS.includes(dst);
    case "binary":
      return dst === "list<item: uint8, nullable>";
    default:
      return false;
  }
}

/** The Arrow type name of a Parquet column, as Go's Arrow prints it. */
function arrowType(node: SchemaNode): string {
  const { type, converted_type: converted, logical_type: logical } = node.element;
  if (node.children.length > 0) {
    if (converted === "LIST" || logical?.type === "LIST") {
      // The standard three-level list: <name> (LIST) → repeated group → element.
      const repeated = node.children[0]!;
      const item = repeated.children.length === 1 ? repeated.children[0]! : repeated;
      return `list<item: ${arrowType(item)}, nullable>`;
    }
    return "struct";
  }
  if (logical?.type === "INTEGER" && logical.bitWidth) return `${logical.isSigned === false ? "uint" : "int"}${logical.bitWidth}`;
  switch (type) {
    case "BOOLEAN":
      return "bool";
    case "INT32":
      return ({ INT_8: "int8", INT_16: "int16", UINT_8: "uint8", UINT_16: "uint16", UINT_32: "uint32", DATE: "date32" } as Record<string, string>)[converted ?? ""] ?? "int32";
    case "INT64":
      return converted === "UINT_64" ? "uint64" : converted?.startsWith("TIMESTAMP") ? "timestamp" : "int64";
    case "FLOAT":
      return "float";
    case "DOUBLE":
      return "double";
    case "BYTE_ARRAY":
      return converted === "UTF8" || converted === "JSON" || logical?.type === "STRING" || logical?.type === "JSON" ? "utf8" : "binary";
    default:
      return (type ?? "unknown").toLowerCase();
  }
}
