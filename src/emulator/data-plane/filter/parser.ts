/**
 * Pratt parser for Milvus boolean expressions. Precedence, loosest first:
 * `or` < `and` < `not` < `==` `!=` < `<` `<=` `>` `>=` (chained ranges `1 < a <= 5`) < `in`, `not in`,
 * `like`, `is [not] null` < `+` `-` < `*` `/` `%` < unary `-` `+` < `**` (right-associative).
 *
 * Unary `not` binds as tightly as unary minus, as in the server grammar: `not a == 1` is `(not a) == 1`,
 * which the checker then refuses ("not op can only be applied on boolean expression").
 */
import { FUNCTIONS, type Node } from "./ast";
import { FilterSyntaxError, tokenize, type Token } from "./tokens";

const BP = { or: 1, and: 2, equality: 4, relational: 5, postfix: 6, additive: 7, multiplicative: 8, unary: 9, power: 10 } as const;
const RELATIONAL = ["<", "<=", ">", ">="];
const UNSUPPORTED: Record<string, string> = { "<<": "shift", ">>": "shift", "&": "BitAnd", "|": "BitOr", "^": "BitXor", "~": "BitNot" };

/** `2.3`: the grammar of Milvus 2.3 (v1 surface): lower-case keywords only, no `is null`. `2.5`: v2. */
export type Dialect = "2.3" | "2.5";

// What the 2.3 parser says it expected where an operand is missing after `and`/`or`.
const OPERAND_START = "{'(', '[', EXISTS, '+', '-', '~', NOT, JSONContains, JSONContainsAll, JSONContainsAny, ArrayContains, ArrayContainsAll, ArrayContainsAny, ArrayLength, BooleanConstant, IntegerConstant, FloatingConstant, Identifier, StringLiteral, JSONIdentifier}";

/**
 * Parses `text` into a syntax tree; throws FilterSyntaxError with the column of the offending token.
 * `params` fills template placeholders (`age > {min}`, v2 `exprParams`).
 */
export function parseExpression(text: string, dialect: Dialect = "2.5", params: Record<string, unknown> = {}): Node {
  const tokens = tokenize(text, dialect === "2.3");
  // 2.3 has no null checks and no upper-case keywords; its parser gives up on the whole expression.
  const upper = tokens.some((t) => t.kind === "ident" && /^(AND|OR|NOT|IN|LIKE|EXISTS|IS|NULL)$/.test(t.text));
  if (dialect === "2.3" && (upper || tokens.some((t) => t.kind === "keyword" && (t.text === "is" || t.text === "null")))) {
    throw new FilterSyntaxError(`invalid expression: ${text}`, -1);
  }
  const parser = new Parser(tokens, params, text);
  const node = parser.expression(0);
  parser.expectEnd();
  return node;
}

