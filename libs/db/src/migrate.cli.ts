/** `npm run migrate -w @syncline/db`: applies pending control-plane migrations using DATABASE_URL. */
import { migrate } from './data-source';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  const applied = await migrate(url);
  process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Schema is up to date\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
