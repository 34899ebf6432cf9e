/**
 * The `rewrite` fault: the call is served normally, then its JSON answer is edited before it leaves. It
 * stands in for real servers that answer differently from the emulator: a Milvus whose `indexes/describe`
 * has no `indexParams`, a Zilliz Cloud that reports AUTOINDEX whatever was asked, a cluster that reports
 * RUNNING before its new size shows, a list that ignored a filter.
 */
import type { ServerResponse } from "node:http";

/** One edit of the answer. `path` is dotted (`data.clusters`), `*` standing for every array element or object member. */
export interface AnswerEdit {
  op: "set" | "remove" | "append";
  path: string;
  /** For `set`: the new value; for `append`: the element pushed onto the array at `path`. */
  value?: unknown;
}

/** Throws a plain Error (answered as HTTP 400) when the edits are malformed. */
export function checkAnswerEdits(value: unknown): AnswerEdit[] {
  if (!Array.isArray(value) || value.length === 0) throw new Error("fault.edits must be a non-empty array for kind rewrite");
  for (const edit of value as AnswerEdit[]) {
    if (typeof edit !== "object" || edit === null) throw new Error("each edit must be an object");
    if (!["set", "remove", "append"].includes(edit.op)) throw new Error("edit.op must be set, remove or append");
    if (typeof edit.path !== "string" || edit.path === "") throw new Error("edit.path is required");
    if (edit.op !== "remove" && !("value" in edit)) throw new Error(`edit.value is required for op ${edit.op}`);
  }
  return value as AnswerEdit[];
}

/** The containers `segments` leads to (expanding `*`), paired with the last key to act on. */
function targets(root: unknown, segments: string[]): Array<{ parent: Record<string, unknown> | unknown[]; key: string }> {
  let level: unknown[] = [root];
  for (const segment of segments.slice(0, -1)) {
    const next: unknown[] = [];
    for (const node of level) {
      if (node === null || typeof node !== "object") continue;
      if (segment === "*") next.push(...Object.values(node));
      else if (segment in node) next.push((node as Record<string, unknown>)[segment]);
    }
    level = next;
  }
  const last = segments[segments.length - 1]!;
  const out: Array<{ parent: Record<string, unknown> | unknown[]; key: string }> = [];
  for (const node of level) {
    if (node === null || typeof node !== "object") continue;
    const keys = last === "*" ? Object.keys(node) : [last];
    for (const key of keys) out.push({ parent: node as Record<string, unknown>, key });
  }
  return out;
}

/** Applies the edits to a parsed answer, in order. Paths that lead nowhere change nothing. */
export function editAnswer(answer: unknown, edits: readonly AnswerEdit[]): unknown {
  for (const edit of edits) {
    for (const { parent, key } of targets(answer, edit.path.split("."))) {
      const record = parent as Record<string, unknown>;
      if (edit.op === "set") record[key] = structuredClone(edit.value);
      else if (edit.op === "remove") delete record[key];
      else if (Array.isArray(record[key])) (record[key] as unknown[]).push(structuredClone(edit.value));
    }
  }
  return answer;
}

/**
 * Makes `res` hold back what the handler writes, then send the edited answer. An answer that is not JSON
 * goes out unchanged. Integers beyond 2^53 in an edited answer lose precision (JSON.parse), so aim the
 * fault at answers without ids that large (describe of an index or a cluster, cluster lists).
 */
export function rewriteAnswer(res: ServerResponse, edits: readonly AnswerEdit[]): void {
  const chunks: Buffer[] = [];
  let head: { status: number; headers: Record<string, unknown> } = { status: 200, headers: {} };
  const original = { writeHead: res.writeHead.bind(res), end: res.end.bind(res) };
  res.writeHead = ((status: number, headers?: Record<string, unknown>) => {
    head = { status, headers: { ...(headers ?? {}) } };
    return res;
  }) as ServerResponse["writeHead"];
  res.write = ((chunk: unknown) => {
    if (chunk !== undefined && chunk !== null) chunks.push(Buffer.from(chunk as string));
    return true;
  }) as ServerResponse["write"];
  res.end = ((chunk?: unknown) => {
    if (chunk !== undefined && chunk !== null && typeof chunk !== "function") chunks.push(Buffer.from(chunk as string));
    let text = Buffer.concat(chunks).toString("utf8");
    try {
      text = JSON.stringify(editAnswer(JSON.parse(text), edits));
    } catch {
      // Not JSON (a 404 page): sent as it was.
    }
    const headers: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(head.headers)) if (k.toLowerCase() !== "content-length") headers[k] = v;
    headers["content-length"] = Buffer.byteLength(text);
    original.writeHead(head.status, headers as Record<string, string>);
    return original.end(text);
  }) as ServerResponse["end"];
}
