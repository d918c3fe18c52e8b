import type { FieldMapping, SyncMode } from '@syncline/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Model → destination with a mode and a field mapping. */
@Entity('sync')
export class SyncEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'workspace_id', type: 'uuid' }) workspaceId!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ name: 'model_id', type: 'uuid' }) modelId!: string;
  @Column({ name: 'destination_id', type: 'uuid' }) destinationId!: string;
  /** The destination object written to (a table, a CRM object type); null where the destination has one. */
  @Column({ name: 'destination_object', type: 'text', nullable: true }) destinationObject!: string | null;
  @Column({ type: 'text' }) mode!: SyncMode;
  @Column({ type: 'jsonb' }) mapping!: FieldMapping[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
