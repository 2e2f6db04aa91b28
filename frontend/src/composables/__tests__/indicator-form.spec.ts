import { describe, expect, it } from 'vitest';
import type { FrameworkIndicator } from '@/api/framework';
import {
  emptyIndicatorForm,
  indicatorFormFrom,
  issuesByField,
  toIndicatorInput,
  validateIndicatorForm,
  type IndicatorForm,
} from '../indicator-form';

const CHOICES = {
  dataElements: new Set(['STAFF_TOTAL', 'STAFF_TRAINED_DIGITAL', 'DIGITAL_SERVICES']),
  sources: new Set(['DIGIGOV_PLANNING_DEFAULTS', 'BMA_2562_DIGITAL_MINDSET']),
  obstacleCategories: new Set(['SKILLS', 'BUDGET']),
};

const valid: IndicatorForm = {
  ...emptyIndicatorForm(),
  code: 'STAFF_TRAINED_PCT',
  nameTh: 'ร้อยละของบุคลากรที่ได้รับการพัฒนาทักษะดิจิทัล',
  nameEn: 'Personnel trained in digital skills (%)',
  numeratorCode: 'STAFF_TRAINED_DIGITAL',
  denominatorCode: 'STAFF_TOTAL',
  obstacleCategoryCode: 'SKILLS',
};

const codes = (form: IndicatorForm, taken: ReadonlySet<string> | null = null) =>
  validateIndicatorForm(form, taken, CHOICES).map((i) => `${i.field}:${i.code}`);

describe('validateIndicatorForm', () => {
  it('accepts a complete ratio indicator', () => {
    expect(codes(valid)).toEqual([]);
  });

  it('asks for the required fields of an empty form', () => {
    expect(codes({ ...emptyIndicatorForm(), sourceCode: '' })).toEqual([
      'code:REQUIRED',
      'nameTh:REQUIRED',
      'nameEn:REQUIRED',
      'numeratorCode:REQUIRED',
      'denominatorCode:RATIO_NEEDS_DENOMINATOR',
      'sourceCode:REQUIRED',
    ]);
  });

  it('checks codes as the server does, and refuses a code already taken when creating', () => {
    expect(codes({ ...valid, code: 'bad code' })).toEqual(['code:BAD_CODE']);
    expect(codes({ ...valid, code: 'X' })).toEqual(['code:BAD_CODE']);
    expect(codes({ ...valid, code: 'staff_trained_pct' })).toEqual([]);
    expect(codes(valid, new Set(['STAFF_TRAINED_PCT']))).toEqual(['code:CODE_TAKEN']);
  });

  it('needs a denominator for a RATIO only, different from the numerator', () => {
    expect(codes({ ...valid, denominatorCode: '' })).toEqual(['denominatorCode:RATIO_NEEDS_DENOMINATOR']);
    expect(codes({ ...valid, denominatorCode: 'STAFF_TRAINED_DIGITAL' })).toEqual([
      'denominatorCode:SAME_AS_NUMERATOR',
    ]);
    expect(codes({ ...valid, aggregation: 'SUM', denominatorCode: '', multiplier: '1' })).toEqual([]);
  });

  it('reads the multiplier as a positive number, Thai digits included', () => {
    expect(codes({ ...valid, multiplier: 'abc' })).toEqual(['multiplier:NOT_A_NUMBER']);
    expect(codes({ ...valid, multiplier: '0' })).toEqual(['multiplier:NOT_POSITIVE']);
    expect(codes({ ...valid, multiplier: '' })).toEqual(['multiplier:REQUIRED']);
    expect(codes({ ...valid, multiplier: '๑๐๐' })).toEqual([]);
  });

  it('limits text lengths and refuses choices that are not in the lists', () => {
    const issues = validateIndicatorForm(
      { ...valid, nameEn: 'x'.repeat(501), numeratorCode: 'GONE', sourceCode: 'NOPE', obstacleCategoryCode: 'X' },
      null,
      CHOICES,
    );
    expect(issues).toContainEqual({ field: 'nameEn', code: 'TEXT_TOO_LONG', max: 500 });
    expect(issuesByField(issues).get('numeratorCode')).toEqual([{ field: 'numeratorCode', code: 'UNKNOWN_OPTION' }]);
    expect([...issuesByField(issues).keys()].sort()).toEqual([
      'nameEn',
      'numeratorCode',
      'obstacleCategoryCode',
      'sourceCode',
    ]);
  });
});

describe('toIndicatorInput', () => {
  it('sends trimmed text, upper-case codes, numbers and nulls for blanks', () => {
    expect(
      toIndicatorInput({
        ...valid,
        code: ' staff_trained_pct ',
        nameEn: ' Personnel trained ',
        multiplier: '1,000',
        descriptionEn: '  ',
      }),
    ).toEqual({
      code: 'STAFF_TRAINED_PCT',
      nameTh: valid.nameTh,
      nameEn: 'Personnel trained',
      descriptionEn: null,
      unit: 'PERCENT',
      direction: 1,
      aggregation: 'RATIO',
      numeratorCode: 'STAFF_TRAINED_DIGITAL',
      denominatorCode: 'STAFF_TOTAL',
      multiplier: 1000,
      obstacleCategoryCode: 'SKILLS',
      sourceCode: 'DIGIGOV_PLANNING_DEFAULTS',
      sourceNote: null,
    });
  });

  it('drops a denominator left over from a ratio when the roll-up is not a ratio', () => {
    expect(toIndicatorInput({ ...valid, aggregation: 'LATEST' }).denominatorCode).toBeNull();
  });

  it('gives back every field of an indicator it edits, so that the upsert keeps them', () => {
    const indicator: FrameworkIndicator = {
      code: 'STAFF_DIGITAL_TRAINED_PCT',
      nameTh: 'ไทย',
      nameEn: 'English',
      descriptionEn: 'Rolled up as a ratio of sums.',
      unit: 'PERCENT',
      direction: -1,
      aggregation: 'RATIO',
      numerator: { code: 'STAFF_TRAINED_DIGITAL' },
      denominator: { code: 'STAFF_TOTAL' },
      multiplier: 100,
      obstacleCategoryCode: null,
      nationalTarget: 20,
      sourceNote: 'source 004 §4.1',
      source: { code: 'BMA_2562_DIGITAL_MINDSET' },
    };
    expect(toIndicatorInput(indicatorFormFrom(indicator))).toEqual({
      code: 'STAFF_DIGITAL_TRAINED_PCT',
      nameTh: 'ไทย',
      nameEn: 'English',
      descriptionEn: 'Rolled up as a ratio of sums.',
      unit: 'PERCENT',
      direction: -1,
      aggregation: 'RATIO',
      numeratorCode: 'STAFF_TRAINED_DIGITAL',
      denominatorCode: 'STAFF_TOTAL',
      multiplier: 100,
      obstacleCategoryCode: null,
      sourceCode: 'BMA_2562_DIGITAL_MINDSET',
      sourceNote: 'source 004 §4.1',
    });
  });
});
