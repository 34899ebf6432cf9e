import * as pulumi from "@pulumi/pulumi";

/** Adds the outputs that must always be stored encrypted, keeping the caller's own list. */
export function withSecretOutputs(opts: pulumi.CustomResourceOptions | undefined, secrets: readonly string[]): pulumi.CustomResourceOptions {
  return { ...opts, additionalSecretOutputs: [...new Set([...(opts?.additionalSecretOutputs ?? []), ...secrets])] };
}

/**
 * The props bag for a resource: inputs, plus every output-only property as `undefined` so the SDK creates its
 * Output. Credential inputs given as plain strings are wrapped as secrets, so that the stored *inputs* are
 * encrypted too (`additionalSecretOutputs` only covers outputs).
 */
export function propsBag(inputs: object | undefined, outputKeys: readonly string[], secretInputs: readonly string[] = []): pulumi.Inputs {
  const bag: pulumi.Inputs = { ...(inputs ?? {}) };
  for (const key of secretInputs) if (bag[key] !== undefined) bag[key] = pulumi.secret(bag[key]);
  for (const key of outputKeys) if (!(key in bag)) bag[key] = undefined;
  return bag;
}
