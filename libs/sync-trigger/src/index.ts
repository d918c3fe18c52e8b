/**
 * The one "start or queue a run of this sync" call every trigger ends in: GraphQL runSync, the REST API,
 * Temporal Schedules and dbt Cloud webhooks (through an activity), and sync sequences.
 */
export { requestSyncRun, type SyncRunTarget } from './request-sync-run';
