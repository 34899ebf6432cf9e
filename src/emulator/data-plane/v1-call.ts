/** The v1 request as the authorization check sees it: fields from the JSON body (POST) or the query string (GET). */
import type { Call } from "./authorization";

const GETS = ["collections", "collections/describe"];

/**
 * Builds the {@link Call} of a `/v1/vector/<path>` request. A body that is not a JSON object gives a call
 * with no action: the v1 handler answers its decode error first, as the server decodes before it checks.
 */
export function v1Call(path: string, method: string, query: URLSearchParams, text: string): Call {
  // A path served with another method is a 404 from the router, before any check.
  if (method !== (GETS.includes(path) ? "GET" : "POST")) return { api: "v1", action: "", fields: {}, dbName: "default" };
  let fields: Record<string, unknown> = Object.fromEntries(query);
  if (text.trim() !== "") {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) return { api: "v1", action: "", fields: {}, dbName: "default" };
      fields = { ...fields, ...(parsed as Record<string, unknown>) };
    } catch {
      return { api: "v1", action: "", fields: {}, dbName: "default" };
    }
  }
  const db = fields.dbName;
  return { api: "v1", action: path, fields, dbName: typeof db === "string" && db !== "" ? db : "default" };
}
