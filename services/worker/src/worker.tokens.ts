/** Typed injection tokens of the worker process. */
export const WORKER_CONFIG = Symbol('WORKER_CONFIG');
export const ACTIVITY_DEPS = Symbol('ACTIVITY_DEPS');
export const WORKER_METRICS = Symbol('WORKER_METRICS');
