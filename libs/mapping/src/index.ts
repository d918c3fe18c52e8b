export * from './apply-mapping';
export * from './validate-mapping';
