import { resourceClass, type ResourceInstance } from "../shared/resource-class";
import type { ArgsOf } from "../shared/spec";
import { privateEndpointSpec, type PrivateEndpointSpec } from "./private-endpoint-spec";

/** Arguments of a {@link PrivateEndpoint} (documented property by property in its spec). */
export type PrivateEndpointArgs = ArgsOf<PrivateEndpointSpec>;

/**
 * Registers a PrivateLink endpoint of your cloud account with a project, in one region; the project's
 * Dedicated clusters in that region then report a `privateLinkAddress`. Every property but the deadline
 * replaces. A refresh really reads the registration (one list call: one removed outside the stack shows up),
 * and `destroy` deletes it and checks that it is gone. The id is the endpoint id.
 *
 * Adopting: `PrivateEndpoint.get(name, "vpce-…", { projectId, regionId })`.
 *
 * @example
 * new PrivateEndpoint("vpce", { projectId: "proj-…", regionId: "aws-us-west-2", endpointId: "vpce-0a1b2c3d4e5f67890" });
 */
export const PrivateEndpoint = resourceClass<PrivateEndpointSpec>("PrivateEndpoint", privateEndpointSpec);
/** A {@link PrivateEndpoint} instance. */
export type PrivateEndpoint = ResourceInstance<PrivateEndpointSpec>;
