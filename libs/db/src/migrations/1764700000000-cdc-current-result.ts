import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Snapshot" meant opposite things in the two CDC engines: the managed engine's cdc_snapshot held the
 * model's current result, while the in-warehouse engine's snapshot table holds the delivered state. The
 * managed engine now writes the current result to cdc_current. cdc_snapshot stays for workers of the previous
 * release during a rolling upgrade (each plan attempt fills and empties its own rows); drop it a release later.
 */
export class CdcCurrentResult1764700000000 implements MigrationInterface {
  name = 'CdcCurrentResult1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- The model's current result while a run plans; unlogged: a retried plan rebuilds it.
      CREATE UNLOGGED TABLE cdc_current (
        run_id uuid NOT NULL,
        key text NOT NULL,
        row_hash text NOT NULL,
        payload text NOT NULL
      );
      CREATE INDEX cdc_current_run_key_idx ON cdc_current (run_id, key);
      COMMENT ON TABLE cdc_snapshot IS 'Replaced by cdc_current; used only by workers of the previous release.';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`COMMENT ON TABLE cdc_snapshot IS NULL; DROP TABLE cdc_current;`);
  }
}
