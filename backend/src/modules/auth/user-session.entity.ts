import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AppUserEntity } from '../user/app-user.entity.js';

/** A sign-in: its id is the token's `sid`, so that signing out (or a new password) revokes it on every replica. */
@Entity('user_session')
export class UserSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('idx_user_session_user_id')
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => AppUserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: AppUserEntity;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Index('idx_user_session_expires_at')
  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
