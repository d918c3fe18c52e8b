import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Managed CDC keeps the last delivered fields per key for destinations that send only what changed (Braze
 * bills per attribute). Every new column is nullable without a default: adding it rewrites no table, and
 * syncs that do not ask leave it NULL, which takes no space in a row.
 */
export class CdcDeliveredFields1764620000000 implements MigrationInterface {
  name = 'CdcDeliveredFields1764620000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- The mapped fields last accepted for this key; NULL for rows delivered before the sync kept them.
      ALTER TABLE cdc_state ADD COLUMN payload jsonb;
      -- For a changed row: the fields last accepted, read by destinations that send only the difference.
      ALTER TABLE cdc_change ADD COLUMN previous_payload jsonb;
      -- True when commit should keep this row's payload in cdc_state (the destination asked for it).
      ALTER TABLE cdc_change ADD COLUMN keep_payload boolean;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE cdc_change DROP COLUMN keep_payload;
      ALTER TABLE cdc_change DROP COLUMN previous_payload;
      ALTER TABLE cdc_state DROP COLUMN payload;
    `);
  }
}
