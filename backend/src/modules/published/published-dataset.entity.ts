import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { ObstacleCategoryEntity } from '../framework/obstacle-category.entity.js';
import { SourceEntity } from '../source/source.entity.js';

/** A figure set published by someone else (DGA's national survey), held beside collected data. */
@Entity('published_dataset')
export class PublishedDatasetEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'text' })
  titleTh: string;

  @Column({ type: 'text' })
  titleEn: string;

  @Column({ type: 'varchar', length: 64 })
  sourceCode: string;

  @ManyToOne(() => SourceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'source_code' })
  source?: SourceEntity;

  @Column({ type: 'varchar', length: 10, nullable: true })
  publishedOn: string | null;

  /** Who was counted, e.g. "76 provinces (Bangkok not included)". */
  @Column({ type: 'text' })
  population: string;

  @Column({ type: 'int' })
  denominator: number;
}

export enum PublishedMeasure {
  /** Respondents citing at least one obstacle. */
  ANY = 'ANY',
  /** Respondents citing one category. */
  CATEGORY = 'CATEGORY',
}

@Entity('published_value')
// Unique over (dataset, measure, COALESCE(category, '')): an expression TypeORM cannot declare; see migration 0001.
@Index('uq_published_value_measure', { synchronize: false })
@Check('chk_published_value_category', `(measure_code = 'CATEGORY') = (category_code IS NOT NULL)`)
@Check('chk_published_value_count', `count >= 0 AND count <= denominator`)
export class PublishedValueEntity {
  @PrimaryGeneratedColumn('identity', { type: 'int', generatedIdentity: 'ALWAYS' })
  id: number;

  @Column({ type: 'varchar', length: 64 })
  datasetCode: string;

  @ManyToOne(() => PublishedDatasetEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'dataset_code' })
  dataset?: PublishedDatasetEntity;

  @Column({ type: 'enum', enum: PublishedMeasure, enumName: 'published_measure' })
  measureCode: PublishedMeasure;

  @Column({ type: 'varchar', length: 32, nullable: true })
  categoryCode: string | null;

  @ManyToOne(() => ObstacleCategoryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'category_code' })
  category?: ObstacleCategoryEntity;

  @Column({ type: 'int' })
  count: number;

  @Column({ type: 'int' })
  denominator: number;

  /** As printed in the source (two decimals); equal to round(count / denominator × 100, 2). */
  @Column({ type: 'numeric', precision: 5, scale: 2 })
  percentage: string;
}
