/**
 * Tokenizer for Milvus boolean expressions (the `filter` of query/search/delete).
 *
 * Keywords follow the server grammar: each has a lower-case and an upper-case spelling (`and`/`AND`,
 * `like`/`LIKE`, `not in`/`NOT IN`, `is null`/`IS NOT NULL`, …), booleans also `True`/`False`.
 */

export type TokenKind = "number" | "string" | "ident" | "param" | "op" | "keyword" | "end";

/** One token with its start column (0-based) for error messages. */
export interface Token {
  kind: TokenKind;
  /** Operators/keywords are normalised (lower case, `&&` → `and`, `||` → `or`, `!` → `not`). */
  text: string;
  /** Numbers: the parsed value (a bigint when an integer does not fit a double exactly). */
  value?: number | bigint | string | boolean;
  /** Whether a number literal was written without a fraction or exponent. */
  integer?: boolean;
  pos: number;
}

/** A lexical or syntax problem; `pos` is the column the server would name (-1: a grammar rule the server rejects after parsing). */
export class FilterSyntaxError extends Error {
  constructor(
    message: string,
    readonly pos: number,
  ) {
    super(message);
    this.name = "FilterSyntaxError";
  }
}

// Longest first so `<=` wins over `<` and `**` over `*`.
const OPERATORS = ["**", "==", "!=", "<=", ">=", "&&", "||", "<<", ">>", "<", ">", "+", "-", "*", "/", "%", "!", "~", "&", "|", "^", "(", ")", "[", "]", ","];

// Words the server treats as keywords, in the spellings its lexer accepts.
const WORDS: Record<string, string> = {
  and: "and", AND: "and", or: "or", OR: "or", not: "not", NOT: "not", in: "in", IN: "in", like: "like", LIKE: "like",
  exists: "exists", EXISTS: "exists", is: "is", IS: "is", null: "null", NULL: "null",
  true: "true", True: "true", TRUE: "true", false: "false", False: "false", FALSE: "false",
};

/**
 * Splits `text` into tokens, ending with an `end` token; throws FilterSyntaxError on a bad character.
 * With `lowerOnly` (the 2.3 grammar) the upper-case keyword spellings are plain identifiers and there are no
 * template placeholders (`{name}`, filled from `exprParams`).
 */
export function tokenize(text: string, lowerOnly = false): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const start = i;
    if (ch === '"' || ch === "'") {
      const { value, end } = readString(text, i);
      tokens.push({ kind: "string", text: text.slice(start, end), value, pos: start });
      i = end;
      continue;
    }
    if (/[0-9]/.test(ch) || (ch === "." && /[0-9]/.test(text[i + 1] ?? ""))) {
      const match = /^(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+(?![.\deE])|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/.exec(text.slice(i))!;
      tokens.push(numberToken(match[0], start));
      i += match[0].length;
      continue;
    }
    const placeholder = lowerOnly ? null : /^\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}/.exec(text.slice(i));
    if (placeholder) {
      tokens.push({ kind: "param", text: placeholder[1]!, pos: start });
      i += placeholder[0].length;
      continue;
    }
    if (/[A-Za-z_$]/.test(ch)) {
      const word = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(text.slice(i))![0];
      i += word.length;
      const keyword = lowerOnly && word !== word.toLowerCase() && !["True", "False"].includes(word) ? undefined : WORDS[word];
      if (keyword === undefined) tokens.push({ kind: "ident", text: word, pos: start });
      else if (keyword === "true" || keyword === "false") tokens.push({ kind: "keyword", text: "bool", value: keyword === "true", pos: start });
      else tokens.push({ kind: "keyword", text: keyword, pos: start });
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op === undefined) {
      // The server's lexer reports what it consumed: `=` is the start of `==`, so the next character comes too.
      const shown = ch === "=" ? text.slice(i, i + 2) : ch;
      throw new FilterSyntaxError(`token recognition error at: '${shown}'`, start);
    }
    const normal = op === "&&" ? "and" : op === "||" ? "or" : op === "!" ? "not" : undefined;
    tokens.push(normal ? { kind: "keyword", text: normal, pos: start } : { kind: "op", text: op, pos: start });
    i += op.length;
  }
  tokens.push({ kind: "end", text: "<EOF>", pos: text.length });
  return tokens;
}

function numberToken(raw: string, pos: number): Token {
  const integer = !/[.eE]/.test(raw) || /^0[xX]/.test(raw);
  if (integer) {
    const big = /^0[oO]/.test(raw) ? BigInt(`0o${raw.slice(2)}`) : /^0[0-7]+$/.test(raw) ? BigInt(`0o${raw.slice(1)}`) : BigInt(raw);
    const asNumber = Number(big);
    return { kind: "number", text: raw, value: Number.isSafeInteger(asNumber) ? asNumber : big, integer: true, pos };
  }
  return { kind: "number", text: raw, value: Number(raw), integer: false, pos };
}

/** Reads a quoted literal starting at `start`; backslash escapes as in Go (`\"`, `\\`, `\n`, `\t`, `\uXXXX`). */
function readString(text: string, start: number): { value: string; end: number } {
  const quote = text[start]!;
  let out = "";
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === quote) return { value: out, end: i + 1 };
    if (ch === "\\") {
      const next = text[i + 1];
      if (next === undefined) break;
      const simple: Record<string, string> = { n: "\n", t: "\t", r: "\r", "\\": "\\", '"': '"', "'": "'", "%": "\\%", _: "\\_", "/": "/" };
      if (next === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
        out += String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 6), 16));
        i += 6;
        continue;
      }
      if (simple[next] === undefined) throw new FilterSyntaxError(`token recognition error at: '${text.slice(start, i + 2)}'`, start);
      out += simple[next];
      i += 2;
      continue;
    }
    out += ch;
    i++;
  }
  throw new FilterSyntaxError(`token recognition error at: '${text.slice(start)}'`, start);
}
