/**
 * The Digital Government Progress Index (0–100) of a province in a quarter. Pure functions.
 *
 * - Pillars: one per obstacle area that the indicators measure (indicator.obstacle_category_code), so the index
 *   reads in the same words as DGA's survey: skills, budget, integration, security, services, policy.
 * - Each indicator is scored 0–100 on FIXED goalposts (below): score = 100 × (value − worst) / (best − worst),
 *   clamped to 0–100. Fixed, not the year's targets nor the best and worst province of the quarter, so that an
 *   index of 60 means the same in every quarter and a trend is real progress, not a moved yardstick
 *   (the OECD/JRC Handbook on Constructing Composite Indicators, "goalposts" min-max normalisation).
 * - Pillar = mean of the scores of its indicators that have a value.
 * - Index = Σ weight × pillar, weights normalised to sum to 1. Default: equal weights, the Handbook's advice
 *   when there is no agreed ground for others. Callers may pass their own (relative) weights.
 * - A pillar without any value leaves the index null (incomplete) rather than silently re-weighting.
 */

/**
 * Stable codes of the method text below. Clients (the dashboard) show their own wording, in Thai or English,
 * keyed by the code: give the method a new code whenever its text changes in meaning.
 */
export enum IndexMethodCode {
  GOALPOST_PILLARS_V1 = 'GOALPOST_PILLARS_V1',
}

export const INDEX_METHOD_CODE = IndexMethodCode.GOALPOST_PILLARS_V1;

export const INDEX_METHOD =
  'Digital Government Progress Index, 0–100. Pillars: one per obstacle area the indicators measure. Each indicator is scored on ' +
  'fixed goalposts, 100 × (value − worst) / (best − worst) clamped to 0–100, so that scores compare across quarters. A pillar is ' +
  'the mean score of its indicators with a value; the index is the weighted sum of the pillars (weights normalised to sum to 1; ' +
  'equal by default, as the OECD/JRC Handbook on Constructing Composite Indicators advises without agreed grounds for others). ' +
  "Each pillar's contribution is weight × pillar score. A weighted pillar without any value leaves the index empty. Ranks are " +
  'among all provinces with an index in the quarter, highest first, ties sharing a rank.';

export interface Goalpost {
  /** The value scoring 0. */
  worst: number;
  /** The value scoring 100 (lower than worst when lower is better). */
  best: number;
  rationale: string;
}

// The dashboard words each rationale itself, in Thai and English, keyed by indicator code (frontend locales,
// analytics.methods.goalposts): change both together.
export const GOALPOSTS: Readonly<Record<string, Goalpost>> = {
  STAFF_DIGITAL_TRAINED_PCT: {
    worst: 0,
    best: 20,
    rationale: 'National target 20 % of personnel trained (source 004).',
  },
  UNITS_WITH_DIGITAL_ACTION_PLAN_PCT: {
    worst: 0,
    best: 100,
    rationale: 'Every unit has a digital action plan (source 004).',
  },
  DIGITAL_SERVICES_PER_UNIT: { worst: 0, best: 1, rationale: 'One digital citizen service per unit (source 004).' },
  DATASETS_CONNECTED_PER_UNIT: {
    worst: 0,
    best: 1,
    rationale: 'One dataset connected to the central system per unit (source 004).',
  },
  TRAINEES_ATTENDANCE_80_PCT: {
    worst: 0,
    best: 100,
    rationale: 'A share with no published target: every participant attending 80 % scores 100.',
  },
  DIGITAL_POSITIONS_PCT: {
    worst: 0,
    best: 2,
    rationale:
      'No published target. Planning assumption: 2 % of positions (one in fifty), about 3.5 × the 0.58 % civil-service baseline of source 004.',
  },
  DIGITAL_BUDGET_PCT: {
    worst: 0,
    best: 10,
    rationale: 'No published target. Planning assumption: 10 % of the annual expenditure budget.',
  },
  INCIDENT_RESPONSE_PLAN_PCT: {
    worst: 0,
    best: 100,
    rationale: 'Every unit has a cyber incident response plan (product default target).',
  },
  BACKUP_DRILL_PCT: {
    worst: 0,
    best: 100,
    rationale: 'Every unit rehearses backup and recovery each year (product default target).',
  },
  OPEN_DATASETS_PER_UNIT: {
    worst: 0,
    best: 5,
    rationale: 'No published target. Planning assumption: five open datasets per unit.',
  },
  DGA_PLATFORM_UNITS_PCT: {
    worst: 0,
    best: 100,
    rationale: "A share with no target (use is voluntary): every unit on DGA's platform scores 100.",
  },
};

