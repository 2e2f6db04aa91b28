import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { auditReason } from '../../core/audit-reason.js';
import type { AuditAction } from './audit-event.entity.js';

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
    // The one rule for reasons (core/audit-reason.ts): trimmed, and refused with a located problem when too long.
    const reasons = events.map((e) => auditReason(e.reason));
    await manager.query(
      `INSERT INTO audit_event (at, user_id, action, old_value, new_value, reason)
       SELECT COALESCE(e.at, now()), e.user_id, e.action::audit_action, e.old_value, e.new_value, e.reason
         FROM jsonb_to_recordset($1::jsonb) AS e(at timestamptz, user_id uuid, action text, old_value jsonb, new_value jsonb, reason text)`,
      [
        JSON.stringify(
          events.map((e, i) => ({
            at: e.at ?? null,
            user_id: e.userId,
            action: e.action,
            old_value: e.oldValue ?? null,
            new_value: e.newValue ?? null,
            reason: reasons[i],
          })),
        ),
      ],
    );
  }
}
