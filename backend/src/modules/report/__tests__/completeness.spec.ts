import { completenessCounts, timeliness, Timeliness } from '../completeness.js';
import { ReportStatus } from '../report.entity.js';

const DEADLINE = '2027-01-30';

describe('timeliness', () => {
  it('judges a report standing submitted by its latest submission, the deadline day included', () => {
    for (const status of [ReportStatus.SUBMITTED, ReportStatus.APPROVED]) {
      expect(timeliness(status, '2027-01-30', DEADLINE, '2027-03-01')).toBe(Timeliness.ON_TIME);
      expect(timeliness(status, '2027-01-31', DEADLINE, '2027-03-01')).toBe(Timeliness.LATE);
    }
  });

  it('counts a returned, reopened or unfinished report as not submitted, whatever its earlier submission', () => {
    for (const status of [null, ReportStatus.DRAFT, ReportStatus.RETURNED]) {
      expect(timeliness(status, '2027-01-10', DEADLINE, '2027-01-30')).toBe(Timeliness.PENDING);
      expect(timeliness(status, '2027-01-10', DEADLINE, '2027-01-31')).toBe(Timeliness.OVERDUE);
    }
  });
});

describe('completenessCounts', () => {
  it('puts every province in one status and one timeliness bucket', () => {
    const provinces = [
      { status: null, timeliness: Timeliness.OVERDUE },
      { status: ReportStatus.DRAFT, timeliness: Timeliness.OVERDUE },
      { status: ReportStatus.RETURNED, timeliness: Timeliness.OVERDUE },
      { status: ReportStatus.SUBMITTED, timeliness: Timeliness.LATE },
      { status: ReportStatus.APPROVED, timeliness: Timeliness.ON_TIME },
      { status: ReportStatus.APPROVED, timeliness: Timeliness.ON_TIME },
    ];
    expect(completenessCounts(provinces)).toEqual({
      notStarted: 1,
      draft: 1,
      awaitingApproval: 1,
      returned: 1,
      approved: 2,
      submitted: 3,
      onTime: 2,
      late: 1,
      overdue: 3,
      pending: 0,
    });
  });
});
