/** Facts the global setup publishes to every integration test file (through the environment). */
export const ENV_TEMPORAL_ADDRESS = 'SYNCLINE_TEST_TEMPORAL_ADDRESS';
export const ENV_TEMPLATE_DB = 'SYNCLINE_TEST_TEMPLATE_DB';
export const ENV_PG_ADMIN_URL = 'SYNCLINE_TEST_PG_ADMIN_URL';

export function requireTestEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run integration tests through jest (global setup)`);
  return value;
}

export function testTemporalAddress(): string {
  return requireTestEnv(ENV_TEMPORAL_ADDRESS);
}

/** Postgres server the tests use: CI and sessions have one on 127.0.0.1:5432 with trust auth. */
export function pgAdminUrl(): string {
  return (
    process.env[ENV_PG_ADMIN_URL] ??
    process.env.SYNCLINE_TEST_PG_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres'
  );
}
