import type { CdcEngine } from '@syncline/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A system where data resides. Its config (credentials included) is stored AES-256-GCM encrypted. */
@Entity('source')
export class SourceEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) type!: string;
  @Column({ name: 'config_encrypted', type: 'text' }) configEncrypted!: string;
  /** Where CDC diffs run: in Syncline (`managed`) or in the warehouse's `syncline_planner` schema. */
  @Column({ name: 'cdc_engine', type: 'text', default: 'managed' }) cdcEngine!: CdcEngine;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
