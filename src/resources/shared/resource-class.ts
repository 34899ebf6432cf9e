/**
 * The Pulumi class of a resource, derived from its spec: the constructor takes `ArgsOf<spec>`, the instance
 * has an `Output` for every property of the spec, credentials are secret, and `get` reads an existing object
 * by id. Nothing here is ever captured into state (the provider is the hand-written `__provider` text).
 */
import * as pulumi from "@pulumi/pulumi";
import { allKeys, hiddenInputs, secretKeys, type ArgsOf, type OutputsOf, type Spec } from "./spec";
import { ZillizDynamicResource } from "./zilliz-dynamic-resource";

/** The instance type of a resource class built by {@link resourceClass}. */
export type ResourceInstance<S extends Spec> = ZillizDynamicResource & OutputsOf<S>;

/** The class type built by {@link resourceClass}. */
export interface ResourceClass<S extends Spec, GetState> {
  new (name: string, args: ArgsOf<S>, opts?: pulumi.CustomResourceOptions): ResourceInstance<S>;
  /**
   * Reads an existing object into the stack by id without managing it (use `adopt: true` to manage it).
   * `state` gives what the provider needs to reach it (e.g. `clusterId` or `endpoint`).
   */
  get(name: string, id: pulumi.Input<string>, state?: GetState, opts?: pulumi.CustomResourceOptions): ResourceInstance<S>;
}

/**
 * The props bag: inputs, hidden inputs filled in from the resource's identity, secrets wrapped, and every other
 * property as `undefined` so its Output exists.
 */
function propsBag(spec: Spec, args: object | undefined, kind: string, name: string): pulumi.Inputs {
  const bag: pulumi.Inputs = { ...(args ?? {}) };
  for (const [key, prop] of hiddenInputs(spec)) bag[key] = prop.fill!({ kind, name, project: pulumi.getProject(), stack: pulumi.getStack() });
  // Plain-text credentials become secrets, so the stored *inputs* are encrypted too.
  for (const key of secretKeys(spec)) if (bag[key] !== undefined) bag[key] = pulumi.secret(bag[key]);
  for (const key of allKeys(spec)) if (!(key in bag)) bag[key] = undefined;
  return bag;
}

/** Builds the class of resource `kind` from its spec. */
export function resourceClass<S extends Spec, GetState = Partial<ArgsOf<S>>>(kind: string, spec: S): ResourceClass<S, GetState> {
  const secrets = secretKeys(spec);
  class Resource extends ZillizDynamicResource {
    constructor(name: string, args: ArgsOf<S>, opts?: pulumi.CustomResourceOptions) {
      const options = { ...opts, additionalSecretOutputs: [...new Set([...(opts?.additionalSecretOutputs ?? []), ...secrets])] };
      super(kind, name, propsBag(spec, args, kind, name), options);
    }

    static get(name: string, id: pulumi.Input<string>, state?: GetState, opts?: pulumi.CustomResourceOptions) {
      return new Resource(name, (state ?? {}) as ArgsOf<S>, { ...opts, id });
    }
  }
  Object.defineProperty(Resource, "name", { value: kind });
  return Resource as unknown as ResourceClass<S, GetState>;
}
