/**
 * The one rule for a create whose answer was lost (a reset, a 5xx, a timeout, an unreadable answer): the
 * request may or may not have been carried out, so the provider never blindly sends it again. It looks up what
 * happened instead, and goes on with the object when it finds it; when it cannot know, it fails saying what
 * to do next. Each resource supplies only its lookup (clusters by name and ownership mark, collections and
 * indexes by name and spec, import jobs by the collection's new jobs with the same files).
 */
import type { RuntimeContext } from "./runtime-context";
import { errorText, outcomeUnknown } from "./runtime-context";

/** What a lookup after a lost answer found. */
export type Lookup<T> =
  /** The object the request asked for exists (it was created). */
  | { found: T }
  /** Nothing the request could have made exists. */
  | { absent: true }
  /** The provider cannot tell (e.g. an object of that name exists but nothing says it is this request's). */
  | { unknowable: string };

/** How one resource settles an outcome-unknown create. */
export interface UnknownOutcomeRule<R, T> {
  /** For messages, e.g. `cluster "search"`. */
  what: string;
  /** Sends the create (once). */
  send(): Promise<R>;
  /** Looks up what the lost request did. */
  lookUp(): Promise<Lookup<T>>;
  /**
   * True when sending again after an "absent" lookup can never make a second object: the name is unique, so a
   * late first request fails (or is a no-op) once the second one has succeeded. False for import jobs.
   */
  resendWhenAbsent: boolean;
  /** What the user should do when the outcome cannot be known. */
  nextStep: string;
}

/**
 * How many times a create may be sent in all when each lost answer is followed by a lookup that finds nothing.
 * Each re-send is as safe as the first (the lookup saw the name free, and the name is unique); the bound only
 * keeps a server that keeps failing from holding the run forever. Two consecutive failures of one create are
 * not rare under a flaky gateway (the fault soak met them), three are.
 */
export const MAX_CREATE_SENDS = 3;

/** The create's result: its own answer, or the object found after the answer was lost. */
export type CreateOutcome<R, T> = { sent: R } | { found: T };

/** A create whose outcome the provider could not find out; the message says what to do next. */
export class OutcomeUnknownError extends Error {
  constructor(what: string, cause: unknown, why: string, nextStep: string) {
    super(`${what}: the create request's answer was lost (${errorText(cause)}) and the provider cannot tell whether it was carried out: ${why}. Next step: ${nextStep}`, { cause });
    this.name = "OutcomeUnknownError";
  }
}

/**
 * Sends a create; when its outcome is unknown, looks up what happened (see the module comment). Errors that
 * say the request was refused (4xx, business codes) are thrown unchanged.
 */
export async function createOrFind<R, T>(ctx: RuntimeContext, rule: UnknownOutcomeRule<R, T>): Promise<CreateOutcome<R, T>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return { sent: await rule.send() };
    } catch (e) {
      if (!outcomeUnknown(e)) throw e;
      ctx.log(`${rule.what}: the create request's answer was lost (${errorText(e)}); looking up what happened instead of sending it again`);
      let seen: Lookup<T>;
      try {
        seen = await rule.lookUp();
      } catch (lookupError) {
        seen = { unknowable: `looking it up failed too (${errorText(lookupError)})` };
      }
      if ("found" in seen) {
        ctx.log(`${rule.what}: the lost request was carried out; continuing with what it created`);
        return { found: seen.found };
      }
      if ("absent" in seen && rule.resendWhenAbsent && attempt < MAX_CREATE_SENDS) {
        ctx.log(`${rule.what}: the lost request created nothing; sending it again (the name is unique, so no duplicate can result)`);
        continue;
      }
      throw new OutcomeUnknownError(rule.what, e, "absent" in seen ? "nothing it would have created exists yet" : seen.unknowable, rule.nextStep);
    }
  }
}
