import type { Column as ModelColumn } from '@syncline/domain';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A model's role in the Customer Studio schema (parent, related or event) and the columns it was validated with. */
@Entity('audience_schema_model')
export class AudienceSchemaModelEntity {
  @PrimaryColumn({ name: 'model_id', type: 'uuid' }) modelId!: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @Column({ type: 'text' }) role!: 'parent' | 'related' | 'event';
  @Column({ name: 'label_column', type: 'text', nullable: true }) labelColumn!: string | null;
  /** Parent only: never shown in previews, samples or breakdowns. */
  @Column({ name: 'redacted_columns', type: 'jsonb', default: () => "'[]'::jsonb" })
  redactedColumns!: string[];
  @Column({ name: 'timestamp_column', type: 'text', nullable: true }) timestampColumn!: string | null;
  @Column({ name: 'event_type_column', type: 'text', nullable: true }) eventTypeColumn!: string | null;
  /** Discovered through the source when the schema was last validated. */
  @Column({ type: 'jsonb', default: () => "'[]'::jsonb" }) columns!: ModelColumn[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
