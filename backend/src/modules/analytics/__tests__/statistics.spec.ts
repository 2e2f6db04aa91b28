import {
  isSmallSample,
  shareEstimate,
  SMALL_SAMPLE_MIN_EXPECTED,
  SMALL_SAMPLE_MIN_RESPONDENTS,
  SMALL_SAMPLE_RULE,
  SMALL_SAMPLE_RULE_CODE,
  wilsonInterval,
  Z_95,
} from '../statistics.js';

describe('wilsonInterval', () => {
  it("matches a hand computation for DGA's 44 of 76 provinces citing staff skills", () => {
    // p = 44/76 = 0.578947; z² = 3.841459; z²/n = 0.050546
    // centre = (p + z²/2n) / (1 + z²/n) = (0.578947 + 0.025273) / 1.050546 = 0.575149
    // half   = z / (1 + z²/n) × √(p(1−p)/n + z²/4n²) = 1.865662 × √(0.0032075 + 0.0001663) = 0.108366
    const ci = wilsonInterval(44, 76)!;
    expect(ci.low).toBeCloseTo(0.466784, 5);
    expect(ci.high).toBeCloseTo(0.683514, 5);
  });

  it('does not collapse at zero: 0 of 10 gives [0, z² / (n + z²)]', () => {
    const ci = wilsonInterval(0, 10)!;
    expect(ci.low).toBe(0);
    expect(ci.high).toBeCloseTo((Z_95 * Z_95) / (10 + Z_95 * Z_95), 12);
    expect(ci.high).toBeCloseTo(0.277533, 5);
  });

  it('is symmetric: the interval of k of n mirrors that of n − k', () => {
    const a = wilsonInterval(54, 76)!;
    const b = wilsonInterval(22, 76)!;
    expect(a.low).toBeCloseTo(1 - b.high, 12);
    expect(a.high).toBeCloseTo(1 - b.low, 12);
    expect(a.low).toBeLessThan(54 / 76);
    expect(a.high).toBeGreaterThan(54 / 76);
  });

  it('has no interval without respondents or for an impossible count', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(wilsonInterval(5, 4)).toBeNull();
  });
});

describe('isSmallSample', () => {
  it('flags fewer than 30 respondents whatever the count', () => {
    expect(isSmallSample(15, 29)).toBe(true);
    expect(isSmallSample(15, 30)).toBe(false);
  });

  it('flags fewer than 5 citing or fewer than 5 not citing (n·p < 5 or n·(1−p) < 5)', () => {
    expect(isSmallSample(4, 76)).toBe(true);
    expect(isSmallSample(5, 76)).toBe(false);
    expect(isSmallSample(72, 76)).toBe(true);
    expect(isSmallSample(71, 76)).toBe(false);
  });

  it('always flags a single province answering for itself', () => {
    expect(isSmallSample(1, 1)).toBe(true);
    expect(isSmallSample(0, 1)).toBe(true);
  });
});

describe('shareEstimate', () => {
  it('gives the percentage unrounded with the interval in percent', () => {
    const s = shareEstimate(54, 76);
    expect(s.percentage).toBeCloseTo(71.0526315789, 8);
    expect(s.ciLow).toBeCloseTo(60.0404, 3);
    expect(s.ciHigh).toBeCloseTo(80.039, 3);
    expect(s.smallSample).toBe(false);
  });

  it('has no percentage without respondents', () => {
    expect(shareEstimate(0, 0)).toEqual({
      count: 0,
      respondents: 0,
      percentage: null,
      ciLow: null,
      ciHigh: null,
      smallSample: true,
    });
  });
});

describe('SMALL_SAMPLE_RULE_CODE', () => {
  it('names the thresholds the rule states, so that a changed rule needs a new code (clients translate by it)', () => {
    expect(SMALL_SAMPLE_RULE_CODE).toBe(
      `RESPONDENTS_${SMALL_SAMPLE_MIN_RESPONDENTS}_EXPECTED_${SMALL_SAMPLE_MIN_EXPECTED}`,
    );
    expect(SMALL_SAMPLE_RULE).toContain(`fewer than ${SMALL_SAMPLE_MIN_RESPONDENTS} respondents`);
  });
});
