/**
 * JSON parsing that keeps 64-bit integers exact. Milvus writes `collectionID`, `dbID` and similar
 * int64 values as bare JSON numbers around 4.5e17, beyond what a double holds exactly; `JSON.parse`
 * would silently round them. Node 20 has no reviver access to the source text, so before parsing we
 * quote every integer literal outside strings that is not a safe integer. Schemas then read those
 * fields as decimal strings.
 */

/** Parses JSON text; integers beyond ±2^53 come back as decimal strings. */
export function parseJsonSafe(text: string): unknown {
  return JSON.parse(quoteUnsafeIntegers(text));
}

/** Rewrites integer literals outside strings that exceed Number.MAX_SAFE_INTEGER as JSON strings. */
export function quoteUnsafeIntegers(text: string): string {
  let out = "";
  let last = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22 /* " */) {
      // Skip the whole string literal, honouring escapes.
      i++;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === 0x5c /* \ */) i += 2;
        else if (c === 0x22) {
          i++;
          break;
        } else i++;
      }
      continue;
    }
    if (ch === 0x2d /* - */ || (ch >= 0x30 && ch <= 0x39)) {
      const start = i;
      i++;
      while (i < n && isNumberChar(text.charCodeAt(i))) i++;
      const literal = text.slice(start, i);
      // Only plain integers with 16+ digits can be unsafe; floats and exponents are left alone.
      if (/^-?\d{16,}$/.test(literal) && !Number.isSafeInteger(Number(literal))) {
        out += text.slice(last, start) + `"${literal}"`;
        last = i;
      }
      continue;
    }
    i++;
  }
  return last === 0 ? text : out + text.slice(last);
}

function isNumberChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x65 || c === 0x45 || c === 0x2b || c === 0x2d;
}
