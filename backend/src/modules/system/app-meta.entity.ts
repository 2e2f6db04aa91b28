import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Facts about this installation, e.g. when and how the demo data was generated. */
@Entity('app_meta')
export class AppMetaEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key: string;

  @Column({ type: 'jsonb' })
  value: unknown;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
