import { requireRole, type Actor } from '../../core/auth/actor.js';

/** Report states whose data analytics may count. */
export type VisibleStatus = 'APPROVED' | 'SUBMITTED';

/**
 * Which reports analytics count for a caller:
 * - by default approved reports only, for everyone, anonymous callers included (the open-data view);
 * - includeSubmitted adds reports awaiting approval, for planners and administrators only; anybody else
 *   asking for it is refused (UNAUTHENTICATED when anonymous, FORBIDDEN otherwise), never silently served
 *   approved data. Drafts and returned reports are never counted.
 * An officer therefore sees the same approved aggregates as everyone else, and no other province's
 * unapproved data through any analytics query.
 */
export function visibleStatuses(actor: Actor | null, includeSubmitted: boolean | null | undefined): VisibleStatus[] {
  if (!includeSubmitted) return ['APPROVED'];
  requireRole(actor, ['PLANNER', 'ADMIN'], 'include submitted reports in analytics');
  return ['APPROVED', 'SUBMITTED'];
}
