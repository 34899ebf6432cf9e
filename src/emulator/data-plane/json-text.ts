/**
 * JSON text the way the Milvus REST layer writes and reads it.
 *
 * Writing: gin serialises maps, so object keys come out sorted; `<`, `>` and `&` are HTML-escaped; int64
 * values (collection and database IDs) are bare JSON numbers far beyond 2^53, so they are carried as
 * {@link Int64} and written as raw digits.
 *
 * Reading: the syntax check reproduces Go `encoding/json` error texts (Milvus 2.3 decodes with it), because
 * the v1 error message embeds the decoder error verbatim.
 */

/** An int64 written to JSON as raw digits (never rounded through a JS number). */
export class Int64 {
  constructor(readonly digits: string) {}
}

/** A float32 (search distances), written with the shortest digits that read back as the same float32, as Go does. */
export class Float32 {
  readonly value: number;
  constructor(value: number) {
    this.value = Math.fround(value);
  }

  toJSON(): number {
    return Number(this.text());
  }

  text(): string {
    if (!Number.isFinite(this.value)) return "null";
    for (let digits = 1; digits <= 9; digits++) {
      const candidate = Number(this.value.toPrecision(digits));
      if (Math.fround(candidate) === this.value) return String(candidate);
    }
    return String(this.value);
  }
}

/** Encodes a response value: sorted keys, HTML-escaped strings, {@link Int64} as bare digits. */
export function encodeJson(value: unknown): string {
  if (value instanceof Int64) return value.digits;
  if (value instanceof Float32) return value.text();
  if (value === null || value === undefined) return "null";
  if (typeof value === "string") return escapeString(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "null";
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "boolean") return value ? "true" : "false";
  if (Array.isArray(value)) return `[${value.map(encodeJson).join(",")}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${escapeString(key)}:${encodeJson(record[key])}`).join(",")}}`;
}

function escapeString(text: string): string {
  return JSON.stringify(text).replace(/[<>&\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * Returns the Go `encoding/json` decoder error for `text`, or undefined when it is one valid JSON value
 * (trailing content is ignored, as a stream decoder does). Empty input gives `EOF`.
 */
export function goSyntaxError(text: string): string | undefined {
  let i = 0;
  const ws = () => {
    while (i < text.length && " \t\r\n".includes(text[i]!)) i++;
  };
  const fail = (context: string): never => {
    if (i >= text.length) throw new SyntaxStop("unexpected EOF");
    throw new SyntaxStop(`invalid character ${quoteChar(text[i]!)} ${context}`);
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === "{") {
      i++;
      ws();
      if (text[i] === "}") return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail("looking for beginning of object key string");
        str();
        ws();
        if (text[i] !== ":") fail("after object key");
        i++;
        value();
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "}") return void i++;
        else fail("after object key:value pair");
      }
    }
    if (ch === "[") {
      i++;
      ws();
      if (text[i] === "]") return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "]") return void i++;
        else fail("after array element");
      }
    }
    if (ch === '"') return str();
    if (ch !== undefined && /[-0-9]/.test(ch)) {
      const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
      if (!match || match[0] === "-") {
        i++;
        fail("in numeric literal");
      }
      i += match![0].length;
      return;
    }
    for (const word of ["true", "false", "null"]) {
      if (ch === word[0]) {
        for (let k = 0; k < word.length; k++, i++) {
          if (text[i] !== word[k]) fail(`in literal ${word} (expecting ${quoteChar(word[k]!)})`);
        }
        return;
      }
    }
    fail("looking for beginning of value");
  };
  const str = (): void => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === "\\") i++;
      i++;
    }
    if (i >= text.length) fail("");
    i++;
  };
  ws();
  if (i >= text.length) return "EOF";
  try {
    value();
    return undefined;
  } catch (error) {
    if (error instanceof SyntaxStop) return error.message;
    throw error;
  }
}

class SyntaxStop extends Error {}

function quoteChar(ch: string): string {
  return ch === "'" ? "'\\''" : `'${ch}'`;
}
