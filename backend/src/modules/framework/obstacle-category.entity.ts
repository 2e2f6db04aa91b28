import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { SourceEntity } from '../source/source.entity.js';

/** An area of obstacles to digital government, as DGA's survey of provinces names them. */
@Entity('obstacle_category')
export class ObstacleCategoryEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  code: string;

  /** The Thai label verbatim from the source (a typo in the source is kept in sourceSpelling). */
  @Column({ type: 'text' })
  labelTh: string;

  @Column({ type: 'text' })
  labelEn: string;

  @Column({ type: 'text', nullable: true })
  sourceSpelling: string | null;

  @Column({ type: 'smallint' })
  sortOrder: number;

  @Column({ type: 'varchar', length: 64 })
  sourceCode: string;

  @ManyToOne(() => SourceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'source_code' })
  source?: SourceEntity;
}
