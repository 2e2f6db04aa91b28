import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrgUnitEntity } from '../org-unit/org-unit.entity.js';

export enum UserRole {
  /** Everything, including users. */
  ADMIN = 'ADMIN',
  /** Ministry planner: all provinces; approves and returns reports; manages the framework. */
  PLANNER = 'PLANNER',
  /** Provincial officer: edits and submits one province's reports. */
  OFFICER = 'OFFICER',
  /** Reads approved data, usually through the API. */
  ANALYST = 'ANALYST',
}

@Entity('app_user')
@Check('chk_app_user_officer_province', `(role = 'OFFICER') = (province_id IS NOT NULL)`)
export class AppUserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-case. */
  @Index('uq_app_user_email', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  /** argon2id PHC string; null until the owner sets a password (invitation), or for identity-provider accounts. */
  @Column({ type: 'text', nullable: true })
  passwordHash: string | null;

  @Column({ type: 'text' })
  displayName: string;

  @Column({ type: 'enum', enum: UserRole, enumName: 'user_role' })
  role: UserRole;

  @Column({ type: 'int', nullable: true })
  provinceId: number | null;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'province_id' })
  province?: OrgUnitEntity;

  @Column({ type: 'boolean', default: true })
  isActive: boolean;

  @Column({ type: 'boolean', default: false })
  isDemo: boolean;

  @Column({ type: 'int', default: 0 })
  failedLoginCount: number;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  /** "<issuer> <sub>" of the OpenID Connect account bound at its first sign-in (migration 0010). */
  @Index('uq_app_user_oidc_subject', { unique: true })
  @Column({ type: 'varchar', length: 512, nullable: true })
  oidcSubject: string | null;
}
