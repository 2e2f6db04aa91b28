import {
  INDICATOR_AGGREGATIONS,
  INDICATOR_UNITS,
  type FrameworkIndicator,
  type IndicatorAggregation,
  type IndicatorInput,
} from '@/api/framework';
import type { IndicatorUnit } from '@/api/types';
import { parseNumberInput } from './report-form';

/**
 * The indicator form as pure functions: what the inputs hold, the checks the
 * server makes (mirrored so that mistakes show beside the field before
 * sending; the server stays the authority) and the input it receives.
 */

/** Inputs as typed: numbers stay text until checked. */
export interface IndicatorForm {
  code: string;
  nameTh: string;
  nameEn: string;
  descriptionEn: string;
  unit: IndicatorUnit;
  direction: 1 | -1;
  aggregation: IndicatorAggregation;
  numeratorCode: string;
  denominatorCode: string;
  multiplier: string;
  obstacleCategoryCode: string;
  sourceCode: string;
  sourceNote: string;
}

export type IndicatorField = keyof IndicatorForm;

export const INDICATOR_FIELDS: readonly IndicatorField[] = [
  'code',
  'nameTh',
  'nameEn',
  'descriptionEn',
  'unit',
  'direction',
  'aggregation',
  'numeratorCode',
  'denominatorCode',
  'multiplier',
  'obstacleCategoryCode',
  'sourceCode',
  'sourceNote',
];

/** The server's rule for codes of indicators and recommendations. */
export const CODE_PATTERN = /^[A-Z0-9][A-Z0-9_-]{1,63}$/;
export const MAX_NAME = 500;
export const MAX_DESCRIPTION = 4000;

/** The ministry's own definitions cite this source. */
export const DEFAULT_SOURCE_CODE = 'DIGIGOV_PLANNING_DEFAULTS';

export type FormIssue =
  | { field: string; code: 'REQUIRED' }
  | { field: string; code: 'BAD_CODE' }
  | { field: string; code: 'CODE_TAKEN' }
  | { field: string; code: 'TEXT_TOO_LONG'; max: number }
  | { field: string; code: 'NOT_A_NUMBER' }
  | { field: string; code: 'NOT_POSITIVE' }
  | { field: string; code: 'RATIO_NEEDS_DENOMINATOR' }
  | { field: string; code: 'SAME_AS_NUMERATOR' }
  | { field: string; code: 'UNKNOWN_OPTION' };

export type FormIssueCode = FormIssue['code'];

export function emptyIndicatorForm(): IndicatorForm {
  return {
    code: '',
    nameTh: '',
    nameEn: '',
    descriptionEn: '',
    unit: 'PERCENT',
    direction: 1,
    aggregation: 'RATIO',
    numeratorCode: '',
    denominatorCode: '',
    multiplier: '100',
    obstacleCategoryCode: '',
    sourceCode: DEFAULT_SOURCE_CODE,
    sourceNote: '',
  };
}

export function indicatorFormFrom(i: FrameworkIndicator): IndicatorForm {
  return {
    code: i.code,
    nameTh: i.nameTh,
    nameEn: i.nameEn,
    descriptionEn: i.descriptionEn ?? '',
    unit: i.unit,
    direction: i.direction === -1 ? -1 : 1,
    aggregation: i.aggregation,
    numeratorCode: i.numerator.code,
    denominatorCode: i.denominator?.code ?? '',
    multiplier: String(i.multiplier),
    obstacleCategoryCode: i.obstacleCategoryCode ?? '',
    sourceCode: i.source?.code ?? '',
    sourceNote: i.sourceNote ?? '',
  };
}

/** Codes are typed in capitals; "staff_pct" is meant as "STAFF_PCT". */
export function normalizeCode(raw: string): string {
  return raw.trim().toUpperCase();
}

export function checkText(issues: FormIssue[], field: string, value: string, required: boolean, max: number): void {
  if (required && !value.trim()) issues.push({ field, code: 'REQUIRED' });
  else if (value.length > max) issues.push({ field, code: 'TEXT_TOO_LONG', max });
}

export function checkCode(issues: FormIssue[], field: string, raw: string, taken: ReadonlySet<string> | null): void {
  const code = normalizeCode(raw);
  if (!code) issues.push({ field, code: 'REQUIRED' });
  else if (!CODE_PATTERN.test(code)) issues.push({ field, code: 'BAD_CODE' });
  else if (taken?.has(code)) issues.push({ field, code: 'CODE_TAKEN' });
}