class Parser {
  private i = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly params: Record<string, unknown>,
    private readonly text: string,
  ) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)]!;
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== "end") this.i++;
    return token;
  }

  private is(text: string, offset = 0): boolean {
    const t = this.peek(offset);
    return (t.kind === "op" || t.kind === "keyword") && t.text === text;
  }

  /** A closing token; when it is not there the server's parser reports it as missing before the next token. */
  private expect(text: string): Token {
    if (!this.is(text)) {
      const t = this.peek();
      throw new FilterSyntaxError(`missing '${text}' at '${t.kind === "end" ? "<EOF>" : t.text}'`, t.pos);
    }
    return this.next();
  }

  /** Trailing tokens: the server's parser stops early and then refuses the whole text. */
  expectEnd(): void {
    if (this.peek().kind !== "end") throw new FilterSyntaxError(`invalid expression: ${this.text}`, -1);
  }

  /** Parses an expression whose operators bind tighter than `minBp`. */
  expression(minBp: number): Node {
    const start = this.i;
    let left = this.prefix();
    for (;;) {
      const t = this.peek();
      if (t.kind === "end") return left;
      const bp = this.infixPower();
      if (bp === undefined || bp <= minBp) return left;
      left = this.infix(left, bp, start);
    }
  }

  private infixPower(): number | undefined {
    const t = this.peek();
    if (t.kind === "op") {
      if (t.text === "**") return BP.power;
      if (["*", "/", "%"].includes(t.text)) return BP.multiplicative;
      if (["+", "-"].includes(t.text)) return BP.additive;
      if (RELATIONAL.includes(t.text)) return BP.relational;
      if (["==", "!="].includes(t.text)) return BP.equality;
      if (UNSUPPORTED[t.text] !== undefined) return BP.additive;
      return undefined;
    }
    if (t.kind !== "keyword") return undefined;
    if (t.text === "or") return BP.or;
    if (t.text === "and") return BP.and;
    if (t.text === "in" || t.text === "like" || t.text === "is" || (t.text === "not" && this.is("in", 1))) return BP.postfix;
    return undefined;
  }

  private infix(left: Node, bp: number, start: number): Node {
    const t = this.next();
    if (this.peek().kind === "end") {
      // A binary operator with nothing after it, worded as the server's parser words it.
      const end = this.peek().pos;
      if (t.text === "and" || t.text === "or") throw new FilterSyntaxError(`mismatched input '<EOF>' expecting ${OPERAND_START}`, end);
      if (t.kind === "op" && t.text !== ")") throw new FilterSyntaxError(`no viable alternative at input '${t.text}'`, end);
    }
    if (UNSUPPORTED[t.text] !== undefined && t.kind === "op") {
      // The server parses these, then refuses them naming the operation's source text without spaces.
      this.expression(bp);
      const text = this.tokens.slice(start, this.i).map((x) => x.text).join("");
      throw new FilterSyntaxError(`${UNSUPPORTED[t.text]} is not supported: ${text}`, -1);
    }
    if (t.text === "or" || t.text === "and") return { type: "logical", op: t.text, left, right: this.expression(bp) };
    if (t.text === "in" || t.text === "not") {
      if (t.text === "not") this.next();
      // The server's grammar only has `x in [..]`; anything else after `in` is no viable alternative.
      if (!this.is("[") && this.peek().kind !== "param") {
        const after = this.peek();
        throw new FilterSyntaxError(`no viable alternative at input '${t.text === "not" ? "notin" : "in"}${after.kind === "end" ? "<EOF>" : after.text}'`, after.pos);
      }
      return { type: "in", negate: t.text === "not", operand: left, list: this.expression(bp) };
    }
    if (t.text === "like") {
      const pattern = this.next();
      if (pattern.kind !== "string") throw new FilterSyntaxError(`mismatched input '${pattern.text}' expecting StringLiteral`, pattern.pos);
      return { type: "like", operand: left, pattern: pattern.value as string };
    }
    if (t.text === "is") {
      const negate = this.is("not");
      if (negate) this.next();
      this.expect("null");
      return { type: "null", negate, operand: left };
    }
    if (t.text === "**") return { type: "arith", op: "**", left, right: this.expression(bp - 1) };
    if (["*", "/", "%", "+", "-"].includes(t.text)) return { type: "arith", op: t.text as "+", left, right: this.expression(bp) };
    if (t.text === "==" || t.text === "!=") return { type: "compare", op: t.text, left, right: this.expression(bp) };
    // Relational: `a < b`, or a chained range `a < b < c` / `a > b > c` (both in the same direction).
    const middle = this.expression(bp);
    const second = this.peek();
    if (second.kind === "op" && RELATIONAL.includes(second.text)) {
      this.next();
      const upper = this.expression(bp);
      const ascending = t.text.startsWith("<");
      if (ascending !== second.text.startsWith("<")) throw new FilterSyntaxError(`mismatched input '${second.text}' in a range expression`, second.pos);
      // `c > b > a` is the same range as `a < b < c`.
      return ascending
        ? { type: "range", lower: left, lowerOp: t.text as "<", middle, upperOp: second.text as "<", upper }
        : { type: "range", lower: upper, lowerOp: second.text.replace(">", "<") as "<", middle, upperOp: t.text.replace(">", "<") as "<", upper: left };
    }
    return { type: "compare", op: t.text as "<", left, right: middle };
  }

  private prefix(): Node {
    const t = this.next();
    switch (t.kind) {
      case "number":
        return { type: "literal", value: t.value as number, integer: t.integer === true };
      case "string":
        return { type: "literal", value: t.value as string, integer: false };
      case "ident":
        return this.identifier(t);
      case "param":
        if (!(t.text in this.params)) throw new FilterSyntaxError(`the value of expression template variable name {${t.text}} is not found`, -1);
        return templateValue(this.params[t.text], t.text);
      case "end":
        throw new FilterSyntaxError("mismatched input '<EOF>'", t.pos);
      default:
        break;
    }
    if (t.kind === "keyword") {
      if (t.text === "bool") return { type: "literal", value: t.value as boolean, integer: false };
      if (t.text === "not") return { type: "unary", op: "not", operand: this.expression(BP.unary) };
      if (t.text === "exists") return { type: "exists", operand: this.expression(BP.unary) };
      throw new FilterSyntaxError(`extraneous input '${t.text}'`, t.pos);
    }
    if (t.text === "(") {
      const inner = this.expression(0);
      this.expect(")");
      return inner;
    }
    if (t.text === "[") {
      const items: Node[] = [];
      while (!this.is("]")) {
        items.push(this.expression(0));
        if (!this.is(",")) break;
        this.next();
      }
      this.expect("]");
      return { type: "list", items };
    }
    if (t.text === "-" || t.text === "+") return { type: "unary", op: t.text, operand: this.expression(BP.unary) };
    if (t.text === "~") throw new FilterSyntaxError("BitNot is not supported", -1);
    throw new FilterSyntaxError(`mismatched input '${t.text}'`, t.pos);
  }

  /** A field, a function call, or a field with a JSON/array path. */
  private identifier(t: Token): Node {
    const lower = t.text.toLowerCase();
    if (this.is("(")) {
      if (!(FUNCTIONS as readonly string[]).includes(lower) || (t.text !== lower && t.text !== t.text.toUpperCase())) {
        throw new FilterSyntaxError(`no viable alternative at input '${t.text}('`, t.pos);
      }
      this.next();
      const args: Node[] = [];
      while (!this.is(")")) {
        args.push(this.expression(0));
        if (!this.is(",")) break;
        this.next();
      }
      this.expect(")");
      return { type: "call", name: lower, args, pos: t.pos };
    }
    const path: (string | number)[] = [];
    while (this.is("[")) {
      this.next();
      const key = this.next();
      if (key.kind === "string") path.push(key.value as string);
      else if (key.kind === "number" && key.integer && typeof key.value === "number") path.push(key.value);
      else throw new FilterSyntaxError(`mismatched input '${key.text}' expecting {StringLiteral, IntegerConstant}`, key.pos);
      this.expect("]");
    }
    return { type: "field", name: t.text, path, pos: t.pos };
  }
}

/** A template value as a literal or a list of literals (`exprParams` numbers, strings, booleans, arrays). */
function templateValue(value: unknown, name: string): Node {
  if (Array.isArray(value)) return { type: "list", items: value.map((v) => templateValue(v, name)) };
  if (typeof value === "number") return { type: "literal", value, integer: Number.isInteger(value) };
  if (typeof value === "string" || typeof value === "boolean") return { type: "literal", value, integer: false };
  throw new FilterSyntaxError(`the value of expression template variable name {${name}} has an unsupported type`, -1);
}
