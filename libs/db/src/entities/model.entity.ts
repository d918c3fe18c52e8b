import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** What to query from a source; the primary key identifies a row across runs (CDC). */
@Entity('model')
export class ModelEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @Column({ name: 'source_id', type: 'uuid' }) sourceId!: string;
  @Column({ type: 'text' }) name!: string;
  /**
   * sql | table | dbt | audience — how the model is defined; `sql` always holds the SQL the source runs (for
   * an audience, compiled from its condition tree by libs/audiences).
   */
  @Column({ type: 'text', default: 'sql' }) kind!: 'sql' | 'table' | 'dbt' | 'audience';
  /** What the user picked (table, dbt model, audience definition); null for SQL models. */
  @Column({ type: 'jsonb', nullable: true }) definition!: Record<string, unknown> | null;
  @Column({ type: 'text' }) sql!: string;
  @Column({ name: 'primary_key', type: 'text' }) primaryKey!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
