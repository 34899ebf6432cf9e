/**
 * API keys (zilliz-cloud-api.md §2.6): create (the value shown once), list, describe, update of name, org
 * role and project scopes, delete; at most 100 keys per org. A created key authenticates control-plane calls
 * until it is deleted.
 */
import { EmulatorError } from "../errors";
import { newApiKeyId, newApiKeyValue } from "./cloud-ids";
import type { ApiKeyProjectGrant, ApiKeyRecord, CloudResourceSections } from "./cloud-records";
import type { ProjectStore } from "./project-store";
import type { ControlPlaneState } from "./state";

/** [G] Role names; the reference names the fields but not their values. */
export const ORG_ROLES = ["Owner", "Member", "Billing Admin"];
export const PROJECT_ROLES = ["Owner", "Admin", "Read-Write", "Read-Only"];
/** The documented org limit; the org key the emulator was started with counts as one of them. */
export const MAX_API_KEYS = 100;

/** API key rules over the shared state. */
export class ApiKeyStore {
  constructor(
    private readonly state: ControlPlaneState & CloudResourceSections,
    private readonly projects: ProjectStore,
    private readonly now: () => number,
  ) {}

  private get keys(): ApiKeyRecord[] {
    return (this.state.apiKeys ??= []);
  }

  list(): ApiKeyRecord[] {
    return this.keys;
  }

  /** The created key with this value, if any. */
  byValue(token: string | undefined): ApiKeyRecord | undefined {
    return token === undefined ? undefined : this.keys.find((k) => k.apiKey === token);
  }

  get(apiKeyId: unknown): ApiKeyRecord {
    const key = this.keys.find((k) => k.apiKeyId === apiKeyId);
    if (!key) throw new EmulatorError("apiKeyNotFound");
    return key;
  }

  create(body: Record<string, unknown>): ApiKeyRecord {
    const name = checkName(body.name);
    const orgRole = checkRole(body.orgRole, ORG_ROLES, "orgRole");
    const projects = this.grants(body.projects);
    if (this.keys.length + 1 >= MAX_API_KEYS) throw new EmulatorError("apiKeyLimit");
    const key: ApiKeyRecord = { apiKeyId: newApiKeyId(), apiKey: newApiKeyValue(), name, orgRole, projects, createTime: this.now() };
    this.keys.push(key);
    return key;
  }

  /** Replaces the fields present in the body; absent ones keep their values. */
  update(apiKeyId: unknown, body: Record<string, unknown>): ApiKeyRecord {
    const key = this.get(apiKeyId);
    const name = body.name === undefined ? key.name : checkName(body.name);
    const orgRole = body.orgRole === undefined ? key.orgRole : checkRole(body.orgRole, ORG_ROLES, "orgRole");
    const projects = body.projects === undefined ? key.projects : this.grants(body.projects);
    Object.assign(key, { name, orgRole, projects });
    return key;
  }

  delete(apiKeyId: unknown): ApiKeyRecord {
    const key = this.get(apiKeyId);
    this.state.apiKeys = this.keys.filter((k) => k !== key);
    return key;
  }

  private grants(value: unknown): ApiKeyProjectGrant[] {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) throw new EmulatorError("missingParameter", "projects must be an array.");
    return value.map((raw) => {
      if (typeof raw !== "object" || raw === null) throw new EmulatorError("missingParameter", "projects[] must be objects.");
      const g = raw as Record<string, unknown>;
      const project = this.projects.get(g.projectId);
      const clusterIds = stringList(g.clusterIds, "clusterIds");
      for (const id of clusterIds) {
        const cluster = this.state.clusters.find((c) => c.clusterId === id && c.status !== "DELETED");
        if (!cluster || cluster.projectId !== project.projectId) throw new EmulatorError("clusterNotFound");
      }
      const volumeIds = stringList(g.volumeIds, "volumeIds");
      for (const id of volumeIds) {
        if (!(this.state.volumes ?? []).some((v) => v.volumeName === id && v.projectId === project.projectId)) throw new EmulatorError("volumeNotFound");
      }
      return {
        projectId: project.projectId,
        role: checkRole(g.role, PROJECT_ROLES, "role"),
        // Why [G]: a grant that names no clusters (or volumes) is read as covering all of them.
        allCluster: typeof g.allCluster === "boolean" ? g.allCluster : clusterIds.length === 0,
        clusterIds,
        allVolume: typeof g.allVolume === "boolean" ? g.allVolume : volumeIds.length === 0,
        volumeIds,
      };
    });
  }
}

function checkName(value: unknown): string {
  if (typeof value !== "string" || value.trim() === "" || value.length > 64) throw new EmulatorError("missingParameter", "name must be 1 to 64 characters.");
  return value;
}

function checkRole(value: unknown, allowed: string[], field: string): string {
  if (typeof value !== "string" || !allowed.includes(value)) throw new EmulatorError("missingParameter", `${field} must be one of ${allowed.join(", ")}.`);
  return value;
}

function stringList(value: unknown, field: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) throw new EmulatorError("missingParameter", `${field} must be an array of strings.`);
  return [...(value as string[])];
}
