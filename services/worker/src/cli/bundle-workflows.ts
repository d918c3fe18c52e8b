/**
 * `npm run bundle:workflows -w @syncline/worker [-- <out-file>]`: writes the production workflow bundle
 * (default `dist/workflow-bundle.js`). The images run it at build time and set WORKFLOW_BUNDLE_PATH.
 */
import { resolve } from 'node:path';
import { buildWorkflowBundle } from '../temporal/build-workflow-bundle';

async function main(): Promise<void> {
  const outFile = resolve(process.argv[2] ?? 'dist/workflow-bundle.js');
  const bytes = await buildWorkflowBundle(outFile);
  process.stdout.write(`Workflow bundle written to ${outFile} (${Math.round(bytes / 1024)} KiB)\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
