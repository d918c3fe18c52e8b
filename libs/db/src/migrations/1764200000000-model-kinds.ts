import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Model kinds: a model is SQL, a table, or a dbt model. `sql` keeps holding the SQL the source runs (resolved
 * when the model is saved); `definition` keeps what the user picked, so the model can be shown and re-resolved.
 */
export class ModelKinds1764200000000 implements MigrationInterface {
  name = 'ModelKinds1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE model
        ADD COLUMN kind text NOT NULL DEFAULT 'sql' CHECK (kind IN ('sql', 'table', 'dbt')),
        ADD COLUMN definition jsonb;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE model DROP COLUMN definition, DROP COLUMN kind;`);
  }
}
