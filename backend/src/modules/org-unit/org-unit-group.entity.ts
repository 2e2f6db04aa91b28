import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { SourceEntity } from '../source/source.entity.js';
import { OrgUnitEntity } from './org-unit.entity.js';

/** A way of grouping provinces beyond the six regions (18 provincial clusters, four-region grouping). */
@Entity('org_unit_group_set')
export class OrgUnitGroupSetEntity {
  @PrimaryGeneratedColumn('identity', { type: 'int', generatedIdentity: 'ALWAYS' })
  id: number;

  @Index('uq_org_unit_group_set_code', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Column({ type: 'text' })
  nameTh: string;

  @Column({ type: 'text' })
  nameEn: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'varchar', length: 64 })
  sourceCode: string;

  @ManyToOne(() => SourceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'source_code' })
  source?: SourceEntity;
}

@Entity('org_unit_group')
export class OrgUnitGroupEntity {
  @PrimaryGeneratedColumn('identity', { type: 'int', generatedIdentity: 'ALWAYS' })
  id: number;

  @Index('uq_org_unit_group_code', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  code: string;

  @Index('idx_org_unit_group_set_id')
  @Column({ type: 'int' })
  setId: number;

  @ManyToOne(() => OrgUnitGroupSetEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'set_id' })
  set?: OrgUnitGroupSetEntity;

  @Column({ type: 'text' })
  nameTh: string;

  @Column({ type: 'text' })
  nameEn: string;

  @Column({ type: 'smallint', default: 0 })
  sortOrder: number;
}

@Entity('org_unit_group_member')
export class OrgUnitGroupMemberEntity {
  @PrimaryColumn({ type: 'int' })
  groupId: number;

  @PrimaryColumn({ type: 'int' })
  orgUnitId: number;

  @ManyToOne(() => OrgUnitGroupEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'group_id' })
  group?: OrgUnitGroupEntity;

  @Index('idx_org_unit_group_member_org_unit_id')
  @ManyToOne(() => OrgUnitEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'org_unit_id' })
  orgUnit?: OrgUnitEntity;
}
