/**
 * Rotated credentials in `pulumi refresh` and `pulumi destroy`. Those commands configure the provider with the
 * stack config stored at the last `pulumi up` (the default provider's inputs), not the current one: after
 * `pulumi config set --secret zilliz:apiKey NEW` they still send the old key. When that key is refused, the
 * environment's `ZILLIZ_API_KEY` (and `ZILLIZ_CLOUD_API_URL`) are tried instead, if they differ; otherwise the
 * error says what to run. The environment is consulted only after a refusal: a stack's own config keeps
 * precedence, so a key exported in the shell for something else never redirects a working stack.
 */
import { ZillizError } from "../../client";
import { isPasswordlessToken } from "./lost-password";
import { readProviderConfig, type ProviderConfig } from "./provider-config";
import type { RuntimeContext } from "./runtime-context";

// Credentials (control-plane URL + key) refused in this provider process: later calls skip straight to the
// environment's, instead of spending one refused call per resource of a refresh.
const refused = new Set<string>();
const identity = (c: ProviderConfig) => `${c.cloudApiUrl ?? ""}\n${c.apiKey ?? ""}`;

/** A resource that signs in with the provider's API key: no `token` of its own, or one without a password. */
export function signsInWithApiKey(state: Record<string, unknown>): boolean {
  return state.token === undefined || (typeof state.token === "string" && isPasswordlessToken(state.token));
}

function isRefusal(e: unknown): boolean {
  return ZillizError.isZillizError(e) && e.kind === "unauthenticated";
}

/** The config with the environment's key and URL, when it names any that differ from `config`'s. */
function fromEnvironment(config: ProviderConfig, env: NodeJS.ProcessEnv): ProviderConfig | undefined {
  // The environment alone (no stack config), read by the same rule as the provider's own fallbacks.
  const { apiKey, cloudApiUrl } = readProviderConfig(undefined, env);
  const next = { ...config, ...(apiKey ? { apiKey } : {}), ...(cloudApiUrl ? { cloudApiUrl } : {}) };
  return identity(next) === identity(config) || refused.has(identity(next)) ? undefined : next;
}

/** The error for a refused key that no environment value could replace (it never contains a key). */
export function refusedKeyError(cause: unknown, triedEnvironment: boolean): Error {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new Error(
    `the Zilliz Cloud API key was refused (${reason}). ` +
      (triedEnvironment ? "ZILLIZ_API_KEY from the environment was refused too. " : "") +
      "`pulumi refresh` and `pulumi destroy` use the provider config stored at the last `pulumi up`, so after " +
      "`pulumi config set --secret zilliz:apiKey <new key>` they still send the old key. Run `pulumi refresh --run-program` " +
      "or `pulumi destroy --run-program` (they use the current config), or set ZILLIZ_API_KEY (and ZILLIZ_CLOUD_API_URL if it " +
      "changed) to the new values for this command, or run `pulumi up` once to store the new key.",
    { cause },
  );
}

/**
 * Runs a read or delete of a resource that signs in with the provider's API key (`usesApiKey`), replacing
 * refused stored credentials by the environment's as described above. Safe to run `fn` again: a refused
 * call did nothing, and reads and deletes are idempotent.
 */
export async function withCurrentCredentials<T>(ctx: RuntimeContext, usesApiKey: boolean, fn: () => Promise<T>, env: NodeJS.ProcessEnv = process.env): Promise<T> {
  if (!usesApiKey) return fn();
  const stored = ctx.config;
  if (refused.has(identity(stored))) ctx.config = fromEnvironment(stored, env) ?? stored;
  try {
    return await fn();
  } catch (e) {
    if (!isRefusal(e)) throw e;
    refused.add(identity(ctx.config));
    if (ctx.config !== stored) throw refusedKeyError(e, true);
    const next = fromEnvironment(ctx.config, env);
    if (!next) throw refusedKeyError(e, false);
    ctx.log("the stored zilliz:apiKey was refused; using ZILLIZ_API_KEY from the environment");
    ctx.config = next;
    try {
      return await fn();
    } catch (again) {
      if (!isRefusal(again)) throw again;
      refused.add(identity(next));
      throw refusedKeyError(again, true);
    }
  }
}
