export * from './postgres-gate';
export * from './pace-interval';
