export { createSyncWorker, WORKFLOWS_PATH, type SyncWorkerOptions } from './temporal/create-sync-worker';
