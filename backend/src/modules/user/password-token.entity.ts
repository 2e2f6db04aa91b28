import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AppUserEntity } from './app-user.entity.js';

export enum PasswordTokenKind {
  /** Sent with a new account: its owner chooses the first password. */
  INVITATION = 'INVITATION',
  /** Issued by an administrator when a user lost their password. */
  RESET = 'RESET',
}

/** A single-use set-password link (migration 0010): only the token's SHA-256 is kept. */
@Entity('password_token')
export class PasswordTokenEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('idx_password_token_user_id')
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => AppUserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: AppUserEntity;

  @Column({ type: 'enum', enum: PasswordTokenKind, enumName: 'password_token_kind' })
  kind: PasswordTokenKind;

  @Index('uq_password_token_token_hash', { unique: true })
  @Column({ type: 'char', length: 64 })
  tokenHash: string;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => AppUserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: AppUserEntity;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
