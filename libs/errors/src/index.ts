export * from './syncline-error';
export * from './error-codes';
