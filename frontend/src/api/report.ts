import { gql } from '@urql/core';
import type {
  DataElement,
  IndicatorRule,
  LocalOrganization,
  ObstacleCategoryRef,
  QuarterWindow,
  Report,
  ReportHeader,
  SaveReportInput,
  SaveReportResult,
} from './report-types';

export interface ReportQueryData {
  /** null until the province starts the quarter (the first save creates the draft). */
  report: Report | null;
}

export interface ProvinceQuarterVariables {
  provinceCode: string;
  quarterCode: string;
}

export const ReportQuery = gql<ReportQueryData, ProvinceQuarterVariables>`
  query Report($provinceCode: String!, $quarterCode: String!) {
    report(provinceCode: $provinceCode, quarterCode: $quarterCode) {
      id
      status
      version
      returnReason
      entryOpen
      entryClosesOn
      allowedActions
      late
      submittedAt
      values {
        orgUnitCode
        dataElementCode
        value
        comment
        evidenceUrl
      }
      respondents {
        orgUnitCode
        answers {
          categoryCode
          severity
          note
        }
        obstacleNote
        evidenceUrl
        comment
        asOfDate
      }
      actionItems {
        id
        titleTh
        titleEn
        status
        progressNote
        dueQuarterCode
      }
    }
  }
`;

export interface ReportFormReferenceData {
  province: { code: string; nameTh: string; nameEn: string; localOrganizations: LocalOrganization[] };
  fiscalQuarter: QuarterWindow;
  dataElements: DataElement[];
  indicators: IndicatorRule[];
  obstacleCategories: ObstacleCategoryRef[];
}

/** What the form is made of: the province's organizations (rows), data elements (columns), rules. */
export const ReportFormReferenceQuery = gql<ReportFormReferenceData, ProvinceQuarterVariables>`
  query ReportFormReference($provinceCode: String!, $quarterCode: String!) {
    province(code: $provinceCode) {
      code
      nameTh
      nameEn
      localOrganizations {
        code
        nameTh
        nameEn
        type
      }
    }
    fiscalQuarter(code: $quarterCode) {
      code
      startDate
      endDate
      entryOpensOn
      entryClosesOn
      deadline
    }
    dataElements {
      code
      nameTh
      nameEn
      valueType
      minValue
      maxValue
    }
    indicators {
      code
      unit
      numerator {
        code
      }
      denominator {
        code
      }
    }
    obstacleCategories {
      code
      labelTh
      labelEn
    }
  }
`;

export const SaveReportMutation = gql<{ saveReport: SaveReportResult }, { input: SaveReportInput }>`
  mutation SaveReport($input: SaveReportInput!) {
    saveReport(input: $input) {
      inserted
      updated
      deleted
      unchanged
      warnings {
        orgUnitCode
        dataElementCode
        value
        expectedLow
        expectedHigh
        basis
      }
      report {
        id
        status
        version
      }
    }
  }
`;

export interface ReportDecisionInput {
  reportId: number;
  version: number;
  reason?: string | null;
  confirmWarnings?: boolean;
}

const DECISION_FIELDS = 'id status version returnReason entryOpen entryClosesOn allowedActions late submittedAt';

export const SubmitReportMutation = gql<{ submitReport: ReportHeader }, { input: ReportDecisionInput }>`
  mutation SubmitReport($input: ReportDecisionInput!) { submitReport(input: $input) { ${DECISION_FIELDS} } }
`;

export const ApproveReportMutation = gql<{ approveReport: ReportHeader }, { input: ReportDecisionInput }>`
  mutation ApproveReport($input: ReportDecisionInput!) { approveReport(input: $input) { ${DECISION_FIELDS} } }
`;

export const ReturnReportMutation = gql<{ returnReport: ReportHeader }, { input: ReportDecisionInput }>`
  mutation ReturnReport($input: ReportDecisionInput!) { returnReport(input: $input) { ${DECISION_FIELDS} } }
`;

export const ReopenReportMutation = gql<{ reopenReport: ReportHeader }, { input: ReportDecisionInput }>`
  mutation ReopenReport($input: ReportDecisionInput!) { reopenReport(input: $input) { ${DECISION_FIELDS} } }
`;

export interface ExtendEntryWindowInput {
  provinceCode: string;
  quarterCode: string;
  /** New last day of entry, YYYY-MM-DD. */
  until: string;
  reason: string | null;
}

export const ExtendEntryWindowMutation = gql<{ extendEntryWindow: ReportHeader }, { input: ExtendEntryWindowInput }>`
  mutation ExtendEntryWindow($input: ExtendEntryWindowInput!) { extendEntryWindow(input: $input) { ${DECISION_FIELDS} } }
`;

/** The report's state without its content: after a save, to learn what may be done next. */
export const ReportHeaderQuery = gql<{ report: ReportHeader | null }, ProvinceQuarterVariables>`
  query ReportHeader($provinceCode: String!, $quarterCode: String!) {
    report(provinceCode: $provinceCode, quarterCode: $quarterCode) { ${DECISION_FIELDS} }
  }
`;
