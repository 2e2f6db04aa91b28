import type { Target, TargetValueInput } from '@/api/framework';
import { formatInputValue, parseNumberInput } from './report-form';

/**
 * The targets table as pure functions: one row for the nation (TH) and one
 * per province, each with the year's target and its Q1–Q4 milestones as
 * typed; what changed since loading; and the checks the server makes.
 */

export const NATION_CODE = 'TH';
export const QUARTERS = [0, 1, 2, 3] as const;

export interface TargetRow {
  orgUnitCode: string;
  value: string;
  milestones: [string, string, string, string];
  /** What the server holds now; null when there is no target. */
  stored: Target | null;
}

export type TargetColumn = 'value' | 'q1' | 'q2' | 'q3' | 'q4';

export const MILESTONE_COLUMNS: readonly TargetColumn[] = ['q1', 'q2', 'q3', 'q4'];

export type TargetIssue =
  | { column: TargetColumn; code: 'NOT_A_NUMBER' }
  | { column: TargetColumn; code: 'NEGATIVE' }
  | { column: TargetColumn; code: 'MILESTONE_WITHOUT_TARGET' };

/** The nation first, then the provinces in the order given (by code). */
export function targetRows(provinceCodes: readonly string[], targets: readonly Target[]): TargetRow[] {
  const byUnit = new Map(targets.map((t) => [t.orgUnitCode, t]));
  return [NATION_CODE, ...provinceCodes].map((code) => {
    const stored = byUnit.get(code) ?? null;
    const m = stored?.milestones ?? [];
    return {
      orgUnitCode: code,
      value: formatInputValue(stored?.value),
      milestones: [formatInputValue(m[0]), formatInputValue(m[1]), formatInputValue(m[2]), formatInputValue(m[3])],
      stored,
    };
  });
}

interface ParsedRow {
  value: number | null;
  milestones: Array<number | null>;
  issues: TargetIssue[];
}

function parseRow(row: TargetRow): ParsedRow {
  const issues: TargetIssue[] = [];
  const read = (raw: string, column: TargetColumn): number | null => {
    const parsed = parseNumberInput(raw);
    if (!parsed.ok) {
      issues.push({ column, code: 'NOT_A_NUMBER' });
      return null;
    }
    if (parsed.value !== null && parsed.value < 0) issues.push({ column, code: 'NEGATIVE' });
    return parsed.value;
  };
  const value = read(row.value, 'value');
  const milestones = row.milestones.map((raw, i) => read(raw, MILESTONE_COLUMNS[i]!));
  const valueBlank = row.value.trim() === '';
  if (valueBlank) {
    // A removed target takes its milestones with it; milestones alone mean nothing.
    row.milestones.forEach((raw, i) => {
      if (raw.trim() !== '') issues.push({ column: MILESTONE_COLUMNS[i]!, code: 'MILESTONE_WITHOUT_TARGET' });
    });
  }
  return { value, milestones, issues };
}

export function checkTargetRow(row: TargetRow): TargetIssue[] {
  return parseRow(row).issues;
}

function sameMilestones(a: ReadonlyArray<number | null>, b: ReadonlyArray<number | null>): boolean {
  return QUARTERS.every((i) => (a[i] ?? null) === (b[i] ?? null));
}

/** Whether the row differs from what the server holds (as numbers: "20" and "20.0" are the same). */
export function isRowChanged(row: TargetRow): boolean {
  const { value, milestones, issues } = parseRow(row);
  if (issues.some((i) => i.code === 'NOT_A_NUMBER')) return true;
  if (!row.stored) return value !== null || milestones.some((m) => m !== null);
  return value !== row.stored.value || !sameMilestones(milestones, row.stored.milestones);
}

/**
 * The setTargets list for the changed rows: a cleared target is sent as
 * value null (removes it); blank milestones as null. Only call when no row
 * has issues.
 */
export function targetChanges(rows: readonly TargetRow[]): TargetValueInput[] {
  const out: TargetValueInput[] = [];
  for (const row of rows) {
    if (!isRowChanged(row)) continue;
    const { value, milestones } = parseRow(row);
    if (value === null) out.push({ orgUnitCode: row.orgUnitCode, value: null, milestones: null });
    else
      out.push({
        orgUnitCode: row.orgUnitCode,
        value,
        milestones: milestones.every((m) => m === null) ? null : milestones,
      });
  }
  return out;
}

/**
 * Milestones that grow evenly from nothing to the target: a quarter of it
 * per quarter. A starting point that planners then adjust.
 */
export function evenMilestones(target: number): [string, string, string, string] {
  const step = (q: number) => String(Math.round(((target * q) / 4) * 100) / 100);
  return [step(1), step(2), step(3), step(4)];
}
