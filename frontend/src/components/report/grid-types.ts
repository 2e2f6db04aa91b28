import type { ApiProblem } from '@/api/errors';
import type { DataElement, LocalOrganization } from '@/api/report-types';
import type { WarningEntry } from '@/composables/report-draft';
import type { CellKey, RespondentDraft, ValueIssue } from '@/composables/report-form';

/** What a cell of the values grid shows. */
export interface GridCellView {
  key: CellKey;
  text: string;
  /** A client-side check that fails (shown at once, before any save). */
  issue: ValueIssue | null;
  /** What the server said about this cell on the last save. */
  problems: readonly ApiProblem[];
  warning: WarningEntry | null;
  /** Typed but not saved yet. */
  dirty: boolean;
  /** Required and empty, as the last refused submit said. */
  missing: boolean;
  /** The sentence for the cell's issue, problem or warning (shown on hover). */
  message?: string | null;
}

/**
 * Where the grid reads its cells from and writes edits to: the officer's
 * draft, or a report shown read-only to a planner.
 */
export interface GridSource {
  readonly: boolean;
  /** Every cell of one organization's row, by data element code. */
  row(orgUnitCode: string): Map<string, GridCellView>;
  setCell?(key: CellKey, raw: string): void;
}

export type GridOrganization = Pick<LocalOrganization, 'code' | 'nameTh' | 'nameEn' | 'type'>;
export type GridElement = Pick<DataElement, 'code' | 'nameTh' | 'nameEn' | 'valueType'>;

/** Where the obstacle sections read answers from and write them to. */
export interface ObstacleSource {
  readonly: boolean;
  respondent(orgUnitCode: string): RespondentDraft;
  dirty(orgUnitCode: string): boolean;
  problems(orgUnitCode: string): readonly ApiProblem[];
  /** The server requires these answers before the report can be submitted. */
  missing(orgUnitCode: string): boolean;
  /** Answered "no obstacle" (see RespondentDraft.noObstacles). */
  declaredNone(orgUnitCode: string): boolean;
  setSeverity?(orgUnitCode: string, categoryCode: string, severity: number | null): void;
  setNoObstacles?(orgUnitCode: string, none: boolean): void;
  setAnswerNote?(orgUnitCode: string, categoryCode: string, note: string): void;
  setField?(orgUnitCode: string, field: 'obstacleNote' | 'evidenceUrl', value: string): void;
}

export interface GridCategory {
  code: string;
  labelTh: string;
  labelEn: string;
}
