export * from './create-activities';
export type { ActivityDeps } from './activity-deps';
