import type { DataElementRef, IndicatorRef, ReferenceData } from '../reference.js';
import { rngFor, type Rng } from '../random.js';
import { generateLocalOrganizations, type DemoLocalOrganization, type LocalType } from './local-organizations.js';

/**
 * The synthetic demo data set: deterministic (same seed, date and scale give the same rows), plausible
 * (trends, regional differences, late and missing provinces) and never presented as real.
 */
export interface DemoQuarter {
  code: string;
  fiscalYear: number;
  quarter: number;
  endDate: string;
  deadline: string;
  entryClosesOn: string;
}

export interface DemoOptions {
  seed: number;
  /** "Today" for the demo: reports after it do not exist; the quarter containing it is being filled in. */
  asOf: Date;
  /** Quarters from the first demo quarter to the one containing asOf, oldest first. */
  quarters: DemoQuarter[];
  /** 1 gives about 7,850 local organizations. */
  scale: number;
}

export type DemoReportStatus = 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'RETURNED';

export interface DemoReport {
  provinceCode: string;
  quarterCode: string;
  status: DemoReportStatus;
  submittedAt: string | null;
  decidedAt: string | null;
  returnReason: string | null;
  /** Share of local organizations with values (drafts are partly filled). */
  fill: number;
}

export interface DemoValue {
  quarterCode: string;
  elementCode: string;
  orgUnitCode: string;
  value: number;
}

export interface DemoResponse {
  quarterCode: string;
  provinceCode: string;
  respondentCode: string;
  answers: Array<{ categoryCode: string; severity: number }>;
}

export interface DemoTarget {
  indicatorCode: string;
  provinceCode: string;
  fiscalYear: number;
  value: number;
  milestones: [number, number, number, number];
}

export interface DemoActionItem {
  provinceCode: string;
  fiscalYear: number;
  recommendationCode: string;
  titleTh: string;
  titleEn: string;
  status: 'NOT_STARTED' | 'IN_PROGRESS' | 'DONE' | 'CANCELLED';
  dueQuarterCode: string;
}

export interface DemoPlan {
  localOrganizations: DemoLocalOrganization[];
  reports: DemoReport[];
  targets: DemoTarget[];
  actionItems: DemoActionItem[];
}

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString();
const dateMs = (d: string) => Date.parse(`${d}T00:00:00Z`);

/** Regional starting points: a stable, visible difference between regions for the demo. */
const REGION_LEVEL: Record<string, number> = {
  CENTRAL: 1.15,
  EAST: 1.08,
  SOUTH: 0.97,
  NORTH: 0.95,
  WEST: 0.92,
  NORTHEAST: 0.85,
};

/** Provinces that are often late or missing in the demo, so that completeness has something to show. */
function lateness(seed: number, provinceCode: string): number {
  const r = rngFor(seed, `late:${provinceCode}`);
  return r.chance(0.12) ? r.uniform(0.35, 0.6) : r.uniform(0.02, 0.1);
}

