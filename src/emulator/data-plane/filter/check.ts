/**
 * Static checks of a parsed filter against the collection schema, the ones the server's planner makes before
 * anything runs: field resolution, operand types, what `not`, signs, `**`, `like` and the array/JSON
 * functions accept, and the 2.3 dialect's extra limits.
 */
import type { CollectionState, FieldState } from "../state";
import type { FieldRef, Node } from "./ast";
import type { FilterError } from "./compile";
import type { FieldReader } from "./evaluate";
import { resolveField } from "./field-readers";
import type { Dialect } from "./parser";

const INT_TYPES = ["Int8", "Int16", "Int32", "Int64"];
const NUMBER_TYPES = [...INT_TYPES, "Float", "Double"];
const STRING_TYPES = ["VarChar", "String"];

/** Builds the error for a refused filter. */
export type Fail = (why: string) => FilterError;

/** The schema field a reference names, when it names one without a path. */
function plainField(node: Node, coll: CollectionState): FieldState | undefined {
  if (node.type !== "field" || node.path.length > 0) return undefined;
  return coll.fields.find((f) => f.name === node.name);
}

/** The scalar kind a node is known to have statically (undefined for JSON/dynamic values). */
function kindOf(node: Node, coll: CollectionState): string | undefined {
  if (node.type === "literal") {
    if (typeof node.value === "string") return "VarChar";
    if (typeof node.value === "boolean") return "Bool";
    return node.integer ? "Int64" : "Double";
  }
  const field = plainField(node, coll);
  return field?.dataType;
}

function category(type: string | undefined): string | undefined {
  if (type === undefined) return undefined;
  if (NUMBER_TYPES.includes(type)) return "number";
  if (STRING_TYPES.includes(type)) return "string";
  if (type === "Bool") return "bool";
  return undefined;
}

/** Checks two operands can be compared (`comparisons between VarChar and Int64 are not supported`). */
function checkComparable(left: Node, right: Node, coll: CollectionState, fail: Fail): void {
  const a = kindOf(left, coll);
  const b = kindOf(right, coll);
  const ca = category(a);
  const cb = category(b);
  if (ca !== undefined && cb !== undefined && ca !== cb) {
    throw fail(`comparisons between ${a}, element_type: ${elementOf(left, coll)} and ${b} elementType: ${elementOf(right, coll)} are not supported`);
  }
}

function elementOf(node: Node, coll: CollectionState): string {
  return plainField(node, coll)?.elementType ?? "None";
}

/**
 * Walks the tree: resolves every field reference into `readers` and refuses what the server refuses
 * (type mismatches, `like` on numbers, signs on fields, 2.3-only limits), calling `fail` with its wording.
 */
