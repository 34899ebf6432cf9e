/** The PrivateEndpointWhitelistEntry's properties: one table, from which its class, check, diff and stored shape derive. */
import { z } from "zod";
import type { StateOf } from "../shared/resource-definition";
import { defineSpec, input, output, type InputsOf } from "../shared/spec";
import { projectIdType, regionIdType } from "./private-endpoint-spec";

export const whitelistEntrySpec = defineSpec({
  /**
   * The project whose PrivateLink service the account may connect to. Changing it replaces the entry.
   * @example "proj-4487580fcfe2c8a4391686"
   */
  projectId: input(projectIdType, { change: "replace" }),
  /**
   * The region of the endpoint service. Changing it replaces the entry.
   * @example "aws-us-west-2"
   */
  regionId: input(regionIdType, { change: "replace" }),
  /**
   * Your cloud account allowed to create endpoints against the service (AWS account id, Azure subscription
   * id, GCP project). It is also the resource id. Changing it replaces the entry.
   * @example "123456789012"
   */
  outerUserId: input(z.string().min(1).max(256), { change: "replace" }),

  /** When the entry was added, as the server reports it. */
  createTime: output<string>(),
});

export type WhitelistEntrySpec = typeof whitelistEntrySpec;
export type WhitelistEntryInputs = InputsOf<WhitelistEntrySpec>;
export type WhitelistEntryState = StateOf<WhitelistEntrySpec>;
