/**
 * Shapes of the reporting types of the GraphQL schema (a province's
 * quarterly report, its values, obstacle answers and action items), only
 * the fields the queries select.
 */

/** DRAFT → SUBMITTED → APPROVED, or SUBMITTED → RETURNED (with a reason) → DRAFT. */
export const REPORT_STATUSES = ['DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** What the signed-in user may do with a report now (state machine, role and window together). */
export type ReportAction = 'EDIT' | 'SUBMIT' | 'APPROVE' | 'RETURN' | 'REOPEN';

export const ACTION_ITEM_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];

export type DataValueType = 'INTEGER' | 'NUMBER' | 'BOOLEAN';

export type LocalOrganizationType =
  'PAO' | 'CITY_MUNICIPALITY' | 'TOWN_MUNICIPALITY' | 'SUBDISTRICT_MUNICIPALITY' | 'SAO' | 'SPECIAL';

export interface DataValue {
  orgUnitCode: string;
  dataElementCode: string;
  value: number;
  comment: string | null;
  evidenceUrl: string | null;
}

export interface ObstacleAnswer {
  categoryCode: string;
  /** 1 (minor) to 5 (blocking). */
  severity: number;
  note: string | null;
}

/** The province itself or one of its local organizations, with its obstacle answers. */
export interface Respondent {
  orgUnitCode: string;
  answers: ObstacleAnswer[];
  obstacleNote: string | null;
  evidenceUrl: string | null;
  comment: string | null;
  asOfDate: string | null;
}

export interface ActionItem {
  id: number;
  titleTh: string;
  titleEn: string | null;
  status: ActionItemStatus;
  progressNote: string | null;
  dueQuarterCode: string | null;
}

export interface ReportHeader {
  id: number;
  status: ReportStatus;
  version: number;
  returnReason: string | null;
  entryOpen: boolean;
  /** Last day of entry (ISO date): the quarter's window or a planner's extension. */
  entryClosesOn: string;
  allowedActions: ReportAction[];
  /** Submitted after the deadline; null until submitted. */
  late: boolean | null;
  submittedAt: string | null;
}

export interface Report extends ReportHeader {
  values: DataValue[];
  respondents: Respondent[];
  actionItems: ActionItem[];
}

export interface DataElement {
  code: string;
  nameTh: string;
  nameEn: string;
  valueType: DataValueType;
  minValue: number | null;
  maxValue: number | null;
}

export interface LocalOrganization {
  code: string;
  nameTh: string;
  nameEn: string;
  type: LocalOrganizationType;
}

export interface ObstacleCategoryRef {
  code: string;
  labelTh: string;
  labelEn: string;
}

export interface IndicatorRule {
  code: string;
  unit: 'PERCENT' | 'COUNT' | 'PER_UNIT';
  numerator: { code: string };
  denominator: { code: string } | null;
}

export interface QuarterWindow {
  code: string;
  startDate: string;
  endDate: string;
  entryOpensOn: string;
  entryClosesOn: string;
  deadline: string;
}

/** A value far from its unit's history or its peers; the officer confirms it before submitting. */
export interface ValueWarning {
  orgUnitCode: string;
  dataElementCode: string;
  value: number;
  expectedLow: number | null;
  expectedHigh: number | null;
  /** HISTORY or PEERS. */
  basis: string;
}

export interface DataValueInput {
  orgUnitCode: string;
  dataElementCode: string;
  /** null removes the value. */
  value: number | null;
  comment: string | null;
  evidenceUrl: string | null;
}

export interface RespondentInput {
  orgUnitCode: string;
  answers: ObstacleAnswer[];
  obstacleNote: string | null;
  evidenceUrl: string | null;
  comment: string | null;
  asOfDate: string | null;
}

export interface ActionItemUpdateInput {
  id: number;
  status: ActionItemStatus;
  progressNote: string | null;
}

export interface SaveReportInput {
  provinceCode: string;
  quarterCode: string;
  /** The version edited; null only while the report does not exist yet. */
  version: number | null;
  values: DataValueInput[];
  respondents: RespondentInput[];
  actionItems: ActionItemUpdateInput[];
  reason?: string | null;
}

export interface SaveReportResult {
  inserted: number;
  updated: number;
  deleted: number;
  unchanged: number;
  warnings: ValueWarning[];
  report: { id: number; status: ReportStatus; version: number };
}

/** One recorded change: who, when, old value, new value, and why. */
export interface AuditEvent {
  id: string;
  at: string;
  userEmail: string | null;
  action:
    | 'ACTION_ITEM_CHANGED'
    | 'IMPORTED'
    | 'OBSTACLES_CHANGED'
    | 'RESPONDENT_CHANGED'
    | 'STATUS_CHANGED'
    | 'VALUE_CHANGED'
    | 'WINDOW_EXTENDED';
  orgUnitCode: string | null;
  dataElementCode: string | null;
  quarterCode: string | null;
  oldValue: unknown;
  newValue: unknown;
  reason: string | null;
}
