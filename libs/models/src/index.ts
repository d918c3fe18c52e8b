/** Model kinds and their resolution to SQL, shared by the API (save, preview) and tests. */
export * from './model-definition';
export * from './quote-identifier';
export * from './table-select-sql';
export * from './dbt/dbt-manifest';
export * from './dbt/dbt-models';
export * from './resolve-model';
