/**
 * Reading an environment spec: text → document → validated {@link EnvSpec}, failing before any API call
 * with every problem named by its path (`collections[1].schema.fields[0].dim: FloatVector needs dim`).
 */
import type { z } from "zod";
import { propertyPath } from "../resources/shared/check-inputs";
import { resolveEnvReferences } from "./env-references";
import { envSpecSchema } from "./spec-schema";
import { checkReferences } from "./spec-references";
import type { EnvSpec, SpecIssue } from "./spec-types";

/** A spec that cannot be used; `issues` lists every problem found. */
export class EnvSpecError extends Error {
  constructor(
    readonly issues: SpecIssue[],
    source = "spec",
  ) {
    super(`invalid environment ${source}:\n${issues.map((i) => `  ${i.path || "(document)"}: ${i.message}`).join("\n")}`);
    this.name = "EnvSpecError";
  }
}

/** zod issues as spec issues, one per unknown key (strictObject writes one message line per key). */
function fromZod(error: z.ZodError): SpecIssue[] {
  const out: SpecIssue[] = [];
  for (const issue of error.issues) {
    const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
    if (issue.code === "unrecognized_keys") {
      const messages = issue.message.split("\n");
      issue.keys.forEach((key, i) => out.push({ path: propertyPath([...path, key]), message: messages[i] ?? issue.message }));
    } else if (issue.code === "invalid_key") {
      // A record key that breaks the key rule: zod nests the rule's own message.
      out.push({ path: propertyPath(path), message: `invalid key: ${issue.issues[0]?.message ?? issue.message}` });
    } else {
      out.push({ path: propertyPath(path), message: issue.message });
    }
  }
  return out;
}

/** Validates a parsed document: its shape first, then (when the shape holds) the references between entries. */
export function validateEnvSpec(doc: unknown): { spec: EnvSpec; issues: [] } | { spec?: undefined; issues: SpecIssue[] } {
  const parsed = envSpecSchema.safeParse(doc);
  if (!parsed.success) return { issues: fromZod(parsed.error) };
  const d = parsed.data;
  const spec = {
    clusters: d.clusters ?? {},
    databases: d.databases ?? [],
    collections: d.collections ?? [],
    indexes: d.indexes ?? [],
    aliases: d.aliases ?? [],
    users: d.users ?? [],
    roles: d.roles ?? [],
    imports: d.imports ?? [],
  } as unknown as EnvSpec;
  const issues = checkReferences(spec);
  return issues.length === 0 ? { spec, issues: [] } : { issues };
}

/** A YAML parser to plug in (e.g. `js-yaml`'s `load`); the package itself depends on none. */
export type YamlParser = (text: string) => unknown;

/** How to read a spec file. */
export interface ParseOptions {
  /** The file's name, for messages; `.yaml`/`.yml` means YAML. */
  fileName?: string;
  /** The YAML parser (the package bundles none). */
  yaml?: YamlParser;
  /** Where `${env:NAME}` values come from. Default: `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Parses and validates a spec file's text: JSON always; YAML (`.yaml`/`.yml`) only with a `yaml` parser
 * given, since the package has no YAML dependency of its own. `${env:NAME}` in string values is replaced
 * by the environment variable before validation.
 * @throws EnvSpecError naming every problem.
 */
export function parseEnvSpec(text: string, options: ParseOptions = {}): EnvSpec {
  const source = options.fileName ?? "spec";
  const isYaml = /\.ya?ml$/i.test(source);
  let doc: unknown;
  try {
    if (isYaml) {
      if (!options.yaml) throw new Error("YAML specs need a YAML parser (none is bundled): write the spec as JSON, or pass options.yaml");
      doc = options.yaml(text);
    } else {
      doc = JSON.parse(text);
    }
  } catch (e) {
    throw new EnvSpecError([{ path: "", message: `cannot parse ${isYaml ? "YAML" : "JSON"}: ${(e as Error).message}` }], source);
  }
  const resolved = resolveEnvReferences(doc, options.env ?? process.env);
  if (resolved.issues.length > 0) throw new EnvSpecError(resolved.issues, source);
  const result = validateEnvSpec(resolved.doc);
  if (result.spec === undefined) throw new EnvSpecError(result.issues, source);
  return result.spec;
}
