/**
 * Decodes a request body the way gin's JSON binding does: keys match case-insensitively, unknown keys are
 * ignored, `null` keeps the default, types are strict (1801) and `required` fields are validated after
 * decoding (1802).
 */
import { Code, DataPlaneError } from "./errors";
import { goSyntaxError } from "./json-text";

/** Go field types the emulator needs. `map` is `map[string]any`; `strmap` is `map[string]string`. */
export type FieldType = "string" | "int32" | "int64" | "uint64" | "bool" | "float" | "map" | "strmap" | "strings" | "any" | "array";

/** A Go request struct: its name (for error texts) and `jsonKey -> type` (suffix `!` marks `required`). */
export interface BodySpec {
  struct: string;
  fields: Record<string, FieldType>;
}

/** Which API decodes: v2 words its missing-field error like go-playground/validator, v1 lists names. */
export type ApiFlavour = "v1" | "v2";

const jsonKind = (value: unknown): string =>
  value === null ? "null" : Array.isArray(value) ? "array" : typeof value === "object" ? "object" : typeof value;

/** Parses `text` and decodes it against `spec`; throws {@link DataPlaneError} 1801 or 1802. */
export function decodeBody(text: string, spec: BodySpec, flavour: ApiFlavour): Record<string, unknown> {
  if (text.trim() === "" && flavour === "v2") {
    throw new DataPlaneError(
      Code.incorrectParameterFormat,
      "can only accept json format request, the request body should be nil, however {} is valid",
    );
  }
  const syntax = goSyntaxError(text);
  if (syntax !== undefined) throw formatError(syntax);
  const raw: unknown = JSON.parse(firstValue(text));
  return decodeObject(raw, spec, flavour);
}

/** Decodes an already-parsed value (query-string objects, nested structs). */
export function decodeObject(raw: unknown, spec: BodySpec, flavour: ApiFlavour): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (raw !== null && (typeof raw !== "object" || Array.isArray(raw))) {
    throw formatError(`json: cannot unmarshal ${jsonKind(raw) === "number" ? `number ${String(raw)}` : jsonKind(raw)} into Go value of type httpserver.${spec.struct}`);
  }
  const keys = Object.keys(spec.fields);
  for (const [key, value] of Object.entries((raw ?? {}) as Record<string, unknown>)) {
    const name = keys.find((k) => k.replace("!", "") === key) ?? keys.find((k) => k.replace("!", "").toLowerCase() === key.toLowerCase());
    if (name === undefined || value === null) continue;
    const plain = name.replace("!", "");
    out[plain] = checkType(value, spec.fields[name]!, `${spec.struct}.${plain}`);
  }
  const missing = keys.filter((k) => k.endsWith("!") && isMissing(out[k.slice(0, -1)]));
  if (missing.length > 0) throw missingError(spec, missing.map((k) => k.slice(0, -1)), flavour);
  return out;
}

function isMissing(value: unknown): boolean {
  return value === undefined || value === "" || value === 0;
}

/** The 1802 error for `names` (v1 lists every required key of the request, as the 2.3 handlers do). */
export function missingError(spec: BodySpec, names: string[], flavour: ApiFlavour): DataPlaneError {
  if (flavour === "v1") {
    const all = Object.keys(spec.fields).filter((k) => k.endsWith("!")).map((k) => k.slice(0, -1));
    return new DataPlaneError(Code.missingRequiredParameters, `missing required parameters, required parameters: [${all.join(", ")}]`);
  }
  const lines = names.map((n) => {
    const go = n.charAt(0).toUpperCase() + n.slice(1);
    return `Key: '${spec.struct}.${go}' Error:Field validation for '${go}' failed on the 'required' tag`;
  });
  return new DataPlaneError(Code.missingRequiredParameters, `missing required parameters, error: ${lines.join("\n")}`);
}

function formatError(detail: string): DataPlaneError {
  return new DataPlaneError(Code.incorrectParameterFormat, `can only accept json format request, error: ${detail}`);
}

function typeError(value: unknown, goType: string, path: string): DataPlaneError {
  const kind = jsonKind(value);
  // Go names the literal only when a number does not fit a numeric target (`number 4.5 … of type int32`).
  const shown = kind === "number" && /int|float/.test(goType) ? `number ${String(value)}` : kind;
  return formatError(`json: cannot unmarshal ${shown} into Go struct field ${path} of type ${goType}`);
}

function checkType(value: unknown, type: FieldType, path: string): unknown {
  switch (type) {
    case "string":
      if (typeof value !== "string") throw typeError(value, "string", path);
      return value;
    case "bool":
      if (typeof value !== "boolean") throw typeError(value, "bool", path);
      return value;
    case "float":
      if (typeof value !== "number") throw typeError(value, "float64", path);
      return value;
    case "int32":
    case "int64":
    case "uint64": {
      const limit = type === "int32" ? 2 ** 31 : 2 ** 63;
      const ok = typeof value === "number" && Number.isInteger(value) && value < limit && value >= (type === "uint64" ? 0 : -limit);
      if (!ok) throw typeError(value, type, path);
      return value;
    }
    case "map":
      if (typeof value !== "object" || Array.isArray(value)) throw typeError(value, "map[string]interface {}", path);
      return value;
    case "strmap":
      if (typeof value !== "object" || Array.isArray(value)) throw typeError(value, "map[string]string", path);
      for (const [k, v] of Object.entries(value as object)) {
        if (typeof v !== "string" && v !== null) throw typeError(v, "string", path);
      }
      return value;
    case "strings":
      if (!Array.isArray(value)) throw typeError(value, "[]string", path);
      for (const item of value) if (typeof item !== "string" && item !== null) throw typeError(item, "string", path);
      return value;
    case "array":
      if (!Array.isArray(value)) throw typeError(value, "[]interface {}", path);
      return value;
    case "any":
      return value;
  }
}

/** The text of the first JSON value (a Go stream decoder stops there and ignores the rest). */
function firstValue(text: string): string {
  for (let end = text.length; end > 0; end--) {
    try {
      JSON.parse(text.slice(0, end));
      return text.slice(0, end);
    } catch {
      // keep shrinking: only reached when trailing garbage follows the value
    }
  }
  return text;
}
