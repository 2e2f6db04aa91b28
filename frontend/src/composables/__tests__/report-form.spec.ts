import { describe, expect, it } from 'vitest';
import type { IndicatorRule } from '@/api/report-types';
import {
  cellKey,
  checkNotes,
  checkRow,
  checkValue,
  editMatchesSaved,
  emptyRespondent,
  latinDigits,
  parseCellKey,
  parseNumberInput,
  problemTarget,
  ratioRules,
  readingOf,
  requiredElementCodes,
  respondentInput,
  sameActionItem,
  sameRespondent,
  type ElementRule,
} from '../report-form';

const INTEGER: ElementRule = { code: 'STAFF_TOTAL', valueType: 'INTEGER', minValue: 0, maxValue: null };
const TRAINED: ElementRule = { code: 'STAFF_TRAINED_DIGITAL', valueType: 'INTEGER', minValue: 0, maxValue: null };
const BUDGET: ElementRule = { code: 'BUDGET_TOTAL_THB', valueType: 'NUMBER', minValue: null, maxValue: null };
const YES_NO: ElementRule = { code: 'DIGITAL_ACTION_PLAN', valueType: 'BOOLEAN', minValue: 0, maxValue: 1 };
const UNIT: ElementRule = { code: 'UNIT_REPORTING', valueType: 'INTEGER', minValue: 1, maxValue: 1 };

const INDICATORS: IndicatorRule[] = [
  {
    code: 'STAFF_DIGITAL_TRAINED_PCT',
    unit: 'PERCENT',
    numerator: { code: 'STAFF_TRAINED_DIGITAL' },
    denominator: { code: 'STAFF_TOTAL' },
  },
  {
    code: 'UNITS_WITH_PLAN_PCT',
    unit: 'PERCENT',
    numerator: { code: 'DIGITAL_ACTION_PLAN' },
    denominator: { code: 'UNIT_REPORTING' },
  },
  {
    code: 'SERVICES_PER_UNIT',
    unit: 'PER_UNIT',
    numerator: { code: 'DIGITAL_SERVICES' },
    denominator: { code: 'UNIT_REPORTING' },
  },
  { code: 'OPEN_DATA_COUNT', unit: 'COUNT', numerator: { code: 'OPEN_DATASETS_PUBLISHED' }, denominator: null },
];

describe('parseNumberInput', () => {
  it('reads Latin and Thai digits, thousands separators and spaces', () => {
    expect(parseNumberInput('1250000')).toEqual({ ok: true, value: 1250000 });
    expect(parseNumberInput('1,250,000')).toEqual({ ok: true, value: 1250000 });
    expect(parseNumberInput(' ๑๒๕ ')).toEqual({ ok: true, value: 125 });
    expect(parseNumberInput('๑,๒๕๐.๕')).toEqual({ ok: true, value: 1250.5 });
    expect(parseNumberInput('1 250')).toEqual({ ok: true, value: 1250 });
    expect(parseNumberInput('-3')).toEqual({ ok: true, value: -3 });
    expect(parseNumberInput('.5')).toEqual({ ok: true, value: 0.5 });
  });

  it('treats an empty cell as no value', () => {
    expect(parseNumberInput('')).toEqual({ ok: true, value: null });
    expect(parseNumberInput('   ')).toEqual({ ok: true, value: null });
  });

  it('refuses text, misplaced separators and decimal commas', () => {
    for (const raw of ['12a', 'สิบ', '1,25', '1,2,3', '1.2.3', '--1', 'Infinity', '1e5', '=1+1']) {
      expect(parseNumberInput(raw), raw).toEqual({ ok: false });
    }
  });

  it('converts only the Thai digits', () => {
    expect(latinDigits('ปี ๒๕๗๐')).toBe('ปี 2570');
  });
});

describe('checkValue', () => {
  it('accepts whole numbers within range', () => {
    expect(checkValue(INTEGER, 0)).toBeNull();
    expect(checkValue(INTEGER, 53)).toBeNull();
    expect(checkValue(BUDGET, 1234.56)).toBeNull();
  });

  it('wants whole numbers for counts and yes/no', () => {
    expect(checkValue(INTEGER, 1.5)).toEqual({ code: 'NOT_WHOLE_NUMBER' });
    expect(checkValue(YES_NO, 0.5)).toEqual({ code: 'NOT_WHOLE_NUMBER' });
  });

  it('wants 1 or 0 for yes/no', () => {
    expect(checkValue(YES_NO, 2)).toEqual({ code: 'NOT_YES_NO' });
    expect(checkValue(YES_NO, 1)).toBeNull();
  });

  it('takes 0 as the minimum when the element has none, as the server does', () => {
    expect(checkValue(BUDGET, -1)).toEqual({ code: 'BELOW_MIN', min: 0 });
    expect(checkValue(UNIT, 0)).toEqual({ code: 'BELOW_MIN', min: 1 });
    expect(checkValue(UNIT, 2)).toEqual({ code: 'ABOVE_MAX', max: 1 });
  });
});

