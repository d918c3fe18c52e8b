import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Customer Studio: the schema (models with a role, relationships), traits, audiences as models of kind
 * `audience`, a sync's split group, and the membership history of audience syncs. Only additions: the model
 * kind check is widened, every new column is nullable, so existing syncs and their delivered state are untouched.
 */
export class CustomerStudio1764900000000 implements MigrationInterface {
  name = 'CustomerStudio1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE model DROP CONSTRAINT IF EXISTS model_kind_check;
      ALTER TABLE model ADD CONSTRAINT model_kind_check CHECK (kind IN ('sql', 'table', 'dbt', 'audience'));
      -- A sync of an audience with splits sends one group (NULL: the whole audience).
      ALTER TABLE sync ADD COLUMN split_group text;

      CREATE TABLE audience_schema_model (
        model_id uuid PRIMARY KEY REFERENCES model(id) ON DELETE RESTRICT,
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('parent', 'related', 'event')),
        label_column text,
        redacted_columns jsonb NOT NULL DEFAULT '[]'::jsonb,
        timestamp_column text,
        event_type_column text,
        -- The model's columns as discovered when the schema was last validated.
        columns jsonb NOT NULL DEFAULT '[]'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX audience_schema_model_workspace_idx ON audience_schema_model (workspace_id);

      CREATE TABLE audience_relationship (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        from_model_id uuid NOT NULL REFERENCES audience_schema_model(model_id) ON DELETE RESTRICT,
        to_model_id uuid NOT NULL REFERENCES audience_schema_model(model_id) ON DELETE RESTRICT,
        cardinality text NOT NULL CHECK (cardinality IN ('one-to-one', 'one-to-many', 'many-to-one', 'many-to-many')),
        joins jsonb NOT NULL,
        through_model_id uuid REFERENCES audience_schema_model(model_id) ON DELETE RESTRICT,
        through_joins jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX audience_relationship_workspace_idx ON audience_relationship (workspace_id);

      CREATE TABLE audience_trait (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id uuid NOT NULL REFERENCES workspace(id) ON DELETE CASCADE,
        parent_model_id uuid NOT NULL REFERENCES audience_schema_model(model_id) ON DELETE RESTRICT,
        name text NOT NULL,
        definition jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (parent_model_id, name)
      );
      CREATE INDEX audience_trait_workspace_idx ON audience_trait (workspace_id);

      -- Who entered and left an audience, per run of its syncs; kept when a sync is deleted.
      CREATE TABLE audience_membership_change (
        seq bigserial NOT NULL UNIQUE,
        run_id uuid NOT NULL,
        key text NOT NULL,
        audience_id uuid NOT NULL REFERENCES model(id) ON DELETE CASCADE,
        sync_id uuid NOT NULL,
        change text NOT NULL CHECK (change IN ('entered', 'left')),
        split_group text,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (run_id, key)
      );
      CREATE INDEX audience_membership_change_audience_idx ON audience_membership_change (audience_id, seq);
      CREATE INDEX audience_membership_change_sync_key_idx ON audience_membership_change (sync_id, key, seq);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE audience_membership_change;
      DROP TABLE audience_trait;
      DROP TABLE audience_relationship;
      DROP TABLE audience_schema_model;
      ALTER TABLE sync DROP COLUMN split_group;
      ALTER TABLE model DROP CONSTRAINT model_kind_check;
      ALTER TABLE model ADD CONSTRAINT model_kind_check CHECK (kind IN ('sql', 'table', 'dbt'));
    `);
  }
}
