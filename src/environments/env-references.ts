/**
 * `${env:NAME}` in a spec's string values, replaced by the environment variable: passwords, tokens and
 * object-storage keys stay out of the file (a GitOps repository), and CI injects them.
 */
import { propertyPath } from "../resources/shared/check-inputs";
import type { SpecIssue } from "./spec-types";

const REFERENCE = /\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** The document with every `${env:NAME}` replaced; an unset variable is an issue at the value's path. */
export function resolveEnvReferences(doc: unknown, env: Readonly<Record<string, string | undefined>>): { doc: unknown; issues: SpecIssue[] } {
  const issues: SpecIssue[] = [];
  const walk = (value: unknown, path: Array<string | number>): unknown => {
    if (typeof value === "string") {
      return value.replace(REFERENCE, (whole, name: string) => {
        const found = env[name];
        if (found === undefined) {
          issues.push({ path: propertyPath(path), message: `environment variable ${name} is not set (referenced as ${whole})` });
          return whole;
        }
        return found;
      });
    }
    if (Array.isArray(value)) return value.map((v, i) => walk(v, [...path, i]));
    if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, [...path, k])]));
    return value;
  };
  return { doc: walk(doc, []), issues };
}
