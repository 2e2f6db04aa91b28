import {
  ForbiddenError,
  requireActor,
  requireRole,
  requireWriter,
  seesAllStates,
  type Actor,
} from '../../core/auth/actor.js';
import { ReportStatus } from './report.entity.js';

/**
 * Who may do what with a province's report:
 * - OFFICER: read, edit and submit their own province's reports; read other provinces' approved ones.
 * - PLANNER: read everything; approve, return, reopen; extend entry windows.
 * - ADMIN: everything.
 * - ANALYST: read approved reports.
 * Nobody writes with a read-only API token.
 */
export const ReportPolicy = {
  assertCanRead(actor: Actor | null, report: { provinceId: number; status: ReportStatus }): void {
    const a = requireActor(actor);
    if (seesAllStates(a)) return;
    if (a.role === 'OFFICER' && a.provinceId === report.provinceId) return;
    if (report.status === ReportStatus.APPROVED) return;
    throw new ForbiddenError("You may read other provinces' reports only once they are approved");
  },

  /** Edit values and submit: the province's own officer, or an administrator. */
  assertCanEdit(actor: Actor | null, provinceId: number): Actor {
    const a = requireWriter(actor);
    if (a.role === 'ADMIN') return a;
    if (a.role === 'OFFICER' && a.provinceId === provinceId) return a;
    if (a.role === 'OFFICER') throw new ForbiddenError("You may edit only your own province's reports");
    throw new ForbiddenError(`Your role (${a.role}) may not edit reports`);
  },

  /** Approve, return, reopen, extend a window. */
  assertCanDecide(actor: Actor | null): Actor {
    requireWriter(actor);
    return requireRole(actor, ['ADMIN', 'PLANNER'], 'approve, return or reopen reports');
  },

  /** Administrators are not bound by entry windows (they correct data on a province's behalf). */
  boundByWindow(actor: Actor): boolean {
    return actor.role !== 'ADMIN';
  },
};
