import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Shared per-destination rate limits (libs/rate-limit): one pacing row per credential scope and one lease
 * per request in flight, in the control-plane database every worker already shares.
 */
export class RateLimits1764500000000 implements MigrationInterface {
  name = 'RateLimits1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- Times are epoch milliseconds of the database clock: the one clock every worker agrees on.
      CREATE TABLE rate_limit_pace (
        scope text PRIMARY KEY,
        -- The slot the next request may take (GCRA theoretical arrival time).
        next_slot_ms bigint NOT NULL,
        -- Nobody sends before this (the destination answered 429 + Retry-After).
        paused_until_ms bigint NOT NULL DEFAULT 0,
        -- Share of the configured rate in use: halved on each 429, recovering slowly on success.
        rate_factor double precision NOT NULL DEFAULT 1
      );
      CREATE TABLE rate_limit_lease (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        scope text NOT NULL,
        -- A worker killed mid-request never releases its lease; it lapses instead.
        expires_ms bigint NOT NULL
      );
      CREATE INDEX rate_limit_lease_scope_idx ON rate_limit_lease (scope, expires_ms);
      -- A destination's own limit where it differs from its connector's documented default.
      ALTER TABLE destination ADD COLUMN rate_limit jsonb;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE destination DROP COLUMN rate_limit;
      DROP TABLE rate_limit_lease;
      DROP TABLE rate_limit_pace;
    `);
  }
}
