import type {
  ActionItem,
  ActionItemStatus,
  ActionItemUpdateInput,
  DataElement,
  DataValue,
  DataValueInput,
  IndicatorRule,
  Respondent,
  RespondentInput,
} from '@/api/report-types';

/**
 * The rules of the quarterly form as pure functions: reading what people type,
 * the checks the server makes on saving (mirrored here so that mistakes show
 * in the cell at once; the server stays the authority), what changed, and
 * where a server problem belongs. No Vue in this file.
 */

/** One cell of the form: an organization × a data element. */
export type CellKey = `${string}|${string}`;

export function cellKey(orgUnitCode: string, dataElementCode: string): CellKey {
  return `${orgUnitCode}|${dataElementCode}`;
}

export function parseCellKey(key: CellKey): { orgUnitCode: string; dataElementCode: string } {
  const bar = key.indexOf('|');
  return { orgUnitCode: key.slice(0, bar), dataElementCode: key.slice(bar + 1) };
}

// ---------------------------------------------------------------- input

const THAI_ZERO = 0x0e50;

/** Thai digits (๐–๙) as Latin ones: forms filled from Thai documents use both. */
export function latinDigits(text: string): string {
  return text.replace(/[\u0E50-\u0E59]/g, (d) => String(d.charCodeAt(0) - THAI_ZERO));
}

export type ParsedInput = { ok: true; value: number | null } | { ok: false };

/**
 * A number as typed: Thai or Latin digits, optional thousands separators
 * ("1,250,000") and spaces; a decimal point. Empty means "no value".
 */
export function parseNumberInput(raw: string): ParsedInput {
  const text = latinDigits(raw).replace(/[\s\u00A0\u2009\u202F]/g, '');
  if (text === '') return { ok: true, value: null };
  const grouped = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(text);
  const plain = grouped ? text.replace(/,/g, '') : text;
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(plain)) return { ok: false };
  const value = Number(plain);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false };
}

