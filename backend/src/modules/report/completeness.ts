import { ReportStatus } from './report.entity.js';

/**
 * Where a province stands against a quarter's deadline. Pure functions.
 *
 * Only a report that currently stands submitted (SUBMITTED or APPROVED) is on time or late, judged by its
 * latest submission: resubmitting sets `submitted_at` again, as DHIS2 re-dates a re-completed data set.
 * A returned report, or one reopened or being corrected as a draft, is not submitted: it is overdue once the
 * deadline has passed and pending before. So every province has exactly one timeliness, and on time + late
 * equals the submitted count.
 */
export enum Timeliness {
  ON_TIME = 'ON_TIME',
  LATE = 'LATE',
  OVERDUE = 'OVERDUE',
  PENDING = 'PENDING',
}

const STANDING: ReadonlySet<ReportStatus> = new Set([ReportStatus.SUBMITTED, ReportStatus.APPROVED]);

export function standsSubmitted(status: ReportStatus | null): boolean {
  return status !== null && STANDING.has(status);
}

/** Days are ISO dates (YYYY-MM-DD); a report submitted on the deadline day is on time. */
export function timeliness(
  status: ReportStatus | null,
  submittedOn: string | null,
  deadline: string,
  today: string,
): Timeliness {
  if (standsSubmitted(status))
    return submittedOn !== null && submittedOn > deadline ? Timeliness.LATE : Timeliness.ON_TIME;
  return today > deadline ? Timeliness.OVERDUE : Timeliness.PENDING;
}

export interface CompletenessCounts {
  notStarted: number;
  draft: number;
  awaitingApproval: number;
  returned: number;
  approved: number;
  submitted: number;
  onTime: number;
  late: number;
  overdue: number;
  pending: number;
}

// Records over the enums, so that a new status or timeliness cannot be left uncounted.
const STATUS_BUCKET: Record<ReportStatus | 'NONE', keyof CompletenessCounts> = {
  NONE: 'notStarted',
  [ReportStatus.DRAFT]: 'draft',
  [ReportStatus.SUBMITTED]: 'awaitingApproval',
  [ReportStatus.RETURNED]: 'returned',
  [ReportStatus.APPROVED]: 'approved',
};
const TIMELINESS_BUCKET: Record<Timeliness, keyof CompletenessCounts> = {
  [Timeliness.ON_TIME]: 'onTime',
  [Timeliness.LATE]: 'late',
  [Timeliness.OVERDUE]: 'overdue',
  [Timeliness.PENDING]: 'pending',
};

/** Counts of a list of provinces: each falls in one status bucket and one timeliness bucket. */
export function completenessCounts(
  provinces: ReadonlyArray<{ status: ReportStatus | null; timeliness: Timeliness }>,
): CompletenessCounts {
  const c: CompletenessCounts = {
    notStarted: 0,
    draft: 0,
    awaitingApproval: 0,
    returned: 0,
    approved: 0,
    submitted: 0,
    onTime: 0,
    late: 0,
    overdue: 0,
    pending: 0,
  };
  for (const p of provinces) {
    c[STATUS_BUCKET[p.status ?? 'NONE']]++;
    c[TIMELINESS_BUCKET[p.timeliness]]++;
    if (standsSubmitted(p.status)) c.submitted++;
  }
  return c;
}
