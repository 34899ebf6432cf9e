/**
 * Schema functions (Milvus 2.5+): BM25 full-text search turns an analyzed VarChar field into a
 * SparseFloatVector field the server fills itself. Their input shape, their rules against the fields, and
 * one canonical form shared by diff and read.
 */
import { z } from "zod";
import type { CollectionDescription } from "../../client";
import { milvusName } from "../shared/data-plane-target";
import { strictObject } from "../shared/strict-object";

/** The function types the Collection creates (TextEmbedding needs provider credentials on the server; not supported). */
export const FUNCTION_TYPES = ["BM25"] as const;

/** `collections/describe` reports the type as the protobuf enum number; create takes the name. */
const TYPE_NAMES: Record<number, string> = { 1: "BM25", 2: "TextEmbedding", 3: "Rerank", 4: "MinHash" };

/** One function as the user writes it (documented on `CollectionFunctionArgs`). */
export const functionInputSchema = strictObject({
  name: milvusName("function name"),
  type: z.enum(FUNCTION_TYPES),
  inputFieldNames: z.array(z.string().min(1)).min(1, "a function needs an input field"),
  outputFieldNames: z.array(z.string().min(1)).min(1, "a function needs an output field"),
  /** Passed through as strings (BM25 takes none). */
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});

/** One function as the user writes it. */
export type FunctionInput = z.output<typeof functionInputSchema>;

/** The fields a function rule looks at. */
interface FieldLike {
  name: string;
  dataType: string;
  isPrimary?: boolean;
  typeParams?: Record<string, unknown>;
}

/** The rules a function must follow against the schema's fields (Milvus checks the same at create). */
export function functionIssues(functions: readonly FunctionInput[], fields: readonly FieldLike[]): Array<{ path: Array<string | number>; message: string }> {
  const out: Array<{ path: Array<string | number>; message: string }> = [];
  const byName = new Map(fields.map((f) => [f.name, f]));
  const names = new Set<string>();
  const outputs = new Set<string>();
  functions.forEach((fn, i) => {
    const at = (...rest: Array<string | number>) => ["functions", i, ...rest];
    if (names.has(fn.name)) out.push({ path: at("name"), message: `duplicate function name "${fn.name}"` });
    names.add(fn.name);
    if (byName.has(fn.name)) out.push({ path: at("name"), message: `function name "${fn.name}" is also a field name` });
    if (fn.inputFieldNames.length !== 1) out.push({ path: at("inputFieldNames"), message: "BM25 takes exactly one input field" });
    if (fn.outputFieldNames.length !== 1) out.push({ path: at("outputFieldNames"), message: "BM25 takes exactly one output field" });
    fn.inputFieldNames.forEach((name, j) => {
      const f = byName.get(name);
      if (!f) out.push({ path: at("inputFieldNames", j), message: `no field "${name}" in the schema` });
      else if (f.dataType !== "VarChar") out.push({ path: at("inputFieldNames", j), message: `BM25 reads a VarChar field; "${name}" is ${f.dataType}` });
      else if (String(f.typeParams?.enable_analyzer) !== "true") out.push({ path: at("inputFieldNames", j), message: `BM25 needs an analyzer on "${name}": set typeParams: { enable_analyzer: true }` });
    });
    fn.outputFieldNames.forEach((name, j) => {
      const f = byName.get(name);
      if (!f) out.push({ path: at("outputFieldNames", j), message: `no field "${name}" in the schema` });
      else if (f.dataType !== "SparseFloatVector") out.push({ path: at("outputFieldNames", j), message: `BM25 writes a SparseFloatVector field; "${name}" is ${f.dataType}` });
      else if (fn.inputFieldNames.includes(name)) out.push({ path: at("outputFieldNames", j), message: `"${name}" cannot be both input and output` });
      if (outputs.has(name)) out.push({ path: at("outputFieldNames", j), message: `"${name}" is already the output of another function` });
      outputs.add(name);
    });
  });
  return out;
}

/** A function with every default spelled out and every param a string. */
export interface CanonicalFunction {
  name: string;
  type: string;
  inputFieldNames: string[];
  outputFieldNames: string[];
  params: Record<string, string>;
}

/** Canonical form of a function list (order kept: it is the order the server stores). */
export function canonicalFunctions(functions: readonly FunctionInput[] | undefined): CanonicalFunction[] {
  return (functions ?? []).map((fn) => ({
    name: fn.name,
    type: fn.type,
    inputFieldNames: [...fn.inputFieldNames],
    outputFieldNames: [...fn.outputFieldNames],
    params: Object.fromEntries(Object.entries(fn.params ?? {}).map(([k, v]) => [k, String(v)])),
  }));
}

/** The functions of a described collection in the input shape (`undefined` when it has none). */
export function fromDescribedFunctions(d: CollectionDescription): FunctionInput[] | undefined {
  const list = d.functions ?? [];
  if (list.length === 0) return undefined;
  return list.map((fn) => {
    const params = Object.fromEntries((fn.params ?? []).map((kv) => [kv.key, kv.value ?? ""]));
    return {
      name: fn.name,
      type: (typeof fn.type === "number" ? TYPE_NAMES[fn.type] ?? String(fn.type) : fn.type ?? "") as FunctionInput["type"],
      inputFieldNames: fn.inputFieldNames,
      outputFieldNames: fn.outputFieldNames,
      ...(Object.keys(params).length > 0 ? { params } : {}),
    };
  });
}
