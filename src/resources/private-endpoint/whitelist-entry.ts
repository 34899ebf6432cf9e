import { resourceClass, type ResourceInstance } from "../shared/resource-class";
import type { ArgsOf } from "../shared/spec";
import { whitelistEntrySpec, type WhitelistEntrySpec } from "./whitelist-entry-spec";

/** Arguments of a {@link PrivateEndpointWhitelistEntry} (documented property by property in its spec). */
export type PrivateEndpointWhitelistEntryArgs = ArgsOf<WhitelistEntrySpec>;

/**
 * One cloud account on a project's PrivateLink whitelist for a region (needed before that account can
 * create an endpoint against the service). Every property replaces. Refresh reads the whitelist, so an entry
 * removed outside the stack shows as gone; `destroy` removes the entry and checks it is gone. The id is the
 * account id (`outerUserId`).
 *
 * @example
 * new PrivateEndpointWhitelistEntry("aws-account", { projectId: "proj-…", regionId: "aws-us-west-2", outerUserId: "123456789012" });
 */
export const PrivateEndpointWhitelistEntry = resourceClass<WhitelistEntrySpec>("PrivateEndpointWhitelistEntry", whitelistEntrySpec);
/** A {@link PrivateEndpointWhitelistEntry} instance. */
export type PrivateEndpointWhitelistEntry = ResourceInstance<WhitelistEntrySpec>;
