import { BadInputError } from './errors/domain-error.js';

/** A reason is a sentence or two for the audit trail; a longer text is a mistake (or an attempt to bloat the trail). */
export const MAX_REASON_LENGTH = 1000;

/** The trimmed reason (null when blank), refused with a located problem when required and missing, or too long. */
export function auditReason(
  raw: string | null | undefined,
  options: { required?: string; field?: string } = {},
): string | null {
  const field = options.field ?? 'reason';
  const reason = raw?.trim() || null;
  if (!reason && options.required)
    throw new BadInputError('Give a reason', [{ field, code: 'REQUIRED', message: options.required }]);
  if (reason && reason.length > MAX_REASON_LENGTH) {
    throw new BadInputError('Reason too long', [
      { field, code: 'TEXT_TOO_LONG', message: `At most ${MAX_REASON_LENGTH.toLocaleString('en-US')} characters` },
    ]);
  }
  return reason;
}
