import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrgUnitEntity } from '../org-unit/org-unit.entity.js';
import { FiscalQuarterEntity } from '../period/fiscal-quarter.entity.js';
import { FiscalYearEntity } from '../period/fiscal-year.entity.js';
import { RecommendationEntity } from './recommendation.entity.js';

export enum ActionItemStatus {
  NOT_STARTED = 'NOT_STARTED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  /** Stopped on purpose; kept for the record. */
  CANCELLED = 'CANCELLED',
}

/** A province's planned action for a fiscal year, usually answering a recommendation. */
@Entity('action_item')
@Index('idx_action_item_org_unit_id_fiscal_year', ['orgUnitId', 'fiscalYear'])
export class ActionItemEntity {
  @PrimaryGeneratedColumn('identity', { type: 'int', generatedIdentity: 'ALWAYS' })
  id: number;

  @Column({ type: 'int' })
  orgUnitId: number;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'org_unit_id' })
  orgUnit?: OrgUnitEntity;

  @Column({ type: 'smallint' })
  fiscalYear: number;

  @ManyToOne(() => FiscalYearEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'fiscal_year' })
  year?: FiscalYearEntity;

  @Column({ type: 'int', nullable: true })
  recommendationId: number | null;

  @ManyToOne(() => RecommendationEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'recommendation_id' })
  recommendation?: RecommendationEntity;

  @Column({ type: 'text' })
  titleTh: string;

  @Column({ type: 'text', nullable: true })
  titleEn: string | null;

  @Column({
    type: 'enum',
    enum: ActionItemStatus,
    enumName: 'action_item_status',
    default: ActionItemStatus.NOT_STARTED,
  })
  status: ActionItemStatus;

  @Column({ type: 'smallint', nullable: true })
  dueQuarterId: number | null;

  @ManyToOne(() => FiscalQuarterEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'due_quarter_id' })
  dueQuarter?: FiscalQuarterEntity;

  @Column({ type: 'text', nullable: true })
  progressNote: string | null;

  @Column({ type: 'boolean', default: false })
  isDemo: boolean;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