export function planDemo(ref: ReferenceData, options: DemoOptions): DemoPlan {
  const { seed, asOf, quarters } = options;
  const asOfMs = asOf.getTime();
  const localOrganizations = generateLocalOrganizations(seed, ref.provinces, options.scale);

  const reports: DemoReport[] = [];
  for (const p of ref.provinces) {
    const late = lateness(seed, p.code);
    for (const q of quarters) {
      const r = rngFor(seed, `report:${p.code}:${q.code}`);
      const end = dateMs(q.endDate);
      const deadline = dateMs(q.deadline);
      const closes = dateMs(q.entryClosesOn);
      if (asOfMs < dateMs(q.endDate) - 80 * DAY) continue; // quarter not started yet
      if (asOfMs <= end) {
        // The quarter in progress: some provinces have started a draft.
        if (r.chance(0.45) || p.code === 'TH-40' || p.code === 'TH-50') {
          reports.push({
            provinceCode: p.code,
            quarterCode: q.code,
            status: 'DRAFT',
            submittedAt: null,
            decidedAt: null,
            returnReason: null,
            fill: r.uniform(0.2, 0.7),
          });
        }
        continue;
      }
      if (r.chance(late * 0.25) && closes < asOfMs) continue; // never reported
      const isLate = r.chance(late);
      const submitted = isLate
        ? deadline + r.uniform(1, closes - deadline - DAY)
        : end + r.uniform(3 * DAY, deadline - end - DAY);
      const decided = submitted + r.uniform(2 * DAY, 20 * DAY);
      if (submitted > asOfMs) {
        reports.push({
          provinceCode: p.code,
          quarterCode: q.code,
          status: 'DRAFT',
          submittedAt: null,
          decidedAt: null,
          returnReason: null,
          fill: r.uniform(0.5, 0.95),
        });
      } else if (decided > asOfMs) {
        reports.push({
          provinceCode: p.code,
          quarterCode: q.code,
          status: 'SUBMITTED',
          submittedAt: iso(submitted),
          decidedAt: null,
          returnReason: null,
          fill: 1,
        });
      } else if (r.chance(0.04) && closes > asOfMs) {
        reports.push({
          provinceCode: p.code,
          quarterCode: q.code,
          status: 'RETURNED',
          submittedAt: iso(submitted),
          decidedAt: iso(decided),
          returnReason: 'Demo: staff totals do not match last quarter; please check and resubmit.',
          fill: 1,
        });
      } else {
        reports.push({
          provinceCode: p.code,
          quarterCode: q.code,
          status: 'APPROVED',
          submittedAt: iso(submitted),
          decidedAt: iso(decided),
          returnReason: null,
          fill: 1,
        });
      }
    }
  }

  const fiscalYears = [...new Set(quarters.map((q) => q.fiscalYear))];
  const targets: DemoTarget[] = [];
  for (const ind of ref.indicators) {
    if (ind.nationalTarget === null) continue;
    for (const p of ref.provinces) {
      for (const fy of fiscalYears) {
        // Provinces cascade the national target; milestones climb to it over the year.
        const t = ind.nationalTarget;
        targets.push({
          indicatorCode: ind.code,
          provinceCode: p.code,
          fiscalYear: fy,
          value: t,
          milestones: [t * 0.25, t * 0.5, t * 0.75, t].map(
            (v) => Math.round(v * 100) / 100,
          ) as DemoTarget['milestones'],
        });
      }
    }
  }

  const actionItems: DemoActionItem[] = [];
  const recs = ref.recommendationSets.flatMap((s) => s.items);
  for (const p of ref.provinces) {
    for (const fy of fiscalYears) {
      const r = rngFor(seed, `actions:${p.code}:${fy}`);
      const fyQuarters = quarters.filter((q) => q.fiscalYear === fy);
      const n = r.int(2, 4);
      const chosen = new Set<string>();
      for (let k = 0; k < n && recs.length > 0; k++) {
        const rec = r.pick(recs);
        if (chosen.has(rec.code)) continue;
        chosen.add(rec.code);
        const due = fyQuarters[Math.min(fyQuarters.length - 1, r.int(1, 3))];
        const past = due && dateMs(due.endDate) < asOfMs;
        actionItems.push({
          provinceCode: p.code,
          fiscalYear: fy,
          recommendationCode: rec.code,
          titleTh: `(สาธิต) ${rec.titleTh}`,
          titleEn: `(Demo) ${rec.titleEn}`,
          status: past
            ? r.chance(0.75)
              ? 'DONE'
              : r.chance(0.8)
                ? 'IN_PROGRESS'
                : 'CANCELLED'
            : r.chance(0.5)
              ? 'IN_PROGRESS'
              : 'NOT_STARTED',
          dueQuarterCode: (due ?? fyQuarters[0]).code,
        });
      }
    }
  }
  return { localOrganizations, reports, targets, actionItems };
}

function localOrganizationsByProvince(plan: DemoPlan): Map<string, DemoLocalOrganization[]> {
  const byProvince = new Map<string, DemoLocalOrganization[]>();
  for (const o of plan.localOrganizations) {
    if (!byProvince.has(o.provinceCode)) byProvince.set(o.provinceCode, []);
    byProvince.get(o.provinceCode)!.push(o);
  }
  return byProvince;
}

