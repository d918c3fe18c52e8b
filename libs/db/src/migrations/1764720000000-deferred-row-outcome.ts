import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A row outcome `deferred`: the destination asked for the row to be sent again later. NOT VALID: existing
 * rows need no check (they hold the older statuses), so adding the constraint reads no table.
 */
export class DeferredRowOutcome1764720000000 implements MigrationInterface {
  name = 'DeferredRowOutcome1764720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE sync_run_row DROP CONSTRAINT sync_run_row_status_check;
      ALTER TABLE sync_run_row ADD CONSTRAINT sync_run_row_status_check
        CHECK (status IN ('accepted', 'rejected', 'deferred', 'aborted')) NOT VALID;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE sync_run_row DROP CONSTRAINT sync_run_row_status_check;
      ALTER TABLE sync_run_row ADD CONSTRAINT sync_run_row_status_check
        CHECK (status IN ('accepted', 'rejected', 'aborted')) NOT VALID;
    `);
  }
}
