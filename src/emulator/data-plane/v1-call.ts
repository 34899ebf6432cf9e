/** The v1 request as the authorization check sees it: fields from the JSON body (POST) or the query string (GET). */
import type { Call } from "./authorization";

const GETS = ["collections", "collections/describe"];

/**
 * Builds the {@link Call} of a `/v1/vector/<path>` request. A POST body that is not a JSON object (an empty
 * one included) gives a call with no action: the v1 handler answers its decode error (1801) first, as the
 * 2.3.5 server does before it checks privileges.
 */
export function v1Call(path: string, method: string, query: URLSearchParams, text: string): Call {
  // A path served with another method is a 404 from the router, before any check.
  if (method !== (GETS.includes(path) ? "GET" : "POST")) return { api: "v1", action: "", fields: {}, dbName: "default" };
  let fields: Record<string, unknown> = Object.fromEntries(query);
  if (method === "POST") {
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