/** Typical size of a unit for a denominator element, by kind of figure and type of organization. */
function unitSize(element: DataElementRef, type: LocalType, r: Rng): number {
  const code = element.code.toUpperCase();
  const budget = code.includes('BUDGET');
  const base: Record<LocalType, number> = budget
    ? {
        PAO: 9e8,
        CITY_MUNICIPALITY: 1.2e9,
        TOWN_MUNICIPALITY: 3.5e8,
        SUBDISTRICT_MUNICIPALITY: 7e7,
        SAO: 4.5e7,
        SPECIAL: 3e9,
      }
    : {
        PAO: 320,
        CITY_MUNICIPALITY: 900,
        TOWN_MUNICIPALITY: 280,
        SUBDISTRICT_MUNICIPALITY: 65,
        SAO: 45,
        SPECIAL: 2500,
      };
  return Math.max(1, Math.round(base[type] * r.uniform(0.6, 1.5)));
}

function isUnitFlag(element: DataElementRef): boolean {
  return element.valueType === 'BOOLEAN' || element.max === 1;
}

/**
 * Plausible demo levels for indicators whose sources set no target (in the indicator's unit), so the demo
 * does not show, say, half of all positions as digital. Any other indicator falls back to a generic level.
 */
const DEMO_LEVEL_WITHOUT_TARGET: Record<string, number> = {
  TRAINEES_ATTENDANCE_80_PCT: 85,
  DIGITAL_POSITIONS_PCT: 1.5,
  DIGITAL_BUDGET_PCT: 4,
  OPEN_DATASETS_PER_UNIT: 2,
  DGA_PLATFORM_UNITS_PCT: 45,
};

interface IndicatorModel {
  ind: IndicatorRef;
  numerator: DataElementRef;
  denominator: DataElementRef | null;
  /** The level the target asks for, as a fraction for rates or a count per unit. */
  goal: number;
}

/**
 * Data values for every local organization in every report, as a stream (millions of rows at bench scale).
 * Each indicator climbs from a province- and region-specific start toward (and sometimes past) its target.
 */
export function* demoValues(ref: ReferenceData, plan: DemoPlan, options: DemoOptions): Generator<DemoValue> {
  const elements = new Map(ref.dataElements.map((e) => [e.code, e]));
  const models: IndicatorModel[] = ref.indicators.map((ind) => {
    const numerator = elements.get(ind.numerator)!;
    const denominator = ind.denominator ? elements.get(ind.denominator)! : null;
    const t = ind.nationalTarget ?? DEMO_LEVEL_WITHOUT_TARGET[ind.code] ?? null;
    const goal = ind.unit === 'PERCENT' ? (t ?? 50) / ind.multiplier : (t ?? (ind.unit === 'COUNT' ? 3 : 1));
    return { ind, numerator, denominator, goal };
  });
  const regionOf = new Map(ref.provinces.map((p) => [p.code, p.regionCode]));
  const lao = localOrganizationsByProvince(plan);
  const quarterIndex = new Map(options.quarters.map((q, i) => [q.code, i]));
  const { seed } = options;

  // Stable traits, drawn once per unit (or province) and indicator, not once per quarter.
  const unitTraits = new Map<string, { start: number[]; size: Map<string, number> }>();
  const traitsOf = (unit: DemoLocalOrganization) => {
    let t = unitTraits.get(unit.code);
    if (!t) {
      t = {
        start: models.map((m) => rngFor(seed, `trait:${unit.code}:${m.ind.code}`).uniform(0.6, 1.3)),
        size: new Map(
          models
            .filter((m) => m.denominator && !isUnitFlag(m.denominator))
            .map((m) => [
              m.denominator!.code,
              unitSize(m.denominator!, unit.type, rngFor(seed, `size:${unit.code}:${m.denominator!.code}`)),
            ]),
        ),
      };
      unitTraits.set(unit.code, t);
    }
    return t;
  };
  const provinceTraits = new Map<string, Array<{ start: number; growth: number }>>();
  const provinceTraitsOf = (code: string) => {
    let t = provinceTraits.get(code);
    if (!t) {
      t = models.map((m) => {
        const r = rngFor(seed, `ptrait:${code}:${m.ind.code}`);
        return { start: r.uniform(0.35, 0.8), growth: r.uniform(-0.02, 0.16) };
      });
      provinceTraits.set(code, t);
    }
    return t;
  };

  for (const report of plan.reports) {
    const qi = quarterIndex.get(report.quarterCode)!;
    const years = qi / 4;
    const regionLevel = REGION_LEVEL[regionOf.get(report.provinceCode) ?? ''] ?? 1;
    const province = provinceTraitsOf(report.provinceCode);
    for (const unit of lao.get(report.provinceCode) ?? []) {
      const noise = rngFor(seed, `q:${unit.code}:${report.quarterCode}`);
      if (report.fill < 1 && noise.uniform() > report.fill) continue;
      const traits = traitsOf(unit);
      const emitted = new Map<string, number>();
      for (const [i, m] of models.entries()) {
        const start = m.goal * regionLevel * province[i].start * traits.start[i];
        const level = Math.max(0, start + m.goal * province[i].growth * years + noise.normal(0, m.goal * 0.04));

        let denominator: number | null = null;
        if (m.denominator) {
          if (emitted.has(m.denominator.code)) denominator = emitted.get(m.denominator.code)!;
          else {
            denominator = isUnitFlag(m.denominator)
              ? 1
              : Math.round(traits.size.get(m.denominator.code)! * (1 + 0.01 * years));
            emitted.set(m.denominator.code, denominator);
            yield {
              quarterCode: report.quarterCode,
              elementCode: m.denominator.code,
              orgUnitCode: unit.code,
              value: denominator,
            };
          }
        }
        if (emitted.has(m.numerator.code)) continue;
        let value: number;
        if (isUnitFlag(m.numerator)) value = noise.chance(Math.min(0.98, level)) ? 1 : 0;
        else if (m.ind.unit === 'PERCENT' && denominator !== null)
          value = Math.min(denominator, Math.round(denominator * Math.min(1, level)));
        else if (m.numerator.valueType === 'INTEGER') value = noise.poisson(level * (denominator ?? 1));
        else value = Math.round(level * (denominator ?? 1) * 100) / 100;
        if (m.numerator.max !== null) value = Math.min(value, m.numerator.max);
        emitted.set(m.numerator.code, value);
        yield { quarterCode: report.quarterCode, elementCode: m.numerator.code, orgUnitCode: unit.code, value };
      }
    }
  }
}

