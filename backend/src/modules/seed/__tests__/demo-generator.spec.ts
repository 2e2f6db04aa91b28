import {
  demoResponses,
  demoValues,
  generateLocalOrganizations,
  loadReferenceData,
  planDemo,
  type DemoOptions,
} from '@digigov/seed';
import { fiscalQuarterDates, quarterRange } from '../../period/fiscal-calendar.js';

const ref = loadReferenceData();
const quarters = quarterRange({ fiscalYear: 2566, quarter: 1 }, { fiscalYear: 2570, quarter: 1 }).map((q) =>
  fiscalQuarterDates(q.fiscalYear, q.quarter),
);
const options = (seed = 2570, scale = 0.05): DemoOptions => ({
  seed,
  asOf: new Date('2026-11-21T12:00:00Z'),
  quarters,
  scale,
});

describe('demo data generator', () => {
  it('generates about 7,850 local organizations with the national mix of types', () => {
    const orgs = generateLocalOrganizations(2570, ref.provinces, 1);
    expect(orgs).toHaveLength(7850);
    const byType = orgs.reduce<Record<string, number>>((acc, o) => ((acc[o.type] = (acc[o.type] ?? 0) + 1), acc), {});
    expect(byType).toEqual({
      PAO: 76,
      CITY_MUNICIPALITY: 30,
      TOWN_MUNICIPALITY: 195,
      SUBDISTRICT_MUNICIPALITY: 2247,
      SAO: 5300,
      SPECIAL: 2,
    });
    expect(new Set(orgs.map((o) => o.code)).size).toBe(7850);
    expect(orgs.filter((o) => o.provinceCode === 'TH-10').map((o) => o.nameEn)).toEqual([
      'Bangkok Metropolitan Administration',
    ]);
  });

  it('is deterministic: the same seed and date give the same data, another seed other data', () => {
    const take = (seed: number) => {
      const plan = planDemo(ref, options(seed));
      const values = [...demoValues(ref, plan, options(seed))].slice(0, 2000);
      return JSON.stringify({ reports: plan.reports, values });
    };
    expect(take(2570)).toBe(take(2570));
    expect(take(2570)).not.toBe(take(2571));
  });

  it('reports from FY2566 Q1 to the current quarter, with late, missing and draft provinces', () => {
    const plan = planDemo(ref, options());
    const codes = new Set(plan.reports.map((r) => r.quarterCode));
    expect(codes.has('FY2566Q1')).toBe(true);
    expect(codes.has('FY2570Q1')).toBe(true);
    expect(codes.has('FY2570Q2')).toBe(false);
    const current = plan.reports.filter((r) => r.quarterCode === 'FY2570Q1');
    expect(current.every((r) => r.status === 'DRAFT')).toBe(true);
    const closed = plan.reports.filter((r) => r.quarterCode === 'FY2568Q4');
    expect(closed.length).toBeLessThan(77 + 1);
    expect(plan.reports.filter((r) => r.quarterCode === 'FY2569Q4').some((r) => r.status === 'SUBMITTED')).toBe(true);
    const late = plan.reports.filter(
      (r) => r.submittedAt && r.submittedAt.slice(0, 10) > quarters.find((q) => q.code === r.quarterCode)!.deadline,
    );
    expect(late.length).toBeGreaterThan(0);
  });

  it('never reports a numerator above its denominator for a percentage', () => {
    const plan = planDemo(ref, options());
    const pairs = ref.indicators
      .filter((i) => i.unit === 'PERCENT' && i.denominator)
      .map((i) => [i.numerator, i.denominator!] as const);
    const byUnit = new Map<string, Map<string, number>>();
    for (const v of demoValues(ref, plan, options())) {
      const key = `${v.orgUnitCode}:${v.quarterCode}`;
      if (!byUnit.has(key)) byUnit.set(key, new Map());
      byUnit.get(key)!.set(v.elementCode, v.value);
    }
    let checked = 0;
    for (const values of byUnit.values()) {
      for (const [n, d] of pairs) {
        if (values.has(n) && values.has(d)) {
          expect(values.get(n)!).toBeLessThanOrEqual(values.get(d)!);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('answers the obstacle survey for the province itself and its local organizations, severities 1–5', () => {
    const plan = planDemo(ref, options());
    const responses = [...demoResponses(ref, plan, options())];
    const province = responses.filter((r) => r.respondentCode === r.provinceCode);
    expect(province.length).toBe(plan.reports.length);
    expect(responses.length).toBeGreaterThan(province.length);
    const severities = responses.flatMap((r) => r.answers.map((a) => a.severity));
    expect(Math.min(...severities)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...severities)).toBeLessThanOrEqual(5);
  });
});
