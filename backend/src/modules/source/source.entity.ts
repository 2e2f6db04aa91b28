import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Where a reference fact comes from: a document, a standard, or the product's own planning defaults. */
@Entity('source')
export class SourceEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'text', nullable: true })
  titleTh: string | null;

  @Column({ type: 'text' })
  titleEn: string;

  @Column({ type: 'text' })
  publisher: string;

  @Column({ type: 'text', nullable: true })
  url: string | null;

  /** ISO date, or a year when only the year is known. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  publishedOn: string | null;

  /** The source document kept in the repository's shared seeds, when there is one. */
  @Column({ type: 'text', nullable: true })
  document: string | null;

  @Column({ type: 'text', nullable: true })
  license: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;
}
