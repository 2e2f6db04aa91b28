/**
 * Statistics for shares of respondents (obstacle prevalence). Pure functions, unit-tested by hand.
 */

/** Two-sided 95 %: the 0.975 quantile of the standard normal distribution. */
export const Z_95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

/**
 * Wilson score interval for a proportion of `count` out of `n` (Wilson 1927). Chosen over the textbook
 * Wald interval p ± z·√(p(1−p)/n) because that one collapses to zero width at 0 or n and covers badly for
 * small n or extreme p, exactly the shares of 76 or 77 provinces this product shows. Proportions in 0–1.
 */
export function wilsonInterval(count: number, n: number, z = Z_95): Interval | null {
  if (n <= 0 || count < 0 || count > n) return null;
  const p = count / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // Clamp float noise: the interval always lies in [0, 1] and contains p.
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Respondents below which a share is flagged as too small to read on its own. */
export const SMALL_SAMPLE_MIN_RESPONDENTS = 30;
/** Expected counts (n·p and n·(1−p)) below which the normal approximation behind ± intervals is poor. */
export const SMALL_SAMPLE_MIN_EXPECTED = 5;

/**
 * Stable code of SMALL_SAMPLE_RULE, naming its thresholds. Clients word the rule themselves, keyed by the code:
 * give it a new code whenever the rule changes.
 */
export enum SmallSampleRuleCode {
  RESPONDENTS_30_EXPECTED_5 = 'RESPONDENTS_30_EXPECTED_5',
}

export const SMALL_SAMPLE_RULE_CODE = SmallSampleRuleCode.RESPONDENTS_30_EXPECTED_5;

export const SMALL_SAMPLE_RULE =
  `smallSample is true when fewer than ${SMALL_SAMPLE_MIN_RESPONDENTS} respondents answered, or when fewer than ` +
  `${SMALL_SAMPLE_MIN_EXPECTED} cited the obstacle or fewer than ${SMALL_SAMPLE_MIN_EXPECTED} did not (n·p < 5 or n·(1−p) < 5). ` +
  'The Wilson interval is still given; read such a share with its interval, not alone.';

/**
 * The usual rule of thumb for reading a share of n respondents: n ≥ 30 and at least 5 on each side
 * (n·p ≥ 5 and n·(1−p) ≥ 5). A province answering for itself (n = 1) is always a small sample.
 */
export function isSmallSample(count: number, n: number): boolean {
  return n < SMALL_SAMPLE_MIN_RESPONDENTS || count < SMALL_SAMPLE_MIN_EXPECTED || n - count < SMALL_SAMPLE_MIN_EXPECTED;
}

export interface ShareEstimate {
  count: number;
  respondents: number;
  /** 0–100, unrounded; null without respondents. */
  percentage: number | null;
  /** 95 % Wilson score interval in percent. */
  ciLow: number | null;
  ciHigh: number | null;
  smallSample: boolean;
}

export function shareEstimate(count: number, respondents: number): ShareEstimate {
  const ci = wilsonInterval(count, respondents);
  return {
    count,
    respondents,
    percentage: respondents > 0 ? (100 * count) / respondents : null,
    ciLow: ci ? 100 * ci.low : null,
    ciHigh: ci ? 100 * ci.high : null,
    smallSample: isSmallSample(count, respondents),
  };
}
