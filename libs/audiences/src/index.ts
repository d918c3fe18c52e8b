/** Customer Studio: schema, audiences compiled to SQL per warehouse dialect, traits, splits, insights. */
export * from './errors';
export * from './schema/schema-types';
export * from './schema/validate-schema';
export * from './conditions/condition-types';
export * from './conditions/condition-schema';
export * from './conditions/parse-condition-tree';
export * from './traits/trait-types';
export * from './splits/split-groups';
export * from './dialects';
export type { AudienceRef, CompileInput } from './compiler/compile-context';
export { compileAudienceSql, type AudienceSpec } from './compiler/compile-audience';
export { schemaVersion } from './compiler/schema-version';
export * from './insights/insight-sql';
export * from './membership/audience-definition';
export * from './membership/split-group-model';
export * from './membership/record-membership-changes';
export * from './splits/sync-target';
