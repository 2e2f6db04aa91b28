import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Sign-in sessions: written at sign-in, read on every request with a sign-in token, revoked at sign-out. */
@Injectable()
export class UserSessionRepository {
  constructor(private readonly db: DataSource) {}

  async create(userId: string, createdAt: Date, expiresAt: Date): Promise<string> {
    const [row]: Array<{ id: string }> = await this.db.query(
      `INSERT INTO user_session (user_id, created_at, expires_at) VALUES ($1, $2, $3) RETURNING id`,
      [userId, createdAt, expiresAt],
    );
    return row.id;
  }

  /** Revokes one session; true when it was active until now. */
  async revoke(sessionId: string, userId: string, at: Date): Promise<boolean> {
    const [rows]: [unknown[], number] = await this.db.query(
      `UPDATE user_session SET revoked_at = $3 WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING id`,
      [sessionId, userId, at],
    );
    return rows.length > 0;
  }

  /** Sessions expired for a day are of no further use (their tokens are refused by their own expiry). */
  async purge(): Promise<number> {
    const [, count]: [unknown, number] = await this.db.query(
      `DELETE FROM user_session WHERE expires_at < now() - interval '1 day'`,
    );
    return count;
  }
}