/**
 * Obstacle answers for the province itself and each of its local organizations. Probabilities start near
 * DGA's published national shares and ease slowly; the demo's figures are synthetic all the same.
 */
export function* demoResponses(ref: ReferenceData, plan: DemoPlan, options: DemoOptions): Generator<DemoResponse> {
  const baseline = new Map<string, number>();
  const dga = ref.publishedDatasets[0];
  for (const v of dga?.values ?? []) if (v.categoryCode) baseline.set(v.categoryCode, v.count / dga.denominator);
  const lao = localOrganizationsByProvince(plan);
  const quarterIndex = new Map(options.quarters.map((q, i) => [q.code, i]));
  const regionOf = new Map(ref.provinces.map((p) => [p.code, p.regionCode]));
  const { seed } = options;
  const respondentTraits = new Map<string, number[]>();

  for (const report of plan.reports) {
    const years = quarterIndex.get(report.quarterCode)! / 4;
    const regionLevel = REGION_LEVEL[regionOf.get(report.provinceCode) ?? ''] ?? 1;
    const respondents = [report.provinceCode, ...(lao.get(report.provinceCode) ?? []).map((o) => o.code)];
    for (const respondent of respondents) {
      const r = rngFor(seed, `obstacle:${respondent}:${report.quarterCode}`);
      if (report.fill < 1 && respondent !== report.provinceCode && r.uniform() > report.fill) continue;
      let traits = respondentTraits.get(respondent);
      if (!traits) {
        traits = ref.obstacleCategories.map((c) => rngFor(seed, `otrait:${respondent}:${c.code}`).uniform(0.6, 1.4));
        respondentTraits.set(respondent, traits);
      }
      const answers: DemoResponse['answers'] = [];
      for (const [i, c] of ref.obstacleCategories.entries()) {
        const p = (baseline.get(c.code) ?? 0.1) * traits[i] * (2 - regionLevel) * Math.max(0.35, 1 - 0.07 * years);
        if (r.chance(Math.min(0.95, p)))
          answers.push({ categoryCode: c.code, severity: Math.max(1, Math.min(5, Math.round(r.normal(3, 1)))) });
      }
      yield { quarterCode: report.quarterCode, provinceCode: report.provinceCode, respondentCode: respondent, answers };
    }
  }
}