export function goalpostScore(value: number | null, g: Goalpost): number | null {
  if (value === null || g.best === g.worst) return null;
  const score = (100 * (value - g.worst)) / (g.best - g.worst);
  return Math.min(100, Math.max(0, score));
}

export interface IndexIndicator {
  code: string;
  pillarCode: string;
  goalpost: Goalpost;
}

export interface PillarDefinition {
  code: string;
  /** Normalised: the weights of all pillars sum to 1. */
  weight: number;
  indicatorCodes: string[];
}

/**
 * Pillars in the given order, with normalised weights. `weights` are relative (any non-negative numbers);
 * a pillar not named keeps the default relative weight 1. Throws a RangeError on unknown or bad weights.
 */
/** Relative weights are shares; a weight a thousand times another is already a one-pillar index. */
export const MAX_RELATIVE_WEIGHT = 1000;

export function pillarDefinitions(
  indicators: IndexIndicator[],
  pillarOrder: string[],
  weights: Array<{ pillarCode: string; weight: number }> = [],
): PillarDefinition[] {
  const codes = pillarOrder.filter((p) => indicators.some((i) => i.pillarCode === p));
  const relative = new Map(codes.map((c) => [c, 1]));
  for (const w of weights) {
    if (!relative.has(w.pillarCode))
      throw new RangeError(`Unknown pillar ${w.pillarCode}; pillars are ${codes.join(', ')}`);
    if (!Number.isFinite(w.weight) || w.weight < 0 || w.weight > MAX_RELATIVE_WEIGHT) {
      throw new RangeError(`Weight of ${w.pillarCode} must be a number from 0 to ${MAX_RELATIVE_WEIGHT}`);
    }
    relative.set(w.pillarCode, w.weight);
  }
  const total = [...relative.values()].reduce((s, w) => s + w, 0);
  if (total <= 0) throw new RangeError('At least one pillar needs a weight above 0');
  return codes.map((code) => ({
    code,
    weight: relative.get(code)! / total,
    indicatorCodes: indicators.filter((i) => i.pillarCode === code).map((i) => i.code),
  }));
}

export interface PillarScore {
  code: string;
  weight: number;
  /** 0–100, null when none of its indicators has a value. */
  score: number | null;
  /** weight × score: the points of the index this pillar gives; the contributions sum to the index. */
  contribution: number | null;
  indicators: Array<{ code: string; value: number | null; score: number | null }>;
}

export interface IndexScore {
  index: number | null;
  pillars: PillarScore[];
}

export function compositeIndex(
  pillars: PillarDefinition[],
  goalposts: ReadonlyMap<string, Goalpost>,
  values: ReadonlyMap<string, number | null>,
): IndexScore {
  const scored = pillars.map((p): PillarScore => {
    const indicators = p.indicatorCodes.map((code) => {
      const value = values.get(code) ?? null;
      return { code, value, score: goalpostScore(value, goalposts.get(code)!) };
    });
    const present = indicators.map((i) => i.score).filter((s): s is number => s !== null);
    const score = present.length > 0 ? present.reduce((s, x) => s + x, 0) / present.length : null;
    return {
      code: p.code,
      weight: p.weight,
      score,
      contribution: score === null ? null : p.weight * score,
      indicators,
    };
  });
  const complete = scored.every((p) => p.weight === 0 || p.score !== null);
  const index = complete ? scored.reduce((s, p) => s + (p.contribution ?? 0), 0) : null;
  return { index, pillars: scored };
}

/**
 * Standard competition ranking ("1224"): higher is better, ties share a rank, nulls are not ranked.
 * Returns the rank of each input in input order.
 */
export function competitionRanks(values: Array<number | null>, higherIsBetter = true): Array<number | null> {
  const sign = higherIsBetter ? 1 : -1;
  return values.map((v) => {
    if (v === null) return null;
    return 1 + values.filter((o) => o !== null && sign * (o - v) > 0).length;
  });
}
