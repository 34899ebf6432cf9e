/**
 * `pulumi-zilliz/environments`: declarative environments (a spec file of clusters, databases, collections,
 * indexes, aliases, users, roles and import jobs) turned into an inline Pulumi program, and the review
 * summary of a preview; and the Automation API driver the `zilliz-env` bin runs (one command on one
 * environment's stack, drift from a refresh preview, the exit-code rule).
 */
export { EnvSpecError, parseEnvSpec, validateEnvSpec, type ParseOptions, type YamlParser } from "./parse-spec";
export { resolveEnvReferences } from "./env-references";
export { envSpecSchema } from "./spec-schema";
export { envSpecJsonSchema } from "./json-schema";
export type { EnvAlias, EnvCluster, EnvCollection, EnvDatabase, EnvImport, EnvIndex, EnvRole, EnvSpec, EnvTarget, EnvUser, SpecIssue } from "./spec-types";
export { aliasKey, collectionKey, databaseKey, importKeys, indexKey, roleKey, userKey } from "./entry-keys";
export { declareEnvironment, environmentProgram, type DeclaredEnvironment } from "./program";
export { DATA_KINDS, planCollector, planMarkdown, summarizePlan, type PlanAction, type PlanRow, type PlanSummary } from "./plan-summary";
export { BackendUrlError, resolveBackendUrl, type BackendCredentials, type BackendUrlOptions, type ResolvedBackend } from "./backend-url";
export { openEnvironmentStack, DEFAULT_PASSPHRASE, type StackOptions } from "./environment-stack";
export { runEnvironment } from "./run-environment";
export { driftedResources } from "./drift";
export { exitCodeOf } from "./exit-codes";
export type { DriftedResource, EnvOutput, EnvResult } from "./env-result";
export type { CliOptions, EnvCommand } from "./cli-args";
