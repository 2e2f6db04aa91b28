import {
  achievementPct,
  GrowthMethod,
  progress,
  ProgressStatus,
  quarterTime,
  statusForRatio,
  targetTime,
} from '../progress.js';

// Times: FY2565Q4 ends at 2566.00, FY2567Q4 at 2568.00; a target for FY2569 is due at 2570.00.
const BASE_T = quarterTime(2565, 4);
const CURRENT_T = quarterTime(2567, 4);
const TARGET_T = targetTime(2569);

describe('quarterTime and targetTime', () => {
  it('put a quarter at its end and a target at the end of its fiscal year', () => {
    expect(quarterTime(2569, 1)).toBe(2569.25);
    expect(quarterTime(2569, 3)).toBe(2569.75);
    expect(quarterTime(2569, 4)).toBe(2570);
    expect(targetTime(2569)).toBe(2570);
  });
});

describe('progress', () => {
  const at = (value: number, t = CURRENT_T) => ({ t, value });
  const run = (current: number, target: number | null, base = 10, direction = 1) =>
    progress({
      direction,
      base: at(base, BASE_T),
      current: at(current),
      target: target === null ? null : at(target, TARGET_T),
    });

  it('is on track when observed growth equals the required growth (R = 1)', () => {
    // 10 → 12.1 in 2 years: CAGRo = √1.21 − 1 = 0.10; 10 → 14.641 in 4 years: CAGRr = 1.4641^(1/4) − 1 = 0.10.
    const r = run(12.1, 14.641);
    expect(r.growthMethod).toBe(GrowthMethod.COMPOUND);
    expect(r.observedGrowth).toBeCloseTo(0.1, 12);
    expect(r.requiredGrowth).toBeCloseTo(0.1, 12);
    expect(r.ratio).toBeCloseTo(1, 12);
    expect(r.status).toBe(ProgressStatus.ON_TRACK);
    expect(r.achievementPct).toBeCloseTo((100 * 12.1) / 14.641, 12);
  });

  it('needs acceleration at R = 0.8, shows limited progress at R = 0.5 and deterioration below 0', () => {
    // 10 × 1.08² = 11.664 → CAGRo 0.08; 10 × 1.05² = 11.025 → 0.05; 9 → √0.9 − 1 = −0.0513.
    expect(run(11.664, 14.641)).toMatchObject({ status: ProgressStatus.ACCELERATION_NEEDED });
    expect(run(11.664, 14.641).ratio).toBeCloseTo(0.8, 12);
    expect(run(11.025, 14.641).ratio).toBeCloseTo(0.5, 12);
    expect(run(11.025, 14.641).status).toBe(ProgressStatus.LIMITED_PROGRESS);
    const worse = run(9, 14.641);
    expect(worse.observedGrowth).toBeCloseTo(Math.sqrt(0.9) - 1, 12);
    expect(worse.ratio).toBeCloseTo((Math.sqrt(0.9) - 1) / 0.1, 10);
    expect(worse.status).toBe(ProgressStatus.DETERIORATION);
  });

  it('says achieved once the target is met, whatever the trend', () => {
    expect(run(15, 14.641).status).toBe(ProgressStatus.ACHIEVED);
    expect(run(14.641, 14.641).status).toBe(ProgressStatus.ACHIEVED);
    // Met even though it fell from a base above the target.
    expect(run(16, 14.641, 20).status).toBe(ProgressStatus.ACHIEVED);
  });

  it('turns the direction round when lower is better (direction −1)', () => {
    // 40 → 32.4 in 2 years: CAGRo = √0.81 − 1 = −0.10; 40 → 26.244 (= 40 × 0.9⁴) in 4 years: CAGRr = −0.10.
    const r = run(32.4, 26.244, 40, -1);
    expect(r.observedGrowth).toBeCloseTo(-0.1, 12);
    expect(r.requiredGrowth).toBeCloseTo(-0.1, 12);
    expect(r.ratio).toBeCloseTo(1, 12); // −1 × −0.10 / |−0.10|
    expect(r.status).toBe(ProgressStatus.ON_TRACK);
    expect(r.achievementPct).toBeCloseTo(81, 10); // 26.244 / 32.4
    expect(run(44, 26.244, 40, -1).status).toBe(ProgressStatus.DETERIORATION);
    expect(run(26, 26.244, 40, -1).status).toBe(ProgressStatus.ACHIEVED);
  });

  it('uses linear rates from a zero base, where compound growth is undefined', () => {
    // 0 → 30 in 2 years: 15 a year; 0 → 100 in 4 years needs 25 a year: R = 15 / 25 = 0.6.
    const r = run(30, 100, 0);
    expect(r.growthMethod).toBe(GrowthMethod.LINEAR);
    expect(r.observedGrowth).toBe(15);
    expect(r.requiredGrowth).toBe(25);
    expect(r.ratio).toBeCloseTo(0.6, 12);
    expect(r.status).toBe(ProgressStatus.ACCELERATION_NEEDED);
    expect(run(10, 100, 0).status).toBe(ProgressStatus.LIMITED_PROGRESS); // 5 / 25 = 0.2
    expect(run(0, 100, 0).status).toBe(ProgressStatus.LIMITED_PROGRESS); // R = 0: no change
  });

  it('calls a move away from a target the base sat on deterioration', () => {
    const r = run(9, 10, 10);
    expect(r.requiredGrowth).toBe(0);
    expect(r.ratio).toBeNull();
    expect(r.status).toBe(ProgressStatus.DETERIORATION);
  });

  it('has insufficient data with fewer than two data points', () => {
    expect(progress({ direction: 1, base: at(10), current: at(12), target: at(20, TARGET_T) }).status).toBe(
      ProgressStatus.INSUFFICIENT_DATA,
    );
    expect(progress({ direction: 1, base: null, current: at(12), target: at(20, TARGET_T) }).status).toBe(
      ProgressStatus.INSUFFICIENT_DATA,
    );
    expect(progress({ direction: 1, base: at(10, BASE_T), current: null, target: at(20, TARGET_T) }).status).toBe(
      ProgressStatus.INSUFFICIENT_DATA,
    );
  });

  it('has no target status without a target, but still gives the observed growth', () => {
    const r = run(12.1, null);
    expect(r.status).toBe(ProgressStatus.NO_TARGET);
    expect(r.observedGrowth).toBeCloseTo(0.1, 12);
    expect(r.requiredGrowth).toBeNull();
    expect(r.achievementPct).toBeNull();
  });
});

describe('statusForRatio', () => {
  it("applies Open SDG's thresholds at their exact edges", () => {
    expect(statusForRatio(1.5)).toBe(ProgressStatus.ON_TRACK);
    expect(statusForRatio(0.95)).toBe(ProgressStatus.ON_TRACK);
    expect(statusForRatio(0.9499)).toBe(ProgressStatus.ACCELERATION_NEEDED);
    expect(statusForRatio(0.6)).toBe(ProgressStatus.ACCELERATION_NEEDED);
    expect(statusForRatio(0.5999)).toBe(ProgressStatus.LIMITED_PROGRESS);
    expect(statusForRatio(0)).toBe(ProgressStatus.LIMITED_PROGRESS);
    expect(statusForRatio(-0.0001)).toBe(ProgressStatus.DETERIORATION);
  });
});

describe('achievementPct', () => {
  it('is current / target when higher is better and target / current when lower is better, not capped', () => {
    expect(achievementPct(1, 15, 20)).toBe(75);
    expect(achievementPct(1, 30, 20)).toBe(150);
    expect(achievementPct(-1, 40, 20)).toBe(50);
    expect(achievementPct(-1, 0, 20)).toBe(100);
    expect(achievementPct(1, 15, null)).toBeNull();
  });
});
