import { Column, CreateDateColumn, Entity, Generated, PrimaryColumn } from 'typeorm';

/** A member who entered or left an audience in a run of one of its syncs, with its split group then. */
@Entity('audience_membership_change')
export class AudienceMembershipChangeEntity {
  @PrimaryColumn({ name: 'run_id', type: 'uuid' }) runId!: string;
  @PrimaryColumn({ type: 'text' }) key!: string;
  /** Cursor order (ids are random). */
  @Column({ type: 'bigint', unique: true }) @Generated('increment') seq!: string;
  @Column({ name: 'audience_id', type: 'uuid' }) audienceId!: string;
  @Column({ name: 'sync_id', type: 'uuid' }) syncId!: string;
  @Column({ type: 'text' }) change!: 'entered' | 'left';
  @Column({ name: 'split_group', type: 'text', nullable: true }) splitGroup!: string | null;
  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' }) recordedAt!: Date;
}
