import { PROMPTS, type ControlPlane } from "./control-plane";

/**
 * Runs a cluster create, opens the new cluster's data-plane endpoint, and answers the way both API
 * versions do: the id, the one-time credentials and the "being created" prompt.
 */
export async function createdAnswer(cp: ControlPlane, make: () => ReturnType<ControlPlane["clusters"]["createDedicated"]>) {
  const created = make();
  await cp.openEndpoint(created.cluster);
  return { clusterId: created.cluster.clusterId, username: created.username, password: created.password, prompt: PROMPTS.create };
}
