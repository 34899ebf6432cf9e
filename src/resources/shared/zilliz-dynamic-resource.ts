import * as pulumi from "@pulumi/pulumi";
import { quietStacks, restoreStacks } from "./debug-stacks";

/**
 * The text every resource of one kind stores as `__provider`: a two-line CommonJS module that the
 * pulumi-nodejs dynamic-provider host loads and calls `handler()` on.
 *
 * Why hand-written instead of `pulumi.dynamic.Resource`'s closure serializer: the serializer wraps
 * every provider method in ~250 bytes of scaffolding, so even a thin shim with the seven methods we need
 * (configure, check, diff, create, read, update, delete) comes to ~2.2 KB per resource, stored twice in
 * state. This text is ~80 bytes, captures nothing (no schema, client or credential can leak into it), and
 * never changes between package versions, so upgrading pulumi-zilliz never shows a spurious update. The
 * provider process resolves `pulumi-zilliz/runtime` from the program's node_modules, so old states always
 * run the installed implementation.
 */
export function providerModuleText(kind: string): string {
  return `exports.handler = () => require("pulumi-zilliz/runtime").provider(${JSON.stringify(kind)});`;
}

/** The type token of a resource kind, e.g. `pulumi-nodejs:dynamic/zilliz:Cluster`. */
export function dynamicTypeToken(kind: string): string {
  return `pulumi-nodejs:dynamic/zilliz:${kind}`;
}

/**
 * Base of every pulumi-zilliz resource: a custom resource of the `pulumi-nodejs` dynamic provider, the
 * same wire contract as `pulumi.dynamic.Resource`, with the provider module text above.
 */
export abstract class ZillizDynamicResource extends pulumi.CustomResource {
  protected constructor(
    kind: string,
    name: string,
    props: pulumi.Inputs,
    opts?: pulumi.CustomResourceOptions,
  ) {
    if (props.__provider !== undefined) throw new Error("a pulumi-zilliz resource must not define __provider");
    const stacks = quietStacks();
    try {
      // A fresh object: the caller's props bag is never mutated or shared between resources.
      super(dynamicTypeToken(kind), name, { ...props, __provider: providerModuleText(kind) }, opts);
    } catch (e) {
      restoreStacks(stacks, e);
      throw e;
    }
    restoreStacks(stacks);
  }
}
