import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { DataElementEntity } from '../framework/data-element.entity.js';
import { OrgUnitEntity } from '../org-unit/org-unit.entity.js';
import { FiscalQuarterEntity } from '../period/fiscal-quarter.entity.js';
import { ReportEntity } from './report.entity.js';

/**
 * One reported figure: data element × org unit × quarter (DHIS2's data value). The primary key
 * leads with quarter and element, the shape of national roll-ups; report_id serves a province's view.
 */
@Entity('data_value')
export class DataValueEntity {
  @PrimaryColumn({ type: 'smallint' })
  quarterId: number;

  @PrimaryColumn({ type: 'smallint' })
  dataElementId: number;

  @PrimaryColumn({ type: 'int' })
  orgUnitId: number;

  @ManyToOne(() => FiscalQuarterEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'quarter_id' })
  quarter?: FiscalQuarterEntity;

  @ManyToOne(() => DataElementEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'data_element_id' })
  dataElement?: DataElementEntity;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_unit_id' })
  orgUnit?: OrgUnitEntity;

  @Index('idx_data_value_report_id')
  @Column({ type: 'int' })
  reportId: number;

  @ManyToOne(() => ReportEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'report_id' })
  report?: ReportEntity;

  @Column({ type: 'numeric' })
  value: string;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ type: 'text', nullable: true })
  evidenceUrl: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  updatedById: string | null;

  @Column({ type: 'boolean', default: false })
  isDemo: boolean;
}
