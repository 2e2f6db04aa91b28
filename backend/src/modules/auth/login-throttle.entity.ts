import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export enum LoginThrottleKind {
  /** Every attempt from one client address: the hard limit (a password sprayer's budget). */
  ADDRESS = 'ADDRESS',
  /** Attempts at one e-mail from addresses its owner has not recently signed in from. */
  ACCOUNT = 'ACCOUNT',
  /** Attempts at one e-mail from one address its owner signed in from: the owner's own counter. */
  ACCOUNT_ADDRESS = 'ACCOUNT_ADDRESS',
}

/**
 * One throttle counter, shared by every replica (PostgreSQL, not process memory). An attempt is counted by one
 * INSERT … ON CONFLICT before the password is checked (login-throttle.repository.ts).
 */
@Entity('login_throttle')
export class LoginThrottleEntity {
  @PrimaryColumn({ type: 'enum', enum: LoginThrottleKind, enumName: 'login_throttle_kind' })
  kind: LoginThrottleKind;

  /** The address, the lower-cased e-mail, or "e-mail address" for ACCOUNT_ADDRESS. */
  @PrimaryColumn({ type: 'varchar', length: 320 })
  key: string;

  /** Attempts counted in the current window. */
  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz' })
  windowStartedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  /** Locks in a row, for the back-off; forgotten after a quiet day or a successful sign-in. */
  @Column({ type: 'int', default: 0 })
  lockCount: number;

  /** Attempts refused during the current lock (0 on the attempt that started it). */
  @Column({ type: 'int', default: 0 })
  refused: number;

  /** ACCOUNT_ADDRESS only: until when the owner's address is trusted. */
  @Column({ type: 'timestamptz', nullable: true })
  trustedUntil: Date | null;

  @Index('idx_login_throttle_updated_at')
  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}