/** How a stored value is shown in its input: plain digits, so that editing it needs no clean-up. */
export function formatInputValue(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

// ---------------------------------------------------------------- checks

export type ElementRule = Pick<DataElement, 'code' | 'valueType' | 'minValue' | 'maxValue'>;

/** A numerator and its denominator: the numerator may not exceed it (percentage indicators). */
export interface RatioRule {
  numerator: string;
  denominator: string;
  indicatorCodes: string[];
}

export type ValueIssue =
  | { code: 'WRONG_TYPE' }
  | { code: 'NOT_WHOLE_NUMBER' }
  | { code: 'NOT_YES_NO' }
  | { code: 'BELOW_MIN'; min: number }
  | { code: 'ABOVE_MAX'; max: number }
  | {
      code: 'NUMERATOR_ABOVE_DENOMINATOR';
      numerator: string;
      denominator: string;
      numeratorValue: number;
      denominatorValue: number;
    }
  | { code: 'BAD_URL' }
  | { code: 'TEXT_TOO_LONG'; max: number };

export type ValueIssueCode = ValueIssue['code'];

/** The server's limit on comments and notes (report-writer MAX_TEXT). */
export const MAX_TEXT = 2000;

/**
 * Type and range of one value, in the server's order: whole numbers for
 * counts and yes/no, 1 or 0 for yes/no, the element's minimum (0 when it has
 * none: nothing here is negative) and maximum.
 */
export function checkValue(rule: ElementRule, value: number): ValueIssue | null {
  if (!Number.isFinite(value)) return { code: 'WRONG_TYPE' };
  if ((rule.valueType === 'INTEGER' || rule.valueType === 'BOOLEAN') && !Number.isInteger(value))
    return { code: 'NOT_WHOLE_NUMBER' };
  if (rule.valueType === 'BOOLEAN' && value !== 0 && value !== 1) return { code: 'NOT_YES_NO' };
  const min = rule.minValue ?? 0;
  if (value < min) return { code: 'BELOW_MIN', min };
  if (rule.maxValue !== null && value > rule.maxValue) return { code: 'ABOVE_MAX', max: rule.maxValue };
  return null;
}

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** The comment and evidence link of a value. */
export function checkNotes(comment: string | null, evidenceUrl: string | null): ValueIssue | null {
  if (evidenceUrl && !isHttpUrl(evidenceUrl.trim())) return { code: 'BAD_URL' };
  if (comment && comment.length > MAX_TEXT) return { code: 'TEXT_TOO_LONG', max: MAX_TEXT };
  return null;
}

/** Numerator ≤ denominator pairs: the percentage indicators that have a denominator. */
export function ratioRules(indicators: readonly IndicatorRule[]): RatioRule[] {
  const byPair = new Map<string, RatioRule>();
  for (const i of indicators) {
    if (i.unit !== 'PERCENT' || !i.denominator) continue;
    const id = `${i.numerator.code}/${i.denominator.code}`;
    const rule = byPair.get(id) ?? { numerator: i.numerator.code, denominator: i.denominator.code, indicatorCodes: [] };
    rule.indicatorCodes.push(i.code);
    byPair.set(id, rule);
  }
  return [...byPair.values()];
}

/**
 * The elements every local organization must report before submitting:
 * those any indicator is computed from (as the server decides on submit).
 */
export function requiredElementCodes(indicators: readonly IndicatorRule[]): Set<string> {
  const codes = new Set<string>();
  for (const i of indicators) {
    codes.add(i.numerator.code);
    if (i.denominator) codes.add(i.denominator.code);
  }
  return codes;
}

/** What one cell holds now, as the checks see it. */
export interface CellReading {
  parsed: ParsedInput;
  comment: string | null;
  evidenceUrl: string | null;
}

/**
 * The issues of one organization's row: each value on its own, then every
 * numerator against its denominator (reported on both cells, since either
 * may be the wrong one).
 */
export function checkRow(
  elements: readonly ElementRule[],
  ratios: readonly RatioRule[],
  read: (dataElementCode: string) => CellReading | undefined,
): Map<string, ValueIssue> {
  const issues = new Map<string, ValueIssue>();
  const numbers = new Map<string, number>();
  for (const el of elements) {
    const cell = read(el.code);
    if (!cell) continue;
    if (!cell.parsed.ok) {
      issues.set(el.code, { code: 'WRONG_TYPE' });
      continue;
    }
    const value = cell.parsed.value;
    const issue = (value === null ? null : checkValue(el, value)) ?? checkNotes(cell.comment, cell.evidenceUrl);
    if (issue) issues.set(el.code, issue);
    else if (value !== null) numbers.set(el.code, value);
  }
  for (const r of ratios) {
    const n = numbers.get(r.numerator);
    const d = numbers.get(r.denominator);
    if (n === undefined || d === undefined || n <= d) continue;
    const issue: ValueIssue = {
      code: 'NUMERATOR_ABOVE_DENOMINATOR',
      numerator: r.numerator,
      denominator: r.denominator,
      numeratorValue: n,
      denominatorValue: d,
    };
    if (!issues.has(r.numerator)) issues.set(r.numerator, issue);
    if (!issues.has(r.denominator)) issues.set(r.denominator, issue);
  }
  return issues;
}

// ---------------------------------------------------------------- values

export interface SavedValue {
  value: number;
  comment: string | null;
  evidenceUrl: string | null;
}

/** What the officer typed in a cell, not yet saved. */
export interface CellEdit {
  raw: string;
  comment: string;
  evidenceUrl: string;
}

export function savedValuesByCell(values: readonly DataValue[]): Map<CellKey, SavedValue> {
  return new Map(
    values.map((v) => [
      cellKey(v.orgUnitCode, v.dataElementCode),
      { value: v.value, comment: v.comment, evidenceUrl: v.evidenceUrl },
    ]),
  );
}

const blankToNull = (text: string | null | undefined): string | null => {
  const t = text?.trim();
  return t ? t : null;
};

export function readingOf(edit: CellEdit | undefined, saved: SavedValue | undefined): CellReading {
  if (edit)
    return {
      parsed: parseNumberInput(edit.raw),
      comment: blankToNull(edit.comment),
      evidenceUrl: blankToNull(edit.evidenceUrl),
    };
  return {
    parsed: { ok: true, value: saved?.value ?? null },
    comment: saved?.comment ?? null,
    evidenceUrl: saved?.evidenceUrl ?? null,
  };
}

/** The input that saves an edit; null while it does not parse. */
export function valueInput(key: CellKey, edit: CellEdit): DataValueInput | null {
  const parsed = parseNumberInput(edit.raw);
  if (!parsed.ok) return null;
  const { orgUnitCode, dataElementCode } = parseCellKey(key);
  return {
    orgUnitCode,
    dataElementCode,
    value: parsed.value,
    comment: blankToNull(edit.comment),
    evidenceUrl: blankToNull(edit.evidenceUrl),
  };
}

/** Whether an edit says the same as what is saved (then there is nothing to send). */
export function editMatchesSaved(edit: CellEdit, saved: SavedValue | undefined): boolean {
  const parsed = parseNumberInput(edit.raw);
  if (!parsed.ok) return false;
  if (parsed.value === null) return saved === undefined;
  return (
    saved !== undefined &&
    saved.value === parsed.value &&
    (saved.comment ?? null) === blankToNull(edit.comment) &&
    (saved.evidenceUrl ?? null) === blankToNull(edit.evidenceUrl)
  );
}

export function editFromSaved(saved: SavedValue | undefined): CellEdit {
  return { raw: formatInputValue(saved?.value), comment: saved?.comment ?? '', evidenceUrl: saved?.evidenceUrl ?? '' };
}

// ---------------------------------------------------------------- obstacle answers

export const SEVERITIES = [1, 2, 3, 4, 5] as const;

export interface RespondentDraft {
  /** Severity (1–5) and note by obstacle category; a category not cited is absent. */
  answers: Record<string, { severity: number; note: string | null }>;
  /**
   * Answered "no obstacle" on purpose. Not answering at all and answering
   * "none" differ: the province must answer before submitting.
   */
  noObstacles: boolean;
  obstacleNote: string | null;
  evidenceUrl: string | null;
  comment: string | null;
  asOfDate: string | null;
}

export function emptyRespondent(): RespondentDraft {
  return { answers: {}, noObstacles: false, obstacleNote: null, evidenceUrl: null, comment: null, asOfDate: null };
}

export function respondentDraft(r: Respondent): RespondentDraft {
  const answers: RespondentDraft['answers'] = {};
  for (const a of r.answers) answers[a.categoryCode] = { severity: a.severity, note: a.note };
  return {
    answers,
    noObstacles: r.answers.length === 0,
    obstacleNote: r.obstacleNote,
    evidenceUrl: r.evidenceUrl,
    comment: r.comment,
    asOfDate: r.asOfDate,
  };
}

/** The input that replaces a respondent's answers; categories sorted so that equal drafts compare equal. */
export function respondentInput(orgUnitCode: string, d: RespondentDraft): RespondentInput {
  return {
    orgUnitCode,
    answers: Object.entries(d.answers)
      .map(([categoryCode, a]) => ({ categoryCode, severity: a.severity, note: blankToNull(a.note) }))
      .sort((a, b) => a.categoryCode.localeCompare(b.categoryCode)),
    obstacleNote: blankToNull(d.obstacleNote),
    evidenceUrl: blankToNull(d.evidenceUrl),
    comment: blankToNull(d.comment),
    asOfDate: blankToNull(d.asOfDate),
  };
}

/**
 * Whether an edit says the same as what the server holds. With nothing held,
 * only an untouched draft is the same (an explicit "no obstacle" is news);
 * once a respondent exists, empty answers already mean "no obstacle".
 */
export function sameRespondent(
  orgUnitCode: string,
  edit: RespondentDraft | undefined,
  saved: RespondentDraft | undefined,
): boolean {
  const e = edit ?? emptyRespondent();
  const input = JSON.stringify(respondentInput(orgUnitCode, e));
  if (!saved) return !e.noObstacles && input === JSON.stringify(respondentInput(orgUnitCode, emptyRespondent()));
  return input === JSON.stringify(respondentInput(orgUnitCode, saved));
}

export function checkRespondent(d: RespondentDraft): ValueIssue | null {
  if (d.evidenceUrl && !isHttpUrl(d.evidenceUrl.trim())) return { code: 'BAD_URL' };
  for (const text of [d.obstacleNote, d.comment, ...Object.values(d.answers).map((a) => a.note)]) {
    if (text && text.length > MAX_TEXT) return { code: 'TEXT_TOO_LONG', max: MAX_TEXT };
  }
  return null;
}

// ---------------------------------------------------------------- action items

export interface ActionItemDraft {
  status: ActionItemStatus;
  progressNote: string | null;
}

export function actionItemDraft(a: ActionItem): ActionItemDraft {
  return { status: a.status, progressNote: a.progressNote };
}

export function actionItemInput(id: number, d: ActionItemDraft): ActionItemUpdateInput {
  return { id, status: d.status, progressNote: blankToNull(d.progressNote) };
}

export function sameActionItem(a: ActionItemDraft, b: ActionItemDraft | undefined): boolean {
  return b !== undefined && a.status === b.status && blankToNull(a.progressNote) === blankToNull(b.progressNote);
}

// ---------------------------------------------------------------- server problems

export type ProblemTarget =
  | { kind: 'value'; key: CellKey }
  | { kind: 'respondent'; orgUnitCode: string }
  | { kind: 'obstacles'; orgUnitCode: string }
  | { kind: 'actionItem'; id: number }
  | { kind: 'field'; field: string }
  | { kind: 'report' };

export interface SentChanges {
  values: readonly DataValueInput[];
  respondents: readonly RespondentInput[];
  actionItems: readonly ActionItemUpdateInput[];
}

/**
 * Where a server problem belongs. Saving names the input it refused
 * ("values[3]", "respondents[0]", "actionItems[1]": indexes into what was
 * sent); submitting names the cell itself ("LAO-40-0001.STAFF_TOTAL") or a
 * respondent's obstacles ("TH-40.obstacles").
 */
export function problemTarget(
  field: string | null | undefined,
  sent: SentChanges = { values: [], respondents: [], actionItems: [] },
): ProblemTarget {
  if (!field) return { kind: 'report' };
  const indexed = /^(values|respondents|actionItems)\[(\d+)\]/.exec(field);
  if (indexed) {
    const i = Number(indexed[2]);
    if (indexed[1] === 'values') {
      const v = sent.values[i];
      if (v) return { kind: 'value', key: cellKey(v.orgUnitCode, v.dataElementCode) };
    } else if (indexed[1] === 'respondents') {
      const r = sent.respondents[i];
      if (r) return { kind: 'respondent', orgUnitCode: r.orgUnitCode };
    } else {
      const a = sent.actionItems[i];
      if (a) return { kind: 'actionItem', id: a.id };
    }
    return { kind: 'field', field };
  }
  const obstacles = /^([^.\s]+)\.obstacles$/.exec(field);
  if (obstacles?.[1]) return { kind: 'obstacles', orgUnitCode: obstacles[1] };
  const cell = /^([^.\s]+)\.([A-Z][A-Z0-9_]*)$/.exec(field);
  if (cell?.[1] && cell[2]) return { kind: 'value', key: cellKey(cell[1], cell[2]) };
  return { kind: 'field', field };
}
