export * from './types';
export * from './source-connector';
export * from './destination-connector';
export * from './sync';
export * from './warehouse-session';
export * from './sync-schedule';
export * from './rate-limit';
export * from './run-settings';
