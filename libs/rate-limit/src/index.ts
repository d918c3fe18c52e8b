export * from './postgres-gate';
export * from './local-gate';
export * from './pace-interval';
export * from './sleep';
