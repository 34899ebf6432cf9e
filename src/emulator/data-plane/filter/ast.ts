/** Syntax tree of a Milvus boolean expression, as produced by `parseExpression`. */

export type Scalar = number | bigint | string | boolean;

/** A reference to a schema field or dynamic key, with an optional JSON/array path (`meta["a"][0]`). */
export interface FieldRef {
  type: "field";
  name: string;
  path: (string | number)[];
  pos: number;
}

export type Node =
  | { type: "literal"; value: Scalar; integer: boolean }
  | { type: "list"; items: Node[] }
  | FieldRef
  | { type: "unary"; op: "not" | "-" | "+"; operand: Node }
  | { type: "arith"; op: "+" | "-" | "*" | "/" | "%" | "**"; left: Node; right: Node }
  | { type: "compare"; op: "==" | "!=" | "<" | "<=" | ">" | ">="; left: Node; right: Node }
  | { type: "range"; lower: Node; lowerOp: "<" | "<="; middle: Node; upperOp: "<" | "<="; upper: Node }
  | { type: "logical"; op: "and" | "or"; left: Node; right: Node }
  | { type: "in"; negate: boolean; operand: Node; list: Node }
  | { type: "like"; operand: Node; pattern: string }
  | { type: "null"; negate: boolean; operand: Node }
  | { type: "exists"; operand: Node }
  | { type: "call"; name: string; args: Node[]; pos: number };

/** The functions the server's grammar knows (lower case; the upper-case spelling is accepted too). */
export const FUNCTIONS = [
  "array_contains", "array_contains_all", "array_contains_any", "array_length",
  "json_contains", "json_contains_all", "json_contains_any",
] as const;
