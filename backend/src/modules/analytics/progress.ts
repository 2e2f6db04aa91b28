/**
 * Progress toward a target by Open SDG's method (Statistics Canada), applied to quarters through fractional
 * years. Pure functions: every number the status rests on is returned so the dashboard can explain it.
 *
 *   t          = fiscal year + quarter / 4            (the end of the quarter: Q4 ends at fiscal year + 1)
 *   t_target   = target's fiscal year + 1             (the end of that fiscal year)
 *   CAGRo      = (current / base)^(1 / (t_current − t_base)) − 1
 *   CAGRr      = (target / base)^(1 / (t_target − t_base)) − 1
 *   R          = direction × CAGRo / |CAGRr|
 *
 * Order of the rules: no current value → INSUFFICIENT_DATA; target met now → ACHIEVED (whatever the trend);
 * no target → NO_TARGET (CAGRo is still given); fewer than two data points → INSUFFICIENT_DATA; then R.
 */

export enum ProgressStatus {
  ACHIEVED = 'ACHIEVED',
  ON_TRACK = 'ON_TRACK',
  ACCELERATION_NEEDED = 'ACCELERATION_NEEDED',
  LIMITED_PROGRESS = 'LIMITED_PROGRESS',
  DETERIORATION = 'DETERIORATION',
  INSUFFICIENT_DATA = 'INSUFFICIENT_DATA',
  NO_TARGET = 'NO_TARGET',
}

export enum GrowthMethod {
  /** Compound annual growth, Open SDG's method. */
  COMPOUND = 'COMPOUND',
  /** Change per year in the indicator's unit: used when compound growth is undefined (a zero base). */
  LINEAR = 'LINEAR',
}

/** Open SDG's thresholds for R when a quantitative target exists. */
export const ON_TRACK_RATIO = 0.95;
export const ACCELERATION_RATIO = 0.6;

export const ZERO_BASE_RULE =
  'Compound growth from a zero base is undefined ((current / 0)^(1/Δt)), and Open SDG then gives no status. ' +
  'Here the observed and the required rates are both taken as linear rates, (value − base) / Δt in the ' +
  "indicator's unit per year, and R compares them as before: R = direction × linear observed / |linear required|. " +
  'The base stays the quarter asked for, so quarters at zero are not hidden by moving the base forward.';

export interface TimedValue {
  /** Fractional year, see quarterTime and targetTime. */
  t: number;
  value: number;
}

export interface ProgressInput {
  /** 1 when higher is better, −1 when lower is better. */
  direction: number;
  base: TimedValue | null;
  current: TimedValue | null;
  target: TimedValue | null;
}

export interface ProgressResult {
  status: ProgressStatus;
  /** Per year: a fraction (0.05 = 5 %) for COMPOUND, the indicator's unit for LINEAR. */
  observedGrowth: number | null;
  requiredGrowth: number | null;
  ratio: number | null;
  growthMethod: GrowthMethod | null;
  achievementPct: number | null;
}

export function quarterTime(fiscalYear: number, quarter: number): number {
  return fiscalYear + quarter / 4;
}

export function targetTime(fiscalYear: number): number {
  return fiscalYear + 1;
}

export function targetMet(direction: number, current: number, target: number): boolean {
  return direction * (current - target) >= 0;
}

/**
 * How much of the target the current value reaches, in percent, not capped (120 = exceeded by a fifth).
 * Higher is better: current / target. Lower is better: target / current (halving the value toward a target
 * of half gives 100). A zero current with lower-is-better has met any target of zero or more: 100.
 */
export function achievementPct(direction: number, current: number | null, target: number | null): number | null {
  if (current === null || target === null) return null;
  if (direction >= 0) {
    if (target === 0) return current >= 0 ? 100 : null;
    return (100 * current) / target;
  }
  if (current === 0) return target >= 0 ? 100 : null;
  return (100 * target) / current;
}

export function statusForRatio(ratio: number): ProgressStatus {
  if (ratio >= ON_TRACK_RATIO) return ProgressStatus.ON_TRACK;
  if (ratio >= ACCELERATION_RATIO) return ProgressStatus.ACCELERATION_NEEDED;
  if (ratio >= 0) return ProgressStatus.LIMITED_PROGRESS;
  return ProgressStatus.DETERIORATION;
}

function compoundGrowth(from: TimedValue, to: TimedValue): number {
  return Math.pow(to.value / from.value, 1 / (to.t - from.t)) - 1;
}

function linearGrowth(from: TimedValue, to: TimedValue): number {
  return (to.value - from.value) / (to.t - from.t);
}

export function progress(input: ProgressInput): ProgressResult {
  const { direction, base, current, target } = input;
  const result: ProgressResult = {
    status: ProgressStatus.INSUFFICIENT_DATA,
    observedGrowth: null,
    requiredGrowth: null,
    ratio: null,
    growthMethod: null,
    achievementPct: achievementPct(direction, current?.value ?? null, target?.value ?? null),
  };
  if (!current) return result;

  const twoPoints = base !== null && current.t > base.t;
  if (twoPoints) {
    // Compound growth needs a positive base and non-negative values; otherwise it is undefined.
    const compound = base.value > 0 && current.value >= 0 && (target === null || target.value >= 0);
    result.growthMethod = compound ? GrowthMethod.COMPOUND : GrowthMethod.LINEAR;
    result.observedGrowth = compound ? compoundGrowth(base, current) : linearGrowth(base, current);
  }

  // The growth the target requires, and R, are given whenever they are defined, an achieved target included.
  let byRatio: ProgressStatus = ProgressStatus.INSUFFICIENT_DATA;
  if (target && twoPoints && base && target.t > base.t) {
    const required =
      result.growthMethod === GrowthMethod.COMPOUND ? compoundGrowth(base, target) : linearGrowth(base, target);
    result.requiredGrowth = required;
    if (required === 0) {
      // The base sat exactly on the target and the current value no longer meets it: it moved the wrong way.
      byRatio = ProgressStatus.DETERIORATION;
    } else {
      result.ratio = (direction * (result.observedGrowth as number)) / Math.abs(required);
      byRatio = statusForRatio(result.ratio);
    }
  }
  if (target && targetMet(direction, current.value, target.value))
    return { ...result, status: ProgressStatus.ACHIEVED };
  if (!target) return { ...result, status: ProgressStatus.NO_TARGET };
  return { ...result, status: byRatio };
}