describe('checkNotes', () => {
  it('wants http(s) evidence links and comments within the limit', () => {
    expect(checkNotes('ok', 'https://example.go.th/a.pdf')).toBeNull();
    expect(checkNotes(null, 'ftp://example.org/x')).toEqual({ code: 'BAD_URL' });
    expect(checkNotes(null, 'not a link')).toEqual({ code: 'BAD_URL' });
    expect(checkNotes('x'.repeat(2001), null)).toEqual({ code: 'TEXT_TOO_LONG', max: 2000 });
  });
});

describe('ratioRules', () => {
  it('pairs the numerator and denominator of percentage indicators only', () => {
    expect(ratioRules(INDICATORS)).toEqual([
      { numerator: 'STAFF_TRAINED_DIGITAL', denominator: 'STAFF_TOTAL', indicatorCodes: ['STAFF_DIGITAL_TRAINED_PCT'] },
      { numerator: 'DIGITAL_ACTION_PLAN', denominator: 'UNIT_REPORTING', indicatorCodes: ['UNITS_WITH_PLAN_PCT'] },
    ]);
  });
});

describe('requiredElementCodes', () => {
  it('is every element an indicator is computed from', () => {
    expect([...requiredElementCodes(INDICATORS)].sort()).toEqual(
      [
        'DIGITAL_ACTION_PLAN',
        'DIGITAL_SERVICES',
        'OPEN_DATASETS_PUBLISHED',
        'STAFF_TOTAL',
        'STAFF_TRAINED_DIGITAL',
        'UNIT_REPORTING',
      ].sort(),
    );
  });
});

describe('checkRow', () => {
  const elements = [INTEGER, TRAINED, YES_NO, UNIT];
  const ratios = ratioRules(INDICATORS);
  const row = (cells: Record<string, string>) =>
    checkRow(elements, ratios, (code) =>
      code in cells ? readingOf({ raw: cells[code]!, comment: '', evidenceUrl: '' }, undefined) : undefined,
    );

  it('reports a numerator above its denominator on both cells', () => {
    const issues = row({ STAFF_TOTAL: '20', STAFF_TRAINED_DIGITAL: '25' });
    const expected = {
      code: 'NUMERATOR_ABOVE_DENOMINATOR',
      numerator: 'STAFF_TRAINED_DIGITAL',
      denominator: 'STAFF_TOTAL',
      numeratorValue: 25,
      denominatorValue: 20,
    };
    expect(issues.get('STAFF_TRAINED_DIGITAL')).toEqual(expected);
    expect(issues.get('STAFF_TOTAL')).toEqual(expected);
  });

  it('accepts a numerator equal to its denominator, or either one missing', () => {
    expect(row({ STAFF_TOTAL: '20', STAFF_TRAINED_DIGITAL: '20' }).size).toBe(0);
    expect(row({ STAFF_TRAINED_DIGITAL: '20' }).size).toBe(0);
  });

  it('reports text in a number cell, and does not compare it', () => {
    const issues = row({ STAFF_TOTAL: 'abc', STAFF_TRAINED_DIGITAL: '25' });
    expect(issues.get('STAFF_TOTAL')).toEqual({ code: 'WRONG_TYPE' });
    expect(issues.has('STAFF_TRAINED_DIGITAL')).toBe(false);
  });

  it('checks saved values too (a new denominator below a saved numerator)', () => {
    const issues = checkRow(elements, ratios, (code) =>
      code === 'STAFF_TRAINED_DIGITAL'
        ? readingOf(undefined, { value: 30, comment: null, evidenceUrl: null })
        : code === 'STAFF_TOTAL'
          ? readingOf({ raw: '10', comment: '', evidenceUrl: '' }, { value: 40, comment: null, evidenceUrl: null })
          : undefined,
    );
    expect(issues.get('STAFF_TOTAL')?.code).toBe('NUMERATOR_ABOVE_DENOMINATOR');
  });
});

