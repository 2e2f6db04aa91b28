import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { SourceEntity } from '../source/source.entity.js';
import { DataElementEntity } from './data-element.entity.js';
import { ObstacleCategoryEntity } from './obstacle-category.entity.js';

export enum IndicatorUnit {
  PERCENT = 'PERCENT',
  COUNT = 'COUNT',
  PER_UNIT = 'PER_UNIT',
}

/**
 * RATIO rolls up as Σ numerator / Σ denominator × multiplier (never an average of units' ratios);
 * the others apply to the numerator alone.
 */
export enum IndicatorAggregation {
  RATIO = 'RATIO',
  SUM = 'SUM',
  AVERAGE = 'AVERAGE',
  LATEST = 'LATEST',
}

@Entity('indicator')
@Check('chk_indicator_direction', `direction IN (-1, 1)`)
@Check('chk_indicator_ratio_denominator', `(aggregation = 'RATIO') = (denominator_element_id IS NOT NULL)`)
export class IndicatorEntity {
  @PrimaryGeneratedColumn('identity', { type: 'smallint', generatedIdentity: 'ALWAYS' })
  id: number;

  @Index('uq_indicator_code', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'text' })
  nameTh: string;

  @Column({ type: 'text' })
  nameEn: string;

  @Column({ type: 'text', nullable: true })
  descriptionEn: string | null;

  @Column({ type: 'enum', enum: IndicatorUnit, enumName: 'indicator_unit' })
  unit: IndicatorUnit;

  /** 1 when higher is better, -1 when lower is better. */
  @Column({ type: 'smallint' })
  direction: number;

  @Column({ type: 'enum', enum: IndicatorAggregation, enumName: 'indicator_aggregation' })
  aggregation: IndicatorAggregation;

  @Column({ type: 'smallint' })
  numeratorElementId: number;

  @ManyToOne(() => DataElementEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'numerator_element_id' })
  numerator?: DataElementEntity;

  @Column({ type: 'smallint', nullable: true })
  denominatorElementId: number | null;

  @ManyToOne(() => DataElementEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'denominator_element_id' })
  denominator?: DataElementEntity;

  @Column({ type: 'numeric', default: 1 })
  multiplier: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  obstacleCategoryCode: string | null;

  @ManyToOne(() => ObstacleCategoryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'obstacle_category_code' })
  obstacleCategory?: ObstacleCategoryEntity;

  @Column({ type: 'varchar', length: 64 })
  sourceCode: string;

  @ManyToOne(() => SourceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'source_code' })
  source?: SourceEntity;

  @Column({ type: 'text', nullable: true })
  sourceNote: string | null;

  @Column({ type: 'smallint', default: 0 })
  sortOrder: number;
}
