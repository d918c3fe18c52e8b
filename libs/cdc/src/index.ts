export * from './row-hash';
export * from './primary-key';
export * from './plan-changes';
export * from './staged-changes';
export * from './advance-state';
