export * from './entities';
export * from './data-source';
export * from './sync-run/sync-run.store';
