import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AppUserEntity } from '../user/app-user.entity.js';

/**
 * An analyst's API token: read-only, shown once at creation, stored as a SHA-256 hash (the token is
 * 32 random bytes, so a fast hash is enough; argon2 is for low-entropy passwords).
 */
@Entity('api_token')
export class ApiTokenEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('idx_api_token_user_id')
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => AppUserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: AppUserEntity;

  @Column({ type: 'text' })
  name: string;

  /** First characters of the token, to recognise it in a list. */
  @Column({ type: 'varchar', length: 16 })
  prefix: string;

  @Index('uq_api_token_hash', { unique: true })
  @Column({ type: 'char', length: 64 })
  tokenHash: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
