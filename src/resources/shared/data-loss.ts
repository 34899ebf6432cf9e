/**
 * The opt-in every drop of an object holding data needs: `allowDataLoss: true` in the object's stored state,
 * or the stack config `zilliz:allowDataLoss true`. One place for the rule and its wording.
 */
import type { RuntimeContext } from "./runtime-context";

/** True when this drop may lose data. */
export function allowsDataLoss(ctx: RuntimeContext, state: { allowDataLoss?: unknown }): boolean {
  return state.allowDataLoss === true || ctx.config.allowDataLoss === true;
}

/**
 * The refusal, naming what would be lost and both ways to allow it. The stack config reaches `destroy` and
 * `refresh` only from the last `up` (the engine stores the provider's config), hence `--run-program`.
 */
export function dataLossRefusal(what: string, holds: string, when: string): Error {
  return new Error(
    `refusing to drop ${what}: it holds ${holds}. This happens on ${when} or a destroy. ` +
      "To allow it, set allowDataLoss: true on the resource and run `pulumi up` once before the change; or set the stack config " +
      "`pulumi config set zilliz:allowDataLoss true` and run `pulumi up` (or `pulumi destroy --run-program`: without it, destroy uses the config stored at the last up).",
  );
}
