/**
 * NumPy `.npy` import units as Milvus reads them: one file per field, named `<field>.npy`, all files of a unit
 * holding the same number of rows. A 1-D array gives one value per row; a 2-D array (vectors) one row of the
 * second dimension per row. The `.npy` layout is small and fixed (magic, version, a header dict, raw data),
 * so it is read here directly with Node's buffers.
 */
import path from "node:path";
import { importFailed, inputFields, mayBeMissing, typedValue, type Decoded } from "./import-values";
import type { CollectionState } from "./state";

/** One decoded array: its shape and its values in C order. */
export interface NpyArray {
  shape: number[];
  values: Array<number | boolean | string>;
}

/** Parses one `.npy` file; throws with a reason for layouts the reader does not take. */
export function parseNpy(data: Buffer): NpyArray {
  if (data.length < 10 || data.toString("latin1", 0, 6) !== "\x93NUMPY") throw new Error("not a numpy file: bad magic");
  const major = data[6]!;
  const headerLength = major === 1 ? data.readUInt16LE(8) : data.readUInt32LE(8);
  const start = (major === 1 ? 10 : 12) + headerLength;
  const header = data.toString(major === 3 ? "utf8" : "latin1", major === 1 ? 10 : 12, start);
  const descr = /'descr':\s*'([^']+)'/.exec(header)?.[1];
  const fortran = /'fortran_order':\s*(True|False)/.exec(header)?.[1] === "True";
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1];
  if (!descr || shapeText === undefined) throw new Error(`unreadable numpy header: ${header.trim()}`);
  if (fortran) throw new Error("fortran-ordered numpy arrays are not supported");
  const shape = shapeText.split(",").map((s) => s.trim()).filter((s) => s !== "").map(Number);
  const count = shape.reduce((a, b) => a * b, 1);
  const body = data.subarray(start);
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const little = descr[0] !== ">";
  const kind = descr.replace(/^[<>|=]/, "");
  const values: Array<number | boolean | string> = [];
  const need = (bytes: number) => {
    if (body.length < bytes * count) throw new Error(`numpy file is truncated: ${count} values of ${bytes} bytes expected`);
  };
  const numeric: Record<string, [number, (offset: number) => number | boolean]> = {
    b1: [1, (o) => view.getUint8(o) !== 0],
    "?": [1, (o) => view.getUint8(o) !== 0],
    i1: [1, (o) => view.getInt8(o)],
    u1: [1, (o) => view.getUint8(o)],
    i2: [2, (o) => view.getInt16(o, little)],
    u2: [2, (o) => view.getUint16(o, little)],
    i4: [4, (o) => view.getInt32(o, little)],
    u4: [4, (o) => view.getUint32(o, little)],
    i8: [8, (o) => Number(view.getBigInt64(o, little))],
    f4: [4, (o) => view.getFloat32(o, little)],
    f8: [8, (o) => view.getFloat64(o, little)],
  };
  const reader = numeric[kind];
  if (reader) {
    const [size, read] = reader;
    need(size);
    for (let i = 0; i < count; i++) values.push(read(i * size));
  } else if (/^U\d+$/.test(kind)) {
    // Fixed-width UTF-32 code units, padded with NULs.
    const width = Number(kind.slice(1));
    need(width * 4);
    for (let i = 0; i < count; i++) {
      let text = "";
      for (let c = 0; c < width; c++) {
        const point = view.getUint32((i * width + c) * 4, little);
        if (point === 0) break;
        text += String.fromCodePoint(point);
      }
      values.push(text);
    }
  } else if (/^S\d+$/.test(kind)) {
    const width = Number(kind.slice(1));
    need(width);
    for (let i = 0; i < count; i++) values.push(body.toString("utf8", i * width, (i + 1) * width).replace(/\0+$/, ""));
  } else {
    throw new Error(`unsupported numpy data type '${descr}'`);
  }
  return { shape, values };
}

/** Decodes one NumPy unit (`files` maps each file name to its bytes) into rows for `coll`. */
export function decodeNpyUnit(files: Array<{ name: string; data: Buffer }>, coll: CollectionState): Decoded {
  const byField = new Map<string, NpyArray>();
  const fieldNames = new Set(coll.fields.map((f) => f.name));
  for (const file of files) {
    const name = path.posix.basename(file.name, ".npy");
    const field = coll.fields.find((f) => f.name === name);
    if (!fieldNames.has(name)) return importFailed(`the file '${file.name}' has no corresponding field in collection`);
    if (field?.primaryKey && field.autoId) return importFailed(`the primary key '${name}' is auto-generated, no need to provide`);
    try {
      byField.set(name, parseNpy(file.data));
    } catch (error) {
      return importFailed(`failed to read numpy file '${file.name}': ${(error as Error).message}`);
    }
  }
  for (const field of inputFields(coll)) {
    if (!byField.has(field.name) && !mayBeMissing(field)) return importFailed(`no file for field: ${field.name}, files: [${files.map((f) => f.name).join(" ")}]`);
  }
  const counts = new Set([...byField.values()].map((a) => a.shape[0] ?? 1));
  if (counts.size > 1) return importFailed(`the row counts of the numpy files are not equal: ${[...byField].map(([n, a]) => `${n}=${a.shape[0]}`).join(", ")}`);
  const rowCount = [...counts][0] ?? 0;
  const rows: Record<string, unknown>[] = Array.from({ length: rowCount }, () => ({}));
  for (const [name, array] of byField) {
    const field = coll.fields.find((f) => f.name === name)!;
    const width = array.shape.length > 1 ? array.shape.slice(1).reduce((a, b) => a * b, 1) : 0;
    if (width > 0 && field.dataType !== "Array" && !field.dataType.endsWith("Vector")) {
      return importFailed(`illegal shape of numpy file for field '${name}': [${array.shape.join(" ")}], a ${field.dataType} field takes a 1-D array`);
    }
    const dim = Number(field.params.find((p) => p[0] === "dim")?.[1] ?? 0);
    const expected = field.dataType === "BinaryVector" ? dim / 8 : dim;
    if (field.dataType.endsWith("Vector") && field.dataType !== "SparseFloatVector" && width !== expected) {
      return importFailed(`illegal dimension of numpy file for field '${name}': expect ${expected}, but got ${width}`);
    }
    try {
      for (let r = 0; r < rowCount; r++) {
        rows[r]![name] = typedValue(field, width > 0 ? array.values.slice(r * width, (r + 1) * width) : array.values[r]);
      }
    } catch (error) {
      return importFailed(`failed to read numpy file for field '${name}': ${(error as Error).message}`);
    }
  }
  return { rows };
}
