import type { MigrationInterface, QueryRunner } from 'typeorm';

/** CDC engines: per-source engine choice, per-sync duplicate-key policy and state fingerprint, run warnings. */
export class CdcEngines1764400000000 implements MigrationInterface {
  name = 'CdcEngines1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE source ADD COLUMN cdc_engine text NOT NULL DEFAULT 'managed'
        CHECK (cdc_engine IN ('managed', 'in-warehouse'));
      ALTER TABLE sync ADD COLUMN duplicate_key_policy text NOT NULL DEFAULT 'exclude'
        CHECK (duplicate_key_policy IN ('exclude', 'fail'));
      -- Primary key + mapping the delivered state was computed with; a different one needs a full resync.
      ALTER TABLE sync ADD COLUMN cdc_fingerprint text;
      ALTER TABLE sync_run ADD COLUMN warnings jsonb NOT NULL DEFAULT '[]'::jsonb;
      ALTER TABLE sync_run ADD COLUMN skipped_rows integer NOT NULL DEFAULT 0;
      -- Commit and resume join staged changes to row outcomes by key.
      CREATE UNIQUE INDEX cdc_change_run_key_idx ON cdc_change (run_id, key);
      -- The snapshot holds every model row while planning: keep payloads as text (no jsonb parse on write);
      -- only staged changes become jsonb.
      ALTER TABLE cdc_snapshot ALTER COLUMN payload TYPE text;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE cdc_snapshot ALTER COLUMN payload TYPE jsonb USING payload::jsonb; DROP INDEX cdc_change_run_key_idx; ALTER TABLE sync_run DROP COLUMN skipped_rows; ALTER TABLE sync_run DROP COLUMN warnings;
      ALTER TABLE sync DROP COLUMN cdc_fingerprint; ALTER TABLE sync DROP COLUMN duplicate_key_policy;
      ALTER TABLE source DROP COLUMN cdc_engine;
    `);
  }
}
