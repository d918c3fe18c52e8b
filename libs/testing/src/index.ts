export * from './test-env';
export * from './test-database';
export * from './wait-for';
export * from './builders';
export * from './dockerfile';
export * from './dbt-project';
export * from './rolling-window';
