/**
 * Outcome-unknown creates of the data-plane objects that are nothing but a unique name plus settings applied
 * afterwards (roles, users, aliases). Each create first checked that the name was free; so when its answer is
 * lost (a reset, a 5xx), an object of that name found right after, matching what was asked, is the one the
 * lost request made, and one absent means the request did nothing and can be sent again (a unique name
 * cannot be created twice). The general rule is in outcome-unknown.ts.
 */
import { createOrFind, type Lookup } from "./outcome-unknown";
import type { RuntimeContext } from "./runtime-context";

/** What a named create needs: the kind and name (for messages), the request, and the lookup. */
export interface NamedCreate {
  kind: "role" | "user" | "alias";
  name: string;
  send(): Promise<unknown>;
  lookUp(): Promise<Lookup<true>>;
}

/** Sends the create; after a lost answer, goes on with the object the lookup finds, or fails saying what to do. */
export async function createNamed(ctx: RuntimeContext, c: NamedCreate): Promise<void> {
  await createOrFind(ctx, {
    what: `${c.kind} "${c.name}"`,
    send: c.send,
    lookUp: c.lookUp,
    resendWhenAbsent: true,
    nextStep: `look at the cluster's ${c.kind}s: if "${c.name}" is the one this run created, set adopt: true on it for one \`pulumi up\` (then remove it); if there is none, run \`pulumi up\` again`,
  });
}
