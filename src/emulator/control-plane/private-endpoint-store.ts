/**
 * Private endpoints and their whitelist (zilliz-cloud-api.md §2.6, [C] only): a project registers customer
 * endpoints per region, reads them back and deletes them; the whitelist lists the customer accounts allowed to
 * connect. Both take effect at once [G]. A cluster in a project and region with a registered endpoint gets a
 * private link address.
 */
import { createHash } from "node:crypto";
import { EmulatorError } from "../errors";
import { cloudOfRegion, isKnownRegion } from "./catalog";
import type { CloudResourceSections, PrivateEndpointRecord, WhitelistEntryRecord } from "./cloud-records";
import type { ProjectStore } from "./project-store";
import type { ControlPlaneState } from "./state";

/** The endpoint service a customer connects its endpoint to, one per region (stable, derived from the region). */
export function endpointService(regionId: unknown): { regionId: string; cloudId: string; serviceName: string } {
  if (typeof regionId !== "string" || !isKnownRegion(regionId)) throw new EmulatorError("invalidRegionId");
  const cloudId = cloudOfRegion(regionId) as string;
  const tag = createHash("sha256").update(regionId).digest("hex").slice(0, 17);
  const bare = regionId.replace(/^(aws|gcp|az)-/, "");
  const serviceName =
    cloudId === "aws"
      ? `com.amazonaws.vpce.${bare}.vpce-svc-${tag}`
      : cloudId === "gcp"
        ? `projects/zilliz-vectordb/regions/${bare}/serviceAttachments/privatelink-${tag}`
        : `zilliz-privatelink-${tag}.${bare}.azure.privatelinkservice`;
  return { regionId, cloudId, serviceName };
}

/** Private endpoint and whitelist rules over the shared state. */
export class PrivateEndpointStore {
  constructor(
    private readonly state: ControlPlaneState & CloudResourceSections,
    private readonly projects: ProjectStore,
    private readonly now: () => number,
  ) {}

  private get endpoints(): PrivateEndpointRecord[] {
    return (this.state.privateEndpoints ??= []);
  }

  private get whitelist(): WhitelistEntryRecord[] {
    return (this.state.privateEndpointWhitelist ??= []);
  }

  register(projectId: unknown, body: Record<string, unknown>): PrivateEndpointRecord {
    const project = this.projects.get(projectId);
    const { regionId, cloudId } = endpointService(body.regionId);
    const endpointId = body.endpointId;
    if (typeof endpointId !== "string" || endpointId.trim() === "") throw new EmulatorError("missingParameter", "endpointId is required.");
    const gcpProjectId = body.gcpProjectId;
    if (cloudId === "gcp" && (typeof gcpProjectId !== "string" || gcpProjectId === "")) throw new EmulatorError("missingParameter", "gcpProjectId is required in a GCP region.");
    if (this.find(project.projectId, regionId, endpointId)) throw new EmulatorError("duplicatePrivateEndpoint");
    const record: PrivateEndpointRecord = { projectId: project.projectId, regionId, endpointId, createTime: this.now() };
    if (cloudId === "gcp") record.gcpProjectId = gcpProjectId as string;
    this.endpoints.push(record);
    return record;
  }

  list(projectId: unknown, regionId: string | undefined): PrivateEndpointRecord[] {
    const project = this.projects.get(projectId);
    if (regionId !== undefined) endpointService(regionId);
    return this.endpoints.filter((e) => e.projectId === project.projectId && (regionId === undefined || e.regionId === regionId));
  }

  get(projectId: unknown, endpointId: string, regionId: string | undefined): PrivateEndpointRecord {
    const found = this.list(projectId, regionId).find((e) => e.endpointId === endpointId);
    if (!found) throw new EmulatorError("privateEndpointNotFound");
    return found;
  }

  delete(projectId: unknown, endpointId: string, regionId: string | undefined): PrivateEndpointRecord {
    const found = this.get(projectId, endpointId, regionId);
    this.state.privateEndpoints = this.endpoints.filter((e) => e !== found);
    return found;
  }

  /** True when the cluster's project has an endpoint in the cluster's region. */
  hasEndpoint(projectId: string, regionId: string): boolean {
    return this.endpoints.some((e) => e.projectId === projectId && e.regionId === regionId);
  }

  addWhitelist(projectId: unknown, body: Record<string, unknown>): WhitelistEntryRecord {
    const project = this.projects.get(projectId);
    const { regionId } = endpointService(body.regionId);
    // Why: the Terraform client sends the account as `outerUserId` [C]; `accountId` is the emulator's older spelling [G].
    const accountId = body.outerUserId ?? body.accountId;
    if (typeof accountId !== "string" || accountId.trim() === "") throw new EmulatorError("missingParameter", "outerUserId is required.");
    // Why [G]: adding an entry that is already there is harmless, so it answers the existing entry.
    const existing = this.whitelist.find((w) => w.projectId === project.projectId && w.regionId === regionId && w.accountId === accountId);
    if (existing) return existing;
    const entry: WhitelistEntryRecord = { projectId: project.projectId, regionId, accountId, createTime: this.now() };
    this.whitelist.push(entry);
    return entry;
  }

  listWhitelist(projectId: unknown, regionId: string | undefined): WhitelistEntryRecord[] {
    const project = this.projects.get(projectId);
    if (regionId !== undefined) endpointService(regionId);
    return this.whitelist.filter((w) => w.projectId === project.projectId && (regionId === undefined || w.regionId === regionId));
  }

  deleteWhitelist(projectId: unknown, accountId: string, regionId: string | undefined): WhitelistEntryRecord {
    const found = this.listWhitelist(projectId, regionId).find((w) => w.accountId === accountId);
    if (!found) throw new EmulatorError("whitelistEntryNotFound");
    this.state.privateEndpointWhitelist = this.whitelist.filter((w) => w !== found);
    return found;
  }

  private find(projectId: string, regionId: string, endpointId: string): PrivateEndpointRecord | undefined {
    return this.endpoints.find((e) => e.projectId === projectId && e.regionId === regionId && e.endpointId === endpointId);
  }
}
