export * from './apply-mapping';
export * from './coerce-value';
export * from './coerce-fields';
export { renderTemplate, templateProblem } from './mapping-template';
export { targetPathProblems } from './target-path';
export * from './validate-mapping';
export * from './validate-mapping-against-fields';
