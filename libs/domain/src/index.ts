export * from './types';
export * from './source-connector';
export * from './destination-connector';
export * from './sync';
