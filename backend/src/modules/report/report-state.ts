import { DomainError, ErrorCode } from '../../core/errors/domain-error.js';
import { ReportStatus } from './report.entity.js';

/** What can happen to a report. Who may do each is the policy's business (report.policy.ts). */
export enum ReportAction {
  /** Save values, obstacle answers or action items. A returned report becomes a draft again. */
  EDIT = 'EDIT',
  SUBMIT = 'SUBMIT',
  APPROVE = 'APPROVE',
  /** Send back to the province with a reason. */
  RETURN = 'RETURN',
  /** A planner unlocks an approved report, with a reason. */
  REOPEN = 'REOPEN',
}

/**
 * The one table of allowed transitions (DRAFT → SUBMITTED → APPROVED; SUBMITTED → RETURNED → DRAFT;
 * APPROVED → DRAFT by reopening). Anything not listed is refused.
 */
const TRANSITIONS: Record<ReportStatus, Partial<Record<ReportAction, ReportStatus>>> = {
  [ReportStatus.DRAFT]: { [ReportAction.EDIT]: ReportStatus.DRAFT, [ReportAction.SUBMIT]: ReportStatus.SUBMITTED },
  [ReportStatus.SUBMITTED]: {
    [ReportAction.APPROVE]: ReportStatus.APPROVED,
    [ReportAction.RETURN]: ReportStatus.RETURNED,
  },
  [ReportStatus.RETURNED]: { [ReportAction.EDIT]: ReportStatus.DRAFT },
  [ReportStatus.APPROVED]: { [ReportAction.REOPEN]: ReportStatus.DRAFT },
};

export function nextStatus(from: ReportStatus, action: ReportAction): ReportStatus | null {
  return TRANSITIONS[from][action] ?? null;
}

export function allowedActions(from: ReportStatus): ReportAction[] {
  return Object.keys(TRANSITIONS[from]) as ReportAction[];
}

const WHY: Record<ReportStatus, string> = {
  [ReportStatus.DRAFT]: 'it is a draft: submit it first',
  [ReportStatus.SUBMITTED]: 'it is submitted and waits for a planner (approve or return it)',
  [ReportStatus.RETURNED]: 'it was returned: the province corrects it as a draft and submits again',
  [ReportStatus.APPROVED]: 'it is approved and locked: a planner must reopen it first',
};

export class TransitionError extends DomainError {
  constructor(from: ReportStatus, action: ReportAction) {
    super(ErrorCode.CONFLICT, `Cannot ${action.toLowerCase()} this report: ${WHY[from]}`);
  }
}

export function transition(from: ReportStatus, action: ReportAction): ReportStatus {
  const to = nextStatus(from, action);
  if (to === null) throw new TransitionError(from, action);
  return to;
}
