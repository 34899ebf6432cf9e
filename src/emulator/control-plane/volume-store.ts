/**
 * Volumes (zilliz-cloud-api.md §2.6): MANAGED, or EXTERNAL over a storage integration and a path. Identified by
 * name, unique in the org [G]. CREATING settles to RUNNING through the cluster transition mode.
 */
import { EmulatorError } from "../errors";
import type { TransitionMode } from "../transition-mode";
import { isKnownRegion } from "./catalog";
import type { CloudResourceSections, VolumeRecord } from "./cloud-records";
import type { ProjectStore } from "./project-store";
import { isSettled } from "./settle";
import type { ControlPlaneState } from "./state";

const VOLUME_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/** Volume rules over the shared state. */
export class VolumeStore {
  constructor(
    private readonly state: ControlPlaneState & CloudResourceSections,
    private readonly projects: ProjectStore,
    private readonly options: { now(): number; mode(): TransitionMode },
  ) {}

  private get volumes(): VolumeRecord[] {
    return (this.state.volumes ??= []);
  }

  create(body: Record<string, unknown>): VolumeRecord {
    const project = this.projects.get(body.projectId);
    const regionId = body.regionId;
    if (typeof regionId !== "string" || !isKnownRegion(regionId)) throw new EmulatorError("invalidRegionId");
    const name = body.volumeName;
    if (typeof name !== "string" || !VOLUME_NAME.test(name)) throw new EmulatorError("invalidVolumeName");
    const type = body.type ?? "MANAGED";
    if (type !== "MANAGED" && type !== "EXTERNAL") throw new EmulatorError("missingParameter", "type must be MANAGED or EXTERNAL.");
    if (this.volumes.some((v) => v.volumeName === name)) throw new EmulatorError("duplicateVolumeName");
    const now = this.options.now();
    const volume: VolumeRecord = { volumeName: name, projectId: project.projectId, regionId, type, status: "CREATING", createTime: now, startedAt: now };
    if (type === "EXTERNAL") {
      // Why: an external volume is only a pointer into the user's bucket, so both halves of the pointer are needed.
      const { storageIntegrationId, path } = body;
      if (typeof storageIntegrationId !== "string" || storageIntegrationId === "") throw new EmulatorError("missingParameter", "storageIntegrationId is required for an EXTERNAL volume.");
      if (typeof path !== "string" || path === "") throw new EmulatorError("missingParameter", "path is required for an EXTERNAL volume.");
      Object.assign(volume, { storageIntegrationId, path });
    }
    this.volumes.push(volume);
    return volume;
  }

  list(filter: { projectId?: string; type?: string }): VolumeRecord[] {
    if (filter.projectId !== undefined) this.projects.get(filter.projectId);
    this.settleAll();
    return this.volumes.filter(
      (v) => (filter.projectId === undefined || v.projectId === filter.projectId) && (filter.type === undefined || v.type === filter.type),
    );
  }

  get(name: unknown): VolumeRecord {
    const volume = this.volumes.find((v) => v.volumeName === name);
    if (!volume) throw new EmulatorError("volumeNotFound");
    this.settle(volume);
    return volume;
  }

  delete(name: unknown): VolumeRecord {
    const volume = this.get(name);
    this.state.volumes = this.volumes.filter((v) => v !== volume);
    return volume;
  }

  advance(name?: string): void {
    for (const v of this.volumes) if (name === undefined || v.volumeName === name) this.complete(v);
  }

  settleAll(): void {
    for (const v of this.volumes) this.settle(v);
  }

  private settle(volume: VolumeRecord): void {
    if (volume.startedAt !== undefined && isSettled(volume.startedAt, this.options.mode(), this.options.now())) this.complete(volume);
  }

  private complete(volume: VolumeRecord): void {
    volume.status = "RUNNING";
    volume.startedAt = undefined;
  }
}