export interface IndicatorChoices {
  dataElements: ReadonlySet<string>;
  sources: ReadonlySet<string>;
  obstacleCategories: ReadonlySet<string>;
}

/**
 * Everything wrong with the form, field by field. `takenCodes` are the
 * existing indicators' codes when creating (an upsert would silently replace
 * one); null when editing.
 */
export function validateIndicatorForm(
  form: IndicatorForm,
  takenCodes: ReadonlySet<string> | null,
  choices?: IndicatorChoices,
): FormIssue[] {
  const issues: FormIssue[] = [];
  checkCode(issues, 'code', form.code, takenCodes);
  checkText(issues, 'nameTh', form.nameTh, true, MAX_NAME);
  checkText(issues, 'nameEn', form.nameEn, true, MAX_NAME);
  checkText(issues, 'descriptionEn', form.descriptionEn, false, MAX_DESCRIPTION);
  checkText(issues, 'sourceNote', form.sourceNote, false, MAX_DESCRIPTION);
  if (!INDICATOR_UNITS.includes(form.unit)) issues.push({ field: 'unit', code: 'UNKNOWN_OPTION' });
  if (!INDICATOR_AGGREGATIONS.includes(form.aggregation)) issues.push({ field: 'aggregation', code: 'UNKNOWN_OPTION' });
  if (form.direction !== 1 && form.direction !== -1) issues.push({ field: 'direction', code: 'UNKNOWN_OPTION' });

  if (!form.numeratorCode) issues.push({ field: 'numeratorCode', code: 'REQUIRED' });
  else if (choices && !choices.dataElements.has(form.numeratorCode))
    issues.push({ field: 'numeratorCode', code: 'UNKNOWN_OPTION' });
  // Rates roll up as Σ numerator / Σ denominator: a RATIO needs a denominator, and only a RATIO has one.
  if (form.aggregation === 'RATIO') {
    if (!form.denominatorCode) issues.push({ field: 'denominatorCode', code: 'RATIO_NEEDS_DENOMINATOR' });
    else if (choices && !choices.dataElements.has(form.denominatorCode))
      issues.push({ field: 'denominatorCode', code: 'UNKNOWN_OPTION' });
    else if (form.denominatorCode === form.numeratorCode)
      issues.push({ field: 'denominatorCode', code: 'SAME_AS_NUMERATOR' });
  }

  const multiplier = parseNumberInput(form.multiplier);
  if (!multiplier.ok) issues.push({ field: 'multiplier', code: 'NOT_A_NUMBER' });
  else if (multiplier.value === null) issues.push({ field: 'multiplier', code: 'REQUIRED' });
  else if (!(multiplier.value > 0)) issues.push({ field: 'multiplier', code: 'NOT_POSITIVE' });

  if (!form.sourceCode) issues.push({ field: 'sourceCode', code: 'REQUIRED' });
  else if (choices && !choices.sources.has(form.sourceCode))
    issues.push({ field: 'sourceCode', code: 'UNKNOWN_OPTION' });
  if (form.obstacleCategoryCode && choices && !choices.obstacleCategories.has(form.obstacleCategoryCode)) {
    issues.push({ field: 'obstacleCategoryCode', code: 'UNKNOWN_OPTION' });
  }
  return issues;
}

const orNull = (text: string): string | null => (text.trim() ? text.trim() : null);

/** The mutation's input from a form that passed validateIndicatorForm. */
export function toIndicatorInput(form: IndicatorForm): IndicatorInput {
  const multiplier = parseNumberInput(form.multiplier);
  return {
    code: normalizeCode(form.code),
    nameTh: form.nameTh.trim(),
    nameEn: form.nameEn.trim(),
    descriptionEn: orNull(form.descriptionEn),
    unit: form.unit,
    direction: form.direction,
    aggregation: form.aggregation,
    numeratorCode: form.numeratorCode,
    denominatorCode: form.aggregation === 'RATIO' ? form.denominatorCode || null : null,
    multiplier: multiplier.ok && multiplier.value !== null ? multiplier.value : 1,
    obstacleCategoryCode: form.obstacleCategoryCode || null,
    sourceCode: form.sourceCode,
    sourceNote: orNull(form.sourceNote),
  };
}

/** Issues grouped by field, for the messages beside each input. */
export function issuesByField(issues: readonly FormIssue[]): Map<string, FormIssue[]> {
  const map = new Map<string, FormIssue[]>();
  for (const i of issues) map.set(i.field, [...(map.get(i.field) ?? []), i]);
  return map;
}
