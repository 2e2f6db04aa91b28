import { indicatorGap, obstacleWeight, recommendationPriority } from '../priority.js';

describe('recommendationPriority', () => {
  it('weighs an obstacle by prevalence × mean severity / 5', () => {
    expect(obstacleWeight({ prevalence: 0.6, meanSeverity: 4 })).toBeCloseTo(0.48, 12);
    expect(obstacleWeight({ prevalence: 0, meanSeverity: null })).toBe(0);
  });

  it('measures how far behind an indicator is against its target, else against its goalpost score', () => {
    expect(indicatorGap(80, 10)).toBeCloseTo(0.2, 12);
    expect(indicatorGap(120, null)).toBe(0);
    expect(indicatorGap(null, 30)).toBeCloseTo(0.7, 12);
    expect(indicatorGap(null, null)).toBeNull();
  });

  it('adds the largest obstacle weight and the largest indicator gap', () => {
    const p = recommendationPriority(
      [
        { prevalence: 0.6, meanSeverity: 4 },
        { prevalence: 0.2, meanSeverity: 2.5 },
      ],
      [0.2, null, 0.05],
    );
    expect(p.obstacleScore).toBeCloseTo(0.48, 12);
    expect(p.indicatorGap).toBeCloseTo(0.2, 12);
    expect(p.priority).toBeCloseTo(0.68, 12);
    expect(recommendationPriority([], [])).toEqual({ obstacleScore: 0, indicatorGap: 0, priority: 0 });
  });
});
