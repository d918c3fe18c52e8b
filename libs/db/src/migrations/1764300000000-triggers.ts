import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Triggers: sync schedules, sync sequences, dbt Cloud webhook secrets and delivered-event dedup. */
export class Triggers1764300000000 implements MigrationInterface {
  name = 'Triggers1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- null = manual; see libs/domain SyncSchedule for the shapes.
      ALTER TABLE sync ADD COLUMN schedule jsonb;
      ALTER TABLE sync ADD COLUMN schedule_paused boolean NOT NULL DEFAULT false;
      -- The dbt Cloud webhook finds the syncs linked to a job by (account, job).
      CREATE INDEX sync_dbt_cloud_job_idx ON sync (workspace_id, (schedule->>'accountId'), (schedule->>'jobId'))
        WHERE schedule->>'type' = 'dbt_cloud';
      CREATE TABLE sync_sequence (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        name text NOT NULL,
        steps jsonb NOT NULL,
        schedule jsonb,
        schedule_paused boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX sync_sequence_workspace_idx ON sync_sequence (workspace_id);
      CREATE TABLE dbt_cloud_webhook (
        workspace_id uuid PRIMARY KEY REFERENCES workspace(id) ON DELETE CASCADE,
        secret_encrypted text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      -- dbt Cloud retries deliveries: the first one with an event id wins, later ones are ignored.
      CREATE TABLE dbt_cloud_event (
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        event_id text NOT NULL,
        event_type text NOT NULL,
        account_id text,
        job_id text,
        run_status text,
        received_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT dbt_cloud_event_unique UNIQUE (workspace_id, event_id)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE dbt_cloud_event; DROP TABLE dbt_cloud_webhook; DROP TABLE sync_sequence;
      DROP INDEX sync_dbt_cloud_job_idx;
      ALTER TABLE sync DROP COLUMN schedule_paused; ALTER TABLE sync DROP COLUMN schedule;
    `);
  }
}
