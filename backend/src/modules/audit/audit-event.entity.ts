import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ReportEntity } from '../report/report.entity.js';
import { AppUserEntity } from '../user/app-user.entity.js';

export enum AuditAction {
  VALUE_CHANGED = 'VALUE_CHANGED',
  OBSTACLES_CHANGED = 'OBSTACLES_CHANGED',
  RESPONDENT_CHANGED = 'RESPONDENT_CHANGED',
  ACTION_ITEM_CHANGED = 'ACTION_ITEM_CHANGED',
  STATUS_CHANGED = 'STATUS_CHANGED',
  WINDOW_EXTENDED = 'WINDOW_EXTENDED',
  IMPORTED = 'IMPORTED',
  FRAMEWORK_CHANGED = 'FRAMEWORK_CHANGED',
  /** Security events (migration 0008): new_value holds the e-mail as typed and the client address. */
  SIGNED_IN = 'SIGNED_IN',
  /** A password was checked and was wrong (or the e-mail unknown); refusals by the throttle are not rows. */
  SIGN_IN_FAILED = 'SIGN_IN_FAILED',
  /** A throttle counter reached its limit: an address or an account is locked for a while. */
  SIGN_IN_LOCKED = 'SIGN_IN_LOCKED',
  SIGNED_OUT = 'SIGNED_OUT',
  API_TOKEN_CREATED = 'API_TOKEN_CREATED',
  API_TOKEN_REVOKED = 'API_TOKEN_REVOKED',
  /** Account events (migration 0010): old_value and new_value hold the account's fields before and after. */
  USER_CREATED = 'USER_CREATED',
  /** Role, province, display name or active flag changed. */
  USER_CHANGED = 'USER_CHANGED',
  /** A set-password link (invitation or reset) was issued; never the token itself. */
  PASSWORD_LINK_ISSUED = 'PASSWORD_LINK_ISSUED',
  /** A password was set through a link, or changed by its owner. */
  PASSWORD_CHANGED = 'PASSWORD_CHANGED',
}

/**
 * Who changed what, when, from what to what, and why: one row per changed value or state.
 * Rows are only ever inserted (the database refuses UPDATE, DELETE and TRUNCATE: migration 0008); a report's
 * deletion keeps its history (report_id set to null). Write rows through AuditRepository.
 */
@Entity('audit_event')
@Index('idx_audit_event_report_id_at', ['reportId', 'at'])
@Index('idx_audit_event_value', ['dataElementId', 'orgUnitId', 'quarterId', 'at'])
// Partial and descending (migration 0007): TypeORM cannot describe it, so it leaves it alone.
@Index('idx_audit_event_framework', { synchronize: false })
// A backstop for every module (NOT VALID in 0008: older rows are left alone); services cap reasons first.
@Check('chk_audit_event_reason_length', 'char_length(reason) <= 2000')
export class AuditEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => AppUserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'user_id' })
  user?: AppUserEntity;

  @Column({ type: 'enum', enum: AuditAction, enumName: 'audit_action' })
  action: AuditAction;

  @Column({ type: 'int', nullable: true })
  reportId: number | null;

  @ManyToOne(() => ReportEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'report_id' })
  report?: ReportEntity;

  /** The org unit the change is about (a local organization for a value, the province for a state). */
  @Column({ type: 'int', nullable: true })
  orgUnitId: number | null;

  @Column({ type: 'smallint', nullable: true })
  dataElementId: number | null;

  @Column({ type: 'smallint', nullable: true })
  quarterId: number | null;

  @Column({ type: 'jsonb', nullable: true })
  oldValue: unknown;

  @Column({ type: 'jsonb', nullable: true })
  newValue: unknown;

  @Column({ type: 'text', nullable: true })
  reason: string | null;
}
