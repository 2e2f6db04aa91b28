import { describe, expect, it } from 'vitest';
import { percentIndicatorProgress } from '@/charts/__tests__/analytics-fixtures';
import { explainProgress } from '../explain-progress';

const facts = (e: ReturnType<typeof explainProgress>) =>
  Object.fromEntries(e.facts.map((f) => [f.key, [f.label, f.value]]));

describe('explainProgress', () => {
  it('gives every component of a status by the Open SDG method, in English', () => {
    const e = explainProgress(percentIndicatorProgress(), 'en');
    expect(e.summary).toBe(
      'Improving, but too slowly: R = 0.66 (0.60 to under 0.95); growth must speed up to meet the target by the end of FY2569',
    );
    expect(facts(e)).toEqual({
      base: ['Base (FY2566 Q1)', '10.4 %'],
      current: ['Current (FY2569 Q4)', '16.2 %'],
      target: ['National target (end of FY2569)', '20.0 %'],
      elapsed: ['Time from base to now', '3.75 years'],
      horizon: ['Time from base to the target date', '3.75 years'],
      required: ['Growth needed', '+19.0 % a year'],
      observed: ['Growth achieved', '+12.5 % a year'],
      ratio: ['R = direction × achieved ÷ needed', '0.66'],
      achievement: ['Achievement against target', '81.1 %'],
    });
    expect(e.notes).toEqual(['Growth rates are compound annual rates (CAGR), Open SDG’s method (Statistics Canada)']);
    expect(e.rule).toContain('0.95');
  });

  it('explains in Thai with B.E. quarters and the province’s own target', () => {
    const p = percentIndicatorProgress({
      target: { value: 20, fiscalYear: 2569, t: 2570, milestone: 20, orgUnitCode: 'TH-40' },
    });
    const e = explainProgress(p, 'th');
    expect(facts(e).base).toEqual(['ค่าฐาน (ไตรมาส 1/2566)', '10.4 %']);
    expect(facts(e).target).toEqual(['ค่าเป้าหมายของจังหวัด (สิ้นปีงบประมาณ 2569)', '20.0 %']);
    expect(facts(e).required).toEqual(['อัตราการเติบโตที่ต้องการ', '+19.0 % ต่อปี']);
    expect(e.summary).toContain('R = 0.66');
  });

  it('writes linear rates in the indicator’s unit when the base is zero', () => {
    const p = percentIndicatorProgress({
      growthMethod: 'LINEAR',
      observedGrowth: 2,
      requiredGrowth: 5.333,
      ratio: 0.375,
      status: 'LIMITED_PROGRESS',
      base: { value: 0, quarterCode: 'FY2566Q1', t: 2566.25, numerator: 0, denominator: 10 },
    });
    const e = explainProgress(p, 'en');
    expect(facts(e).required![1]).toBe('+5.3 pts a year');
    expect(facts(e).observed![1]).toBe('+2.0 pts a year');
    expect(e.notes[0]).toContain('base is zero');
    expect(e.summary).toContain('R = 0.38 (under 0.60)');
  });

  it('says when lower is better', () => {
    const p = percentIndicatorProgress();
    p.indicator = { ...p.indicator, direction: -1 };
    expect(explainProgress(p, 'en').notes).toContain(
      'Lower is better for this indicator: R counts a decrease as progress',
    );
  });

  it('explains an achieved target with the two values', () => {
    const e = explainProgress(
      percentIndicatorProgress({
        status: 'ACHIEVED',
        current: { value: 21, quarterCode: 'FY2569Q4', t: 2570, numerator: 21, denominator: 100 },
      }),
      'en',
    );
    expect(e.summary).toBe('The current value 21.0 % already meets the target 20.0 %');
  });

  it('explains deterioration with R, and without R when the base sat on the target', () => {
    expect(explainProgress(percentIndicatorProgress({ status: 'DETERIORATION', ratio: -0.1 }), 'en').summary).toBe(
      'Moving away from the target: R = -0.10 (below 0)',
    );
    expect(
      explainProgress(percentIndicatorProgress({ status: 'DETERIORATION', ratio: null, requiredGrowth: 0 }), 'en')
        .summary,
    ).toContain('exactly on target');
  });

  it('explains the absence of a status: no target, one data point, no current value', () => {
    const noTarget = explainProgress(
      percentIndicatorProgress({
        status: 'NO_TARGET',
        target: null,
        requiredGrowth: null,
        ratio: null,
        achievementPct: null,
      }),
      'en',
    );
    expect(noTarget.summary).toBe('No target is set, so progress cannot be judged');
    expect(noTarget.facts.map((f) => f.key)).toEqual(['base', 'current', 'elapsed', 'observed']);
    expect(explainProgress(percentIndicatorProgress({ status: 'INSUFFICIENT_DATA' }), 'en').summary).toContain(
      'Fewer than two quarters',
    );
    expect(
      explainProgress(percentIndicatorProgress({ status: 'INSUFFICIENT_DATA', current: null }), 'th').summary,
    ).toBe('ยังไม่มีข้อมูลของไตรมาสนี้');
  });
});
