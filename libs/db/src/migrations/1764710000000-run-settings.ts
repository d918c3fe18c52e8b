import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One run record: the plan step pins the run's settings (RunSettings) and sealed copies of the source's and
 * destination's configs on the run, and deliver and commit read only those. Nullable columns without a
 * default: adding them rewrites nothing, and runs planned before this release get their settings pinned
 * when a new worker first picks them up.
 */
export class RunSettings1764710000000 implements MigrationInterface {
  name = 'RunSettings1764710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE sync_run ADD COLUMN settings jsonb;
      -- Encrypted like source.config_encrypted / destination.config_encrypted; cleared when the run ends.
      ALTER TABLE sync_run ADD COLUMN source_config_encrypted text;
      ALTER TABLE sync_run ADD COLUMN destination_config_encrypted text;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE sync_run DROP COLUMN destination_config_encrypted;
      ALTER TABLE sync_run DROP COLUMN source_config_encrypted;
      ALTER TABLE sync_run DROP COLUMN settings;
    `);
  }
}
