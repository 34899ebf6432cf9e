/** The PrivateEndpoint's properties: one table, from which its class, check, diff and stored shape derive. */
import { z } from "zod";
import type { StateOf } from "../shared/resource-definition";
import { defineSpec, input, output, type InputsOf } from "../shared/spec";

export const DEFAULT_ENDPOINT_WAIT_SECONDS = 10 * 60;

/** A project id, as `check` accepts it. */
export const projectIdType = z.string().regex(/^proj-[0-9a-z]+$/, "expected a project id like proj-0123abcd…");
/** A region id, as `check` accepts it. */
export const regionIdType = z.string().regex(/^[a-z]+-[a-z0-9-]+$/, "expected a region id like aws-us-west-2 or gcp-us-west1");

export const privateEndpointSpec = defineSpec({
  /**
   * The project the endpoint is registered in. Changing it replaces the registration.
   * @example "proj-4487580fcfe2c8a4391686"
   */
  projectId: input(projectIdType, { change: "replace" }),
  /**
   * The region of the clusters the endpoint reaches (the endpoint service is per region). Changing it replaces the registration.
   * @example "aws-us-west-2"
   */
  regionId: input(regionIdType, { change: "replace" }),
  /**
   * Your endpoint's id in your cloud account (AWS `vpce-…`, the GCP forwarding-rule name, the Azure private
   * endpoint id), made against `endpointService`. It is also the resource id. Changing it replaces the registration.
   * @example "vpce-0a1b2c3d4e5f67890"
   */
  endpointId: input(z.string().min(1).max(1024), { change: "replace" }),
  /**
   * GCP regions only (required there): the GCP project that owns the endpoint. Changing it replaces the registration.
   * @example "my-gcp-project"
   */
  gcpProjectId: input(z.string().min(1).optional(), { change: "replace" }),
  /**
   * Take over a registration of this endpoint that already exists in the project and region (instead of
   * failing with the server's "already registered"). Default false. Only read at create.
   * @example true
   */
  adopt: input(z.boolean().optional(), { change: "create-only" }),
  /**
   * Deadline, in seconds, for the wait until a deleted registration is gone. Default 600. Updates in place (no server call).
   * @example 900
   */
  waitTimeoutSeconds: input(z.number().int().min(1).max(24 * 3600).optional(), { change: "local" }),

  /** The cloud of the region (`aws`, `gcp`, `azure`), when the server reports it. */
  cloudId: output<string>(),
  /** The Zilliz endpoint service the endpoint connects to, when the server reports it. */
  endpointService: output<string>(),
  /** The registration's status as the server last reported it. */
  status: output<string>(),
});

export type PrivateEndpointSpec = typeof privateEndpointSpec;
export type PrivateEndpointInputs = InputsOf<PrivateEndpointSpec>;
export type PrivateEndpointState = StateOf<PrivateEndpointSpec>;

/** GCP regions need the GCP project; other clouds have none. */
export function refinePrivateEndpoint(v: PrivateEndpointInputs, ctx: z.RefinementCtx): void {
  const gcp = v.regionId.startsWith("gcp-");
  if (gcp && v.gcpProjectId === undefined) ctx.addIssue({ code: "custom", path: ["gcpProjectId"], message: "required in a GCP region (the GCP project that owns the endpoint)" });
  if (!gcp && v.gcpProjectId !== undefined) ctx.addIssue({ code: "custom", path: ["gcpProjectId"], message: `only for GCP regions, not ${v.regionId}` });
}
