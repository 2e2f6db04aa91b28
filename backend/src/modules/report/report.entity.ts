import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { OrgUnitEntity } from '../org-unit/org-unit.entity.js';
import { FiscalQuarterEntity } from '../period/fiscal-quarter.entity.js';
import { AppUserEntity } from '../user/app-user.entity.js';

/**
 * A province's quarterly submission. The allowed transitions live in one function (reporting issue):
 * DRAFT → SUBMITTED → APPROVED; SUBMITTED → RETURNED → DRAFT; APPROVED → DRAFT only when a planner reopens it.
 */
export enum ReportStatus {
  /** Being filled in by the province; editable inside the entry window. */
  DRAFT = 'DRAFT',
  /** Sent for approval; read-only for the province. */
  SUBMITTED = 'SUBMITTED',
  /** Accepted by a planner; locked; counted in published analytics. */
  APPROVED = 'APPROVED',
  /** Sent back by a planner with a reason; the province corrects it as a draft. */
  RETURNED = 'RETURNED',
}

@Entity('report')
@Index('idx_report_quarter_id_status', ['quarterId', 'status'])
@Unique('uq_report_org_unit_quarter', ['orgUnitId', 'quarterId'])
export class ReportEntity {
  @PrimaryGeneratedColumn('identity', { type: 'int', generatedIdentity: 'ALWAYS' })
  id: number;

  /** The province. */
  @Column({ type: 'int' })
  orgUnitId: number;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_unit_id' })
  orgUnit?: OrgUnitEntity;

  @Column({ type: 'smallint' })
  quarterId: number;

  @ManyToOne(() => FiscalQuarterEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'quarter_id' })
  quarter?: FiscalQuarterEntity;

  @Column({ type: 'enum', enum: ReportStatus, enumName: 'report_status', default: ReportStatus.DRAFT })
  status: ReportStatus;

  /** Optimistic concurrency: every save increments it; a save with a stale version is refused. */
  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  submittedById: string | null;

  @ManyToOne(() => AppUserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'submitted_by_id' })
  submittedBy?: AppUserEntity;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  decidedById: string | null;

  @ManyToOne(() => AppUserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'decided_by_id' })
  decidedBy?: AppUserEntity;

  @Column({ type: 'text', nullable: true })
  returnReason: string | null;

  /** A planner may extend the entry window for this province and quarter. */
  @Column({ type: 'date', nullable: true })
  entryExtendedUntil: string | null;

  @Column({ type: 'boolean', default: false })
  isDemo: boolean;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
