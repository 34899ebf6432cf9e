/**
 * CSV import files as Milvus reads them: the first record is a header of field names, the separator is `,`
 * (or the `sep` option), quoting follows RFC 4180, vectors, arrays and JSON are JSON text inside a cell, and
 * a nullable field's cell equal to the `nullkey` option (default empty) is null.
 */
import { cellValue, importFailed, inputFields, mayBeMissing, type Decoded } from "./import-values";
import type { CollectionState } from "./state";

/** Reader options taken from the import request's `options`. */
export interface CsvOptions {
  sep?: string;
  nullKey?: string;
}

/** Decodes a CSV file into rows for `coll`. */
export function decodeCsv(text: string, coll: CollectionState, options: CsvOptions = {}): Decoded {
  const sep = options.sep ?? ",";
  if (sep.length !== 1 || sep === '"' || sep === "\n" || sep === "\r") return importFailed(`unsupported csv separator: ${sep}`);
  let records: string[][];
  try {
    records = parseRecords(text.replace(/^\uFEFF/, ""), sep);
  } catch (error) {
    return importFailed(`read csv file failed, err=${(error as Error).message}`);
  }
  const header = records.shift();
  if (!header) return importFailed("the csv file has no header");
  const byName = new Map(coll.fields.map((f) => [f.name, f]));
  for (const name of header) {
    const field = byName.get(name);
    if (field?.primaryKey && field.autoId) return importFailed(`the primary key '${name}' is auto-generated, no need to provide`);
    if (!field && name !== "$meta" && !coll.enableDynamicField) return importFailed(`the field '${name}' is not defined in schema`);
  }
  for (const field of inputFields(coll)) {
    if (!header.includes(field.name) && !mayBeMissing(field)) return importFailed(`value of field is missed: '${field.name}'`);
  }
  const rows: Record<string, unknown>[] = [];
  for (const [index, record] of records.entries()) {
    if (record.length === 1 && record[0] === "" && header.length > 1) continue; // a blank line
    if (record.length !== header.length) return importFailed(`record on line ${index + 2}: wrong number of fields`);
    const row: Record<string, unknown> = {};
    try {
      for (const [i, name] of header.entries()) {
        const cell = record[i]!;
        const field = byName.get(name);
        if (field) row[name] = cellValue(field, cell, options.nullKey ?? "");
        else if (name === "$meta") Object.assign(row, cell === "" ? {} : (JSON.parse(cell) as object));
        else row[name] = cell;
      }
    } catch (error) {
      return importFailed((error as Error).message);
    }
    rows.push(row);
  }
  return { rows };
}

/** RFC 4180 records: quoted cells may hold the separator, newlines and doubled quotes. */
function parseRecords(text: string, sep: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === "\n") line++;
        cell += c;
      }
      continue;
    }
    if (c === '"' && cell === "") quoted = true;
    else if (c === '"') throw new Error(`parse error on line ${line}: bare " in non-quoted field`);
    else if (c === sep) {
      record.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      record.push(cell);
      records.push(record);
      record = [];
      cell = "";
      line++;
    } else cell += c;
  }
  if (quoted) throw new Error(`parse error on line ${line}: extraneous or missing " in quoted-field`);
  if (cell !== "" || record.length > 0) {
    record.push(cell);
    records.push(record);
  }
  return records;
}
