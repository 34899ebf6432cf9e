/**
 * The data-plane token when a cluster's password is not known. A cluster this stack adopted or took over (after
 * a lost create answer or an interrupted run) has empty `username`/`password` outputs: the password is shown only
 * in the create answer, which this stack never received. A program wired the older way
 * (`token: pulumi.interpolate\`${cluster.username}:${cluster.password}\``) then passes `":"` or `"user:"`.
 * Zilliz Cloud data planes accept the API key as a token, so such a token means "sign in with the provider's API
 * key" instead of failing every data-plane call with 401.
 */
import type { RuntimeContext } from "./runtime-context";

/** True for a token that carries no usable secret: empty, or `user:` with an empty password. */
export function isPasswordlessToken(token: string | undefined): boolean {
  return token !== undefined && (token === "" || token.endsWith(":"));
}

const warned = new Set<string>();

/**
 * The token to send: the input, unless it has no password (then the API key, when the provider has one), else
 * `fallback` (the API key by default).
 */
export function effectiveToken(ctx: RuntimeContext, token: string | undefined, fallback: string | undefined): string | undefined {
  if (!isPasswordlessToken(token)) return token ?? fallback;
  const apiKey = ctx.config.apiKey;
  if (apiKey === undefined || apiKey === "") return token;
  const user = token!.slice(0, -1) || "(none)";
  if (!warned.has(user)) {
    warned.add(user);
    ctx.log(`data-plane token for user ${user} has no password (the cluster was adopted or taken over, so its password was never received); signing in with the provider's API key instead. Wire clusterId: cluster.id to make this the plan.`);
  }
  return apiKey;
}
