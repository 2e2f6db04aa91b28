import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { BadInputError, type Problem } from '../../core/errors/domain-error.js';
import type { AuditAction } from './audit-event.entity.js';

/** The longest reason a service should accept for an audit row (the database refuses above 2,000 as a backstop). */
export const MAX_AUDIT_REASON_LENGTH = 500;

/** The located problem for an over-long reason, or none; for services that take a reason from their input. */
export function reasonProblems(reason: string | null | undefined, field = 'reason'): Problem[] {
  if (reason == null || reason.length <= MAX_AUDIT_REASON_LENGTH) return [];
  return [{ field, code: 'TEXT_TOO_LONG', message: `At most ${MAX_AUDIT_REASON_LENGTH} characters` }];
}

export interface AuditRecord {
  action: AuditAction;
  userId: string | null;
  oldValue?: unknown;
  newValue?: unknown;
  reason?: string | null;
  at?: Date;
}

/** The one place an audit row is written: the trail is append-only, so this only ever inserts. */
@Injectable()
export class AuditRepository {
  constructor(private readonly db: DataSource) {}

  /** Inserts the events; pass the transaction's manager so that they commit (or not) with the change. */
  async record(events: AuditRecord[], manager: EntityManager | DataSource = this.db): Promise<void> {
    if (events.length === 0) return;
    const problems = events.flatMap((e) => reasonProblems(e.reason));
    if (problems.length > 0) throw new BadInputError('Reason too long', problems);
    await manager.query(
      `INSERT INTO audit_event (at, user_id, action, old_value, new_value, reason)
       SELECT COALESCE(e.at, now()), e.user_id, e.action::audit_action, e.old_value, e.new_value, e.reason
         FROM jsonb_to_recordset($1::jsonb) AS e(at timestamptz, user_id uuid, action text, old_value jsonb, new_value jsonb, reason text)`,
      [
        JSON.stringify(
          events.map((e) => ({
            at: e.at ?? null,
            user_id: e.userId,
            action: e.action,
            old_value: e.oldValue ?? null,
            new_value: e.newValue ?? null,
            reason: e.reason ?? null,
          })),
        ),
      ],
    );
  }
}
