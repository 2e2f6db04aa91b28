import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum DataValueType {
  INTEGER = 'INTEGER',
  NUMBER = 'NUMBER',
  /** Stored as 0 or 1 so that shares of units roll up as sums. */
  BOOLEAN = 'BOOLEAN',
}

/** How a data element combines across org units (over time, the latest quarter is used). */
export enum DataElementAggregation {
  SUM = 'SUM',
  AVERAGE = 'AVERAGE',
  LAST = 'LAST',
}

/** A raw figure a unit reports each quarter (DHIS2's data element), e.g. staff trained. */
@Entity('data_element')
export class DataElementEntity {
  @PrimaryGeneratedColumn('identity', { type: 'smallint', generatedIdentity: 'ALWAYS' })
  id: number;

  @Index('uq_data_element_code', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'text' })
  nameTh: string;

  @Column({ type: 'text' })
  nameEn: string;

  @Column({ type: 'enum', enum: DataValueType, enumName: 'data_value_type' })
  valueType: DataValueType;

  @Column({ type: 'enum', enum: DataElementAggregation, enumName: 'data_element_aggregation' })
  aggregation: DataElementAggregation;

  @Column({ type: 'numeric', nullable: true })
  minValue: string | null;

  @Column({ type: 'numeric', nullable: true })
  maxValue: string | null;
}
