/**
 * Priority of a recommendation for a province. Pure functions.
 *
 *   obstacle score  = max over the recommendation's obstacle categories of prevalence × mean severity / 5
 *                     (prevalence 0–1 among the province's respondents; severity 1–5, so the score is 0–1)
 *   indicator gap   = max over its indicators of how far behind they are, 0–1:
 *                     1 − achievement / 100 against the province's target (0 once met), or, for an
 *                     indicator without a target, 1 − its goalpost score / 100 (the index's fixed goalposts)
 *   priority        = obstacle score + indicator gap (0–2)
 *
 * The maximum, not the sum, over linked obstacles and indicators: a recommendation answering one widespread,
 * severe obstacle should not rank below one loosely linked to many mild ones.
 */

/** Stable code of PRIORITY_RULE, for clients that word the rule themselves: a new code whenever the rule changes. */
export enum PriorityRuleCode {
  MAX_OBSTACLE_SCORE_PLUS_MAX_GAP_V1 = 'MAX_OBSTACLE_SCORE_PLUS_MAX_GAP_V1',
}

export const PRIORITY_RULE_CODE = PriorityRuleCode.MAX_OBSTACLE_SCORE_PLUS_MAX_GAP_V1;

export const PRIORITY_RULE =
  'priority = obstacleScore + indicatorGap (0–2). obstacleScore = max over the linked obstacle categories of ' +
  "prevalence (0–1, among the province's respondents) × mean severity (1–5) / 5. indicatorGap = max over the linked " +
  "indicators of 1 − achievement / 100 against the province's target (0 once met), or 1 − goalpost score / 100 " +
  'for an indicator without a target. A recommendation is listed when either part is above 0.';

export interface ObstacleSignal {
  /** Share of respondents citing the category, 0–1. */
  prevalence: number;
  /** Mean severity 1–5 among them; null when nobody cited it. */
  meanSeverity: number | null;
}

export function obstacleWeight(s: ObstacleSignal): number {
  return s.meanSeverity === null ? 0 : (s.prevalence * s.meanSeverity) / 5;
}

/** How far behind an indicator is, 0–1; null when it has no value. */
export function indicatorGap(achievementPct: number | null, goalpostScore: number | null): number | null {
  if (achievementPct !== null) return Math.min(1, Math.max(0, 1 - achievementPct / 100));
  if (goalpostScore !== null) return 1 - goalpostScore / 100;
  return null;
}

export interface Priority {
  obstacleScore: number;
  indicatorGap: number;
  priority: number;
}

export function recommendationPriority(obstacles: ObstacleSignal[], gaps: Array<number | null>): Priority {
  const obstacleScore = Math.max(0, ...obstacles.map(obstacleWeight));
  const gap = Math.max(0, ...gaps.filter((g): g is number => g !== null));
  return { obstacleScore, indicatorGap: gap, priority: obstacleScore + gap };
}