describe('editMatchesSaved', () => {
  const saved = { value: 12, comment: 'ok', evidenceUrl: null };

  it('compares the parsed value and the notes, ignoring blank text', () => {
    expect(editMatchesSaved({ raw: '12', comment: 'ok', evidenceUrl: '' }, saved)).toBe(true);
    expect(editMatchesSaved({ raw: '๑๒', comment: ' ok ', evidenceUrl: '  ' }, saved)).toBe(true);
    expect(editMatchesSaved({ raw: '13', comment: 'ok', evidenceUrl: '' }, saved)).toBe(false);
    expect(editMatchesSaved({ raw: '12', comment: '', evidenceUrl: '' }, saved)).toBe(false);
  });

  it('treats an emptied cell as a change only when something was saved', () => {
    expect(editMatchesSaved({ raw: '', comment: '', evidenceUrl: '' }, undefined)).toBe(true);
    expect(editMatchesSaved({ raw: '', comment: '', evidenceUrl: '' }, saved)).toBe(false);
  });

  it('never matches text that does not parse', () => {
    expect(editMatchesSaved({ raw: '12x', comment: 'ok', evidenceUrl: '' }, saved)).toBe(false);
  });
});

describe('sameRespondent', () => {
  it('counts an untouched respondent as unchanged, but an explicit "no obstacle" as news', () => {
    expect(sameRespondent('TH-40', emptyRespondent(), undefined)).toBe(true);
    expect(sameRespondent('TH-40', { ...emptyRespondent(), noObstacles: true }, undefined)).toBe(false);
  });

  it('once a respondent exists, compares the answers the server would store', () => {
    const saved = { ...emptyRespondent(), answers: { SKILLS: { severity: 3, note: null } } };
    expect(sameRespondent('TH-40', { ...saved, answers: { SKILLS: { severity: 3, note: '' } } }, saved)).toBe(true);
    expect(sameRespondent('TH-40', { ...saved, answers: { SKILLS: { severity: 4, note: null } } }, saved)).toBe(false);
    // Withdrawing every answer from an existing respondent means "no obstacle" now.
    expect(sameRespondent('TH-40', { ...saved, answers: {} }, saved)).toBe(false);
  });

  it('sends answers sorted by category, with blank notes as null', () => {
    const input = respondentInput('TH-40', {
      ...emptyRespondent(),
      answers: { SKILLS: { severity: 3, note: '' }, BUDGET: { severity: 5, note: 'งบไม่พอ' } },
    });
    expect(input.answers).toEqual([
      { categoryCode: 'BUDGET', severity: 5, note: 'งบไม่พอ' },
      { categoryCode: 'SKILLS', severity: 3, note: null },
    ]);
  });
});

describe('sameActionItem', () => {
  it('compares status and note', () => {
    expect(sameActionItem({ status: 'DONE', progressNote: '' }, { status: 'DONE', progressNote: null })).toBe(true);
    expect(sameActionItem({ status: 'DONE', progressNote: null }, { status: 'IN_PROGRESS', progressNote: null })).toBe(
      false,
    );
  });
});

describe('problemTarget', () => {
  const sent = {
    values: [
      { orgUnitCode: 'LAO-40-0001', dataElementCode: 'STAFF_TOTAL', value: 1, comment: null, evidenceUrl: null },
      { orgUnitCode: 'LAO-40-0002', dataElementCode: 'STAFF_TOTAL', value: -1, comment: null, evidenceUrl: null },
    ],
    respondents: [
      { orgUnitCode: 'TH-40', answers: [], obstacleNote: null, evidenceUrl: null, comment: null, asOfDate: null },
    ],
    actionItems: [{ id: 424, status: 'DONE' as const, progressNote: null }],
  };

  it('maps a save problem to what was sent at that index', () => {
    expect(problemTarget('values[1]', sent)).toEqual({ kind: 'value', key: 'LAO-40-0002|STAFF_TOTAL' });
    expect(problemTarget('respondents[0]', sent)).toEqual({ kind: 'respondent', orgUnitCode: 'TH-40' });
    expect(problemTarget('actionItems[0]', sent)).toEqual({ kind: 'actionItem', id: 424 });
  });

  it('maps a submit problem to its cell or to the obstacle answers', () => {
    expect(problemTarget('LAO-40-0007.BUDGET_TOTAL_THB')).toEqual({
      kind: 'value',
      key: 'LAO-40-0007|BUDGET_TOTAL_THB',
    });
    expect(problemTarget('TH-40.obstacles')).toEqual({ kind: 'obstacles', orgUnitCode: 'TH-40' });
  });

  it('keeps what it cannot place as a field of the report', () => {
    expect(problemTarget('values[9]', sent)).toEqual({ kind: 'field', field: 'values[9]' });
    expect(problemTarget('reason')).toEqual({ kind: 'field', field: 'reason' });
    expect(problemTarget(null)).toEqual({ kind: 'report' });
  });
});

describe('cellKey', () => {
  it('round-trips', () => {
    expect(parseCellKey(cellKey('LAO-40-0001', 'STAFF_TOTAL'))).toEqual({
      orgUnitCode: 'LAO-40-0001',
      dataElementCode: 'STAFF_TOTAL',
    });
  });
});
