import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { SourceEntity } from '../source/source.entity.js';
import { IndicatorEntity } from './indicator.entity.js';
import { ObstacleCategoryEntity } from './obstacle-category.entity.js';

/** A published set of policy recommendations (DGA, a workshop brief, a ministry paper). */
@Entity('recommendation_set')
export class RecommendationSetEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'text' })
  nameTh: string;

  @Column({ type: 'text' })
  nameEn: string;

  @Column({ type: 'varchar', length: 64 })
  sourceCode: string;

  @ManyToOne(() => SourceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'source_code' })
  source?: SourceEntity;

  @Column({ type: 'smallint', default: 0 })
  sortOrder: number;
}

@Entity('recommendation')
export class RecommendationEntity {
  @PrimaryGeneratedColumn('identity', { type: 'int', generatedIdentity: 'ALWAYS' })
  id: number;

  @Index('uq_recommendation_code', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Index('idx_recommendation_set_code')
  @Column({ type: 'varchar', length: 64 })
  setCode: string;

  @ManyToOne(() => RecommendationSetEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'set_code' })
  set?: RecommendationSetEntity;

  @Column({ type: 'text', nullable: true })
  groupTh: string | null;

  @Column({ type: 'text', nullable: true })
  groupEn: string | null;

  @Column({ type: 'text' })
  titleTh: string;

  @Column({ type: 'text' })
  titleEn: string;

  @Column({ type: 'text', nullable: true })
  detailTh: string | null;

  @Column({ type: 'text', nullable: true })
  detailEn: string | null;

  @Column({ type: 'smallint', default: 0 })
  sortOrder: number;
}

/** Which obstacle categories a recommendation answers. */
@Entity('recommendation_obstacle_category')
export class RecommendationObstacleCategoryEntity {
  @PrimaryColumn({ type: 'int' })
  recommendationId: number;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  obstacleCategoryCode: string;

  @ManyToOne(() => RecommendationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recommendation_id' })
  recommendation?: RecommendationEntity;

  @Index('idx_recommendation_obstacle_category_code')
  @ManyToOne(() => ObstacleCategoryEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'obstacle_category_code' })
  obstacleCategory?: ObstacleCategoryEntity;
}

/** Which indicators measure progress on a recommendation. */
@Entity('recommendation_indicator')
export class RecommendationIndicatorEntity {
  @PrimaryColumn({ type: 'int' })
  recommendationId: number;

  @PrimaryColumn({ type: 'smallint' })
  indicatorId: number;

  @ManyToOne(() => RecommendationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recommendation_id' })
  recommendation?: RecommendationEntity;

  @Index('idx_recommendation_indicator_indicator_id')
  @ManyToOne(() => IndicatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'indicator_id' })
  indicator?: IndicatorEntity;
}
