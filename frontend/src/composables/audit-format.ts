import type { AuditEvent } from '@/api/report-types';

/**
 * A short text for an audit record's old or new value. The server stores them
 * as JSON whose shape depends on the action: { value, comment, evidenceUrl }
 * for a value, { status } for a state change, a list of answers for
 * obstacles, { status, progressNote } for an action item.
 */
export interface AuditLabels {
  status: (s: string) => string;
  actionItemStatus: (s: string) => string;
  /** An obstacle category's name for its code. */
  category?: (code: string) => string;
  /** A recorded field's name (asOfDate, entryClosesOn…): the JSON keys are English identifiers. */
  field?: (key: string) => string;
}

export function describeAuditValue(action: AuditEvent['action'], value: unknown, labels: AuditLabels): string {
  const category = labels.category ?? ((code: string) => code);
  const field = labels.field ?? ((key: string) => key);
  if (value === null || value === undefined) return '—';
  if (typeof value !== 'object') return String(value);
  const v = value as Record<string, unknown>;
  switch (action) {
    case 'VALUE_CHANGED':
    case 'IMPORTED': {
      const parts = [v.value === undefined || v.value === null ? '—' : String(v.value)];
      if (typeof v.comment === 'string' && v.comment) parts.push(`“${v.comment}”`);
      if (typeof v.evidenceUrl === 'string' && v.evidenceUrl) parts.push(v.evidenceUrl);
      return parts.join(' · ');
    }
    case 'STATUS_CHANGED':
      return typeof v.status === 'string' ? labels.status(v.status) : JSON.stringify(value);
    case 'OBSTACLES_CHANGED':
      if (Array.isArray(value)) {
        return value.length === 0
          ? '∅'
          : value
              .map(
                (a: { categoryCode?: string; severity?: number }) =>
                  `${a.categoryCode ? category(a.categoryCode) : '?'} ${a.severity ?? '?'}`,
              )
              .join(', ');
      }
      return JSON.stringify(value);
    case 'ACTION_ITEM_CHANGED': {
      const status = typeof v.status === 'string' ? labels.actionItemStatus(v.status) : '';
      const note = typeof v.progressNote === 'string' && v.progressNote ? ` · ${v.progressNote}` : '';
      return `${status}${note}`;
    }
    case 'WINDOW_EXTENDED':
    case 'RESPONDENT_CHANGED':
      return (
        Object.entries(v)
          .filter(([, x]) => x !== null && x !== undefined && x !== '')
          .map(([k, x]) => `${field(k)}: ${typeof x === 'object' ? JSON.stringify(x) : String(x)}`)
          .join(' · ') || '—'
      );
  }
}