export function checkTree(node: Node, coll: CollectionState, readers: Map<FieldRef, FieldReader>, fail: Fail, dialect: Dialect): void {
  const sub = (n: Node) => checkTree(n, coll, readers, fail, dialect);
  switch (node.type) {
    case "literal":
      return;
    case "list":
      return node.items.forEach((item) => sub(item));
    case "field":
      readers.set(node, resolveField(node, coll, fail));
      return;
    case "unary":
      if (node.op === "not" && !isBooleanShaped(node.operand, coll)) throw fail("not op can only be applied on boolean expression");
      // A sign applies to constants only (`-5`), never to a field.
      if (node.op !== "not" && !isConstant(node.operand)) throw fail(`unexpected op: ${node.op}`);
      return sub(node.operand);
    case "arith":
      if (node.op === "**" && (!isConstant(node.left) || !isConstant(node.right))) {
        throw fail(`power can only apply on constants: ${describe(node)}`);
      }
      for (const side of [node.left, node.right]) {
        const type = kindOf(side, coll);
        if (type !== undefined && category(type) !== "number") throw fail(`arithmetic is not supported on ${type}`);
        sub(side);
      }
      return;
    case "compare":
      checkComparable(node.left, node.right, coll, fail);
      // 2.3 evaluates `field <op> constant` arithmetic only for == and != (its execution backend says so).
      if (dialect === "2.3" && !["==", "!="].includes(node.op) && [node.left, node.right].some((n) => n.type === "arith")) {
        throw fail(`${OP_NAMES[node.op]} is not supported in execution backend`);
      }
      sub(node.left);
      sub(node.right);
      return;
    case "range":
      if (node.middle.type !== "field") throw fail("the middle of a range expression must be a field");
      checkComparable(node.lower, node.middle, coll, fail);
      checkComparable(node.middle, node.upper, coll, fail);
      [node.lower, node.middle, node.upper].forEach((n) => sub(n));
      return;
    case "logical":
      for (const side of [node.left, node.right]) {
        if (!isBooleanShaped(side, coll)) throw fail(`${node.op} op can only be applied on boolean expression`);
        sub(side);
      }
      return;
    case "in": {
      if (node.list.type !== "list") throw fail("the right-hand side of in must be a list");
      const type = kindOf(node.operand, coll);
      for (const item of node.list.items) {
        const itemKind = kindOf(item, coll);
        if (category(type) !== undefined && category(itemKind) !== undefined && category(type) !== category(itemKind)) {
          throw fail(`value '${describe(item)}' in list cannot be casted to ${type}`);
        }
      }
      sub(node.operand);
      sub(node.list);
      return;
    }
    case "like": {
      const type = kindOf(node.operand, coll);
      if (node.operand.type !== "field" || (type !== undefined && !STRING_TYPES.includes(type))) {
        throw fail("like operation on non-string or no-json field is unsupported");
      }
      // 2.3 only has prefix matching (`ab%`) and equality; `_` is an ordinary character there.
      if (dialect === "2.3") {
        if (node.pattern.replace(/%$/, "").includes("%")) {
          throw fail(`unsupported pattern: ${node.pattern}, only prefix pattern match like ab% and equal match like ab(no wildcards) are supported`);
        }
        node.pattern = node.pattern.replace(/_/g, "\\_");
      }
      sub(node.operand);
      return;
    }
    case "null":
    case "exists":
      if (node.operand.type !== "field") throw fail(`${node.type === "null" ? "is null" : "exists"} needs a field`);
      sub(node.operand);
      return;
    case "call": {
      const arity = node.name === "array_length" ? 1 : 2;
      if (node.args.length !== arity) throw fail(`${node.name} expects ${arity} argument${arity > 1 ? "s" : ""}, got ${node.args.length}`);
      const target = node.args[0]!;
      const field = plainField(target, coll);
      if (target.type !== "field" || (field !== undefined && !["Array", "JSON"].includes(field.dataType))) {
        throw fail(`${node.name} operation on a field that is neither Array nor JSON is unsupported`);
      }
      if ((node.name.endsWith("_all") || node.name.endsWith("_any")) && node.args[1]!.type !== "list") {
        throw fail(`${node.name.replace(/^(array|json)_/, "")} operation element must be an array`);
      }
      node.args.forEach((a) => sub(a));
      return;
    }
  }
}

/** Whether a node can stand where a boolean is needed (a Bool field, a JSON value, or a predicate). */
export function isBooleanShaped(node: Node, coll: CollectionState): boolean {
  switch (node.type) {
    case "literal":
      return typeof node.value === "boolean";
    case "field":
      return node.path.length === 0 && plainField(node, coll)?.dataType === "Bool";
    case "unary":
      return node.op === "not";
    case "arith":
    case "list":
      return false;
    case "call":
      return node.name !== "array_length";
    default:
      return true;
  }
}

function isConstant(node: Node): boolean {
  if (node.type === "literal") return true;
  if (node.type === "unary") return node.op !== "not" && isConstant(node.operand);
  if (node.type === "arith") return isConstant(node.left) && isConstant(node.right);
  return false;
}

/** The data type the server names for a non-boolean predicate. */
export function typeName(node: Node, coll: CollectionState): string {
  if (node.type === "field") return plainField(node, coll)?.dataType ?? "JSON";
  if (node.type === "literal") return kindOf(node, coll)!;
  if (node.type === "arith") return kindOf(node.left, coll) ?? "JSON";
  if (node.type === "call") return "Int64";
  return "None";
}

const OP_NAMES: Record<string, string> = { "<": "LessThan", "<=": "LessEqual", ">": "GreaterThan", ">=": "GreaterEqual", "==": "Equal", "!=": "NotEqual" };

/** Short source-like text of a node for error messages. */
function describe(node: Node): string {
  switch (node.type) {
    case "literal":
      return typeof node.value === "string" ? JSON.stringify(node.value) : String(node.value);
    case "field":
      return node.name + node.path.map((p) => `[${JSON.stringify(p)}]`).join("");
    case "list":
      return `[${node.items.map(describe).join(",")}]`;
    case "arith":
      return `${describe(node.left)}${node.op}${describe(node.right)}`;
    case "unary":
      return `${node.op}${describe(node.operand)}`;
    default:
      return node.type;
  }
}
