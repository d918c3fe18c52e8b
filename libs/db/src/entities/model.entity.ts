import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** What to query from a source; the primary key identifies a row across runs (CDC). */
@Entity('model')
export class ModelEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @Column({ name: 'source_id', type: 'uuid' }) sourceId!: string;
  @Column({ type: 'text' }) name!: string;
  /** sql | table | dbt — how the user defined the model; `sql` always holds the SQL the source runs. */
  @Column({ type: 'text', default: 'sql' }) kind!: 'sql' | 'table' | 'dbt';
  /** What the user picked (table, dbt model); null for SQL models. */
  @Column({ type: 'jsonb', nullable: true }) definition!: Record<string, unknown> | null;
  @Column({ type: 'text' }) sql!: string;
  @Column({ name: 'primary_key', type: 'text' }) primaryKey!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
