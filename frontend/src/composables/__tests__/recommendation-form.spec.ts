import { describe, expect, it } from 'vitest';
import {
  emptyRecommendationForm,
  recommendationFormFrom,
  toRecommendationInput,
  validateRecommendationForm,
} from '../recommendation-form';

const CHOICES = {
  sets: new Set(['DGA_2567', 'MOI_STRATEGY']),
  obstacleCategories: new Set(['SKILLS', 'BUDGET']),
  indicators: new Set(['STAFF_DIGITAL_TRAINED_PCT']),
};

describe('validateRecommendationForm', () => {
  const valid = {
    ...emptyRecommendationForm('DGA_2567'),
    code: 'MINISTRY-2571-1',
    titleTh: 'อบรมเจ้าหน้าที่ทุกไตรมาส',
    titleEn: 'Train staff every quarter',
    obstacleCategoryCodes: ['SKILLS'],
  };
  const codes = (form: typeof valid, taken: Set<string> | null = null) =>
    validateRecommendationForm(form, taken, CHOICES).map((i) => `${i.field}:${i.code}`);

  it('accepts a titled recommendation in a known set', () => {
    expect(codes(valid)).toEqual([]);
  });

  it('asks for the code, set and both titles', () => {
    expect(codes(emptyRecommendationForm())).toEqual([
      'code:REQUIRED',
      'setCode:REQUIRED',
      'titleTh:REQUIRED',
      'titleEn:REQUIRED',
    ]);
  });

  it('refuses a taken code when creating, and links that are not in the lists', () => {
    expect(codes(valid, new Set(['MINISTRY-2571-1']))).toEqual(['code:CODE_TAKEN']);
    expect(codes({ ...valid, obstacleCategoryCodes: ['NOPE'], indicatorCodes: ['GONE'] })).toEqual([
      'obstacleCategoryCodes:UNKNOWN_OPTION',
      'indicatorCodes:UNKNOWN_OPTION',
    ]);
  });
});

describe('toRecommendationInput', () => {
  it('keeps the details and links of the recommendation it edits, and nulls blanks', () => {
    const r = {
      code: 'DGA-DATA',
      setCode: 'DGA_2567',
      groupTh: 'กลุ่ม',
      groupEn: null,
      titleTh: 'ข้อมูล',
      titleEn: 'Data',
      detailTh: 'รายละเอียด',
      detailEn: 'Detail',
      obstacleCategoryCodes: ['SKILLS', 'SKILLS'],
      indicatorCodes: ['STAFF_DIGITAL_TRAINED_PCT'],
    };
    expect(toRecommendationInput(recommendationFormFrom(r))).toEqual({ ...r, obstacleCategoryCodes: ['SKILLS'] });
  });
});
