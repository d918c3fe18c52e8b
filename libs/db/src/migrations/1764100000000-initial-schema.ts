import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The control plane's first schema: configuration, runs, row outcomes and managed-CDC state. */
export class InitialSchema1764100000000 implements MigrationInterface {
  name = 'InitialSchema1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE workspace (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        api_key_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE source (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        name text NOT NULL,
        type text NOT NULL,
        config_encrypted text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX source_workspace_idx ON source (workspace_id);
      CREATE TABLE destination (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        name text NOT NULL,
        type text NOT NULL,
        config_encrypted text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX destination_workspace_idx ON destination (workspace_id);
      CREATE TABLE model (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        source_id uuid NOT NULL REFERENCES source(id) ON DELETE RESTRICT,
        name text NOT NULL,
        sql text NOT NULL,
        primary_key text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX model_workspace_idx ON model (workspace_id);
      CREATE TABLE sync (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        name text NOT NULL,
        model_id uuid NOT NULL REFERENCES model(id) ON DELETE RESTRICT,
        destination_id uuid NOT NULL REFERENCES destination(id) ON DELETE RESTRICT,
        destination_object text,
        mode text NOT NULL CHECK (mode IN ('insert', 'update', 'upsert', 'mirror')),
        mapping jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX sync_workspace_idx ON sync (workspace_id);
      CREATE TABLE sync_run (
        id uuid PRIMARY KEY,
        seq bigserial NOT NULL UNIQUE,
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        sync_id uuid NOT NULL REFERENCES sync(id) ON DELETE CASCADE,
        workflow_id text NOT NULL,
        status text NOT NULL,
        trigger text NOT NULL,
        full_resync boolean NOT NULL DEFAULT false,
        query_rows integer,
        counts jsonb NOT NULL,
        error_code text,
        error_message text,
        error_details jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      );
      CREATE INDEX sync_run_sync_seq_idx ON sync_run (sync_id, seq DESC);
      CREATE TABLE sync_run_row (
        run_id uuid NOT NULL REFERENCES sync_run(id) ON DELETE CASCADE,
        key text NOT NULL,
        op text NOT NULL,
        status text NOT NULL CHECK (status IN ('accepted', 'rejected', 'aborted')),
        reason text,
        PRIMARY KEY (run_id, key)
      );
      -- Managed CDC: what was last delivered per sync (key -> hash of the mapped columns).
      CREATE TABLE cdc_state (
        sync_id uuid NOT NULL REFERENCES sync(id) ON DELETE CASCADE,
        key text NOT NULL,
        row_hash text NOT NULL,
        PRIMARY KEY (sync_id, key)
      );
      -- The current model result while a run plans; unlogged: it is rebuilt by a retried plan.
      CREATE UNLOGGED TABLE cdc_snapshot (
        run_id uuid NOT NULL,
        key text NOT NULL,
        row_hash text NOT NULL,
        payload jsonb NOT NULL
      );
      CREATE INDEX cdc_snapshot_run_key_idx ON cdc_snapshot (run_id, key);
      -- Staged changes of a run, read in order by deliver activities on any worker.
      CREATE TABLE cdc_change (
        run_id uuid NOT NULL REFERENCES sync_run(id) ON DELETE CASCADE,
        seq integer NOT NULL,
        key text NOT NULL,
        op text NOT NULL CHECK (op IN ('added', 'changed', 'removed')),
        row_hash text,
        payload jsonb,
        PRIMARY KEY (run_id, seq)
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE cdc_change; DROP TABLE cdc_snapshot; DROP TABLE cdc_state; DROP TABLE sync_run_row;
      DROP TABLE sync_run; DROP TABLE sync; DROP TABLE model; DROP TABLE destination; DROP TABLE source;
      DROP TABLE workspace;
    `);
  }
}
