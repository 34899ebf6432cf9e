/**
 * Where a private-endpoint object lives: a project and a region. Both kinds (the endpoint registration and the
 * whitelist entry) are listed per project and region, and a `get()` must name both, since the id alone does
 * not say where to look.
 */

/** A project and a region. */
export type ProjectRegion = { projectId: string; regionId: string };

/** The project and region of a stored state, or an error showing how `get()` names them. */
export function projectRegionOf(kind: string, id: string, state: { projectId?: string; regionId?: string }): ProjectRegion {
  if (state.projectId === undefined || state.regionId === undefined) throw new Error(`${kind} ${id}: give the project and region, e.g. ${kind}.get(name, "${id}", { projectId, regionId })`);
  return { projectId: state.projectId, regionId: state.regionId };
}
