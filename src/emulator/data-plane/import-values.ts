/**
 * What the import readers share: the outcome type, the failure text the server wraps its reasons in, and the
 * conversion of a typed file value (Parquet, NumPy) or a text cell (CSV) into the JSON value a row carries.
 */
import type { CollectionState, FieldState } from "./state";

/** Rows decoded from one import unit, or why the unit cannot be imported. */
export type Decoded = { rows: Record<string, unknown>[] } | { failure: string };

/** Milvus's ErrImportFailed wrapping (`merr.WrapErrImportFailed`). */
export function importFailed(reason: string): { failure: string } {
  return { failure: `${reason}: importing data failed` };
}

/** Fields a file must provide: all but an auto-generated primary key and function outputs. */
export function inputFields(coll: CollectionState): FieldState[] {
  return coll.fields.filter((f) => !(f.primaryKey && f.autoId) && !f.isFunctionOutput);
}

/** Whether a file may leave the field out (nullable, or with a default value). */
export function mayBeMissing(field: FieldState): boolean {
  return field.nullable || field.defaultValue !== undefined;
}

/**
 * A JS value from a binary reader as the row value: bigint → number, typed arrays → arrays, JSON text parsed
 * for JSON and sparse fields, and float32 values (Float, FloatVector, Array of Float) written with the
 * shortest digits that read back as the same float32, as Milvus prints them (0.1, not 0.10000000149011612).
 */
export function typedValue(field: FieldState, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  const single = field.dataType === "Float" || field.dataType === "FloatVector" || (field.dataType === "Array" && field.elementType === "Float");
  const scalar = (v: unknown): unknown => (typeof v === "bigint" ? Number(v) : single && typeof v === "number" ? shortestFloat32(v) : v);
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number | bigint>, scalar);
  if (Array.isArray(value)) return value.map(scalar);
  if ((field.dataType === "JSON" || field.dataType === "SparseFloatVector") && typeof value === "string") return JSON.parse(value) as unknown;
  return scalar(value);
}

/** The shortest decimal that rounds to the same float32 as `x`. */
export function shortestFloat32(x: number): number {
  const target = Math.fround(x);
  if (!Number.isFinite(target)) return target;
  for (let digits = 1; digits < 9; digits++) {
    const candidate = Number(target.toPrecision(digits));
    if (Math.fround(candidate) === target) return candidate;
  }
  return Number(target.toPrecision(9));
}

/** A CSV cell as the row value: JSON text for vectors, arrays and JSON; numbers and booleans parsed; `nullKey` is null. */
export function cellValue(field: FieldState, cell: string, nullKey: string): unknown {
  if (field.nullable && cell === nullKey) return null;
  switch (field.dataType) {
    case "Bool":
      if (cell === "true" || cell === "false") return cell === "true";
      throw new Error(`illegal value '${cell}' for bool type field '${field.name}'`);
    case "Int8":
    case "Int16":
    case "Int32":
    case "Int64":
    case "Float":
    case "Double": {
      const n = Number(cell);
      if (cell.trim() === "" || Number.isNaN(n)) throw new Error(`illegal value '${cell}' for ${field.dataType} type field '${field.name}'`);
      return n;
    }
    case "VarChar":
    case "String":
      return cell;
    default:
      // Vectors, arrays, JSON and sparse vectors are written as JSON text in a CSV cell.
      try {
        return JSON.parse(cell) as unknown;
      } catch {
        throw new Error(`illegal value '${cell}' for ${field.dataType} type field '${field.name}', it should be JSON text`);
      }
  }
}
