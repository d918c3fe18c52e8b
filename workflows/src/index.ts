/** Every workflow the Syncline worker registers (the bundler's entry point). */
export { syncRun } from './sync-run.workflow';
export { triggerSyncs } from './trigger-syncs.workflow';
export { syncSequence } from './sync-sequence.workflow';
