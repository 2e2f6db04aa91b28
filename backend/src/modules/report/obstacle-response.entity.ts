import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { ObstacleCategoryEntity } from '../framework/obstacle-category.entity.js';
import { OrgUnitEntity } from '../org-unit/org-unit.entity.js';
import { ReportEntity } from './report.entity.js';

/**
 * One respondent's answer to the obstacle survey in a report: the province itself or one of its local
 * organizations. A response with no answers means "no obstacle", which prevalence must count.
 */
@Entity('obstacle_response')
@Unique('uq_obstacle_response_report_respondent', ['reportId', 'respondentId'])
export class ObstacleResponseEntity {
  @PrimaryGeneratedColumn('identity', { type: 'int', generatedIdentity: 'ALWAYS' })
  id: number;

  @Column({ type: 'int' })
  reportId: number;

  @ManyToOne(() => ReportEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id' })
  report?: ReportEntity;

  @Index('idx_obstacle_response_respondent_id')
  @Column({ type: 'int' })
  respondentId: number;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'respondent_id' })
  respondent?: OrgUnitEntity;

  /** The date the row's figures refer to, when the respondent gave one. */
  @Column({ type: 'date', nullable: true })
  asOfDate: string | null;

  @Column({ type: 'text', nullable: true })
  obstacleNote: string | null;

  @Column({ type: 'text', nullable: true })
  evidenceUrl: string | null;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ type: 'boolean', default: false })
  isDemo: boolean;
}

@Entity('obstacle_answer')
@Unique('uq_obstacle_answer_response_category', ['responseId', 'categoryCode'])
@Check('chk_obstacle_answer_severity', `severity BETWEEN 1 AND 5`)
export class ObstacleAnswerEntity {
  @PrimaryGeneratedColumn('identity', { type: 'int', generatedIdentity: 'ALWAYS' })
  id: number;

  @Column({ type: 'int' })
  responseId: number;

  @ManyToOne(() => ObstacleResponseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'response_id' })
  response?: ObstacleResponseEntity;

  @Index('idx_obstacle_answer_category_code')
  @Column({ type: 'varchar', length: 32 })
  categoryCode: string;

  @ManyToOne(() => ObstacleCategoryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_code' })
  category?: ObstacleCategoryEntity;

  /** 1 (minor) to 5 (blocking). */
  @Column({ type: 'smallint' })
  severity: number;

  @Column({ type: 'text', nullable: true })
  note: string | null;
}
