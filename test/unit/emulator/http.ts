/** A plain fetch helper for emulator tests: status, headers and parsed body (text when not JSON). */
export interface Reply {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests assert on shapes
  text: string;
}

export async function request(baseUrl: string, method: string, path: string, options: { key?: string; body?: unknown } = {}): Promise<Reply> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.key !== undefined) headers.authorization = `Bearer ${options.key}`;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(baseUrl + path, {
    method,
    headers,
    body: options.body === undefined ? undefined : typeof options.body === "string" ? options.body : JSON.stringify(options.body),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text (the 404 page)
  }
  return { status: res.status, headers: res.headers, body, text };
}
