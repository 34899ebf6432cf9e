/** A route table: method + path pattern (`:name` segments) → handler. Unknown routes fall to the 404 text. */
import type { ApiVersion } from "./render";

/** What a handler receives, already parsed. */
export interface RouteContext {
  params: Record<string, string>;
  query: URLSearchParams;
  body: Record<string, unknown>;
  version: ApiVersion;
}

/** A handler returns the `data` payload or throws an EmulatorError. */
export type RouteHandler = (ctx: RouteContext) => unknown;

/** One row of the table. */
export interface Route {
  method: string;
  pattern: string;
  version: ApiVersion;
  handler: RouteHandler;
}

/** A route that matched, with its path parameters. */
export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

/** Finds the route for a request; `undefined` means the real 404. */
export function matchRoute(routes: readonly Route[], method: string, pathname: string): RouteMatch | undefined {
  const parts = pathname.split("/").filter((p) => p !== "");
  for (const route of routes) {
    if (route.method !== method) continue;
    const pattern = route.pattern.split("/").filter((p) => p !== "");
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < pattern.length; i++) {
      if (pattern[i].startsWith(":")) params[pattern[i].slice(1)] = decodeURIComponent(parts[i]);
      else if (pattern[i] !== parts[i]) ok = false;
    }
    if (ok) return { route, params };
  }
  return undefined;
}
