import { gql } from '@urql/core';
import type { AuditEvent, ReportStatus } from './report-types';

export interface ReportListItem {
  id: number;
  provinceCode: string;
  provinceNameTh: string;
  provinceNameEn: string;
  status: ReportStatus;
  version: number;
  submittedAt: string | null;
  late: boolean | null;
  quarter: { code: string };
}

export interface ReportsQueryData {
  reports: { items: ReportListItem[]; totalCount: number; nextCursor: string | null };
}

export interface ReportsQueryVariables {
  status: ReportStatus | null;
  quarterCode: string | null;
  first: number;
  after: string | null;
}

export const ReportsQuery = gql<ReportsQueryData, ReportsQueryVariables>`
  query Reports($status: ReportStatus, $quarterCode: String, $first: Int!, $after: String) {
    reports(filter: { status: $status, quarterCode: $quarterCode }, first: $first, after: $after) {
      items {
        id
        provinceCode
        provinceNameTh
        provinceNameEn
        status
        version
        submittedAt
        late
        quarter {
          code
        }
      }
      totalCount
      nextCursor
    }
  }
`;

/** ON_TIME, LATE (submitted after the deadline), OVERDUE (not submitted, deadline passed) or PENDING. */
export type Timeliness = 'ON_TIME' | 'LATE' | 'OVERDUE' | 'PENDING';

export interface ProvinceCompleteness {
  provinceCode: string;
  status: ReportStatus | null;
  timeliness: Timeliness;
  completenessPct: number;
}

export interface CompletenessQueryData {
  completeness: {
    quarterCode: string;
    deadline: string;
    submitted: number;
    onTime: number;
    late: number;
    overdue: number;
    provinces: ProvinceCompleteness[];
  };
}

export const CompletenessQuery = gql<CompletenessQueryData, { quarterCode: string }>`
  query Completeness($quarterCode: String!) {
    completeness(quarterCode: $quarterCode) {
      quarterCode
      deadline
      submitted
      onTime
      late
      overdue
      provinces {
        provinceCode
        status
        timeliness
        completenessPct
      }
    }
  }
`;

const EVENT_FIELDS = 'id at userEmail action orgUnitCode dataElementCode quarterCode oldValue newValue reason';

export const ReportHistoryQuery = gql<{ reportHistory: AuditEvent[] }, { reportId: number }>`
  query ReportHistory($reportId: Int!) { reportHistory(reportId: $reportId) { ${EVENT_FIELDS} } }
`;

export interface ValueHistoryVariables {
  orgUnitCode: string;
  dataElementCode: string;
  quarterCode: string;
}

export const ValueHistoryQuery = gql<{ valueHistory: AuditEvent[] }, ValueHistoryVariables>`
  query ValueHistory($orgUnitCode: String!, $dataElementCode: String!, $quarterCode: String!) {
    valueHistory(orgUnitCode: $orgUnitCode, dataElementCode: $dataElementCode, quarterCode: $quarterCode) { ${EVENT_FIELDS} }
  }
`;
