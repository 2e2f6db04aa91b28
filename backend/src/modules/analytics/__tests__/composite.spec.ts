import { competitionRanks, compositeIndex, goalpostScore, pillarDefinitions, type Goalpost } from '../composite.js';

const g = (worst: number, best: number): Goalpost => ({ worst, best, rationale: 'test' });

describe('goalpostScore', () => {
  it('scores linearly between fixed goalposts and clamps outside them', () => {
    expect(goalpostScore(10, g(0, 20))).toBe(50);
    expect(goalpostScore(25, g(0, 20))).toBe(100);
    expect(goalpostScore(-1, g(0, 20))).toBe(0);
    expect(goalpostScore(null, g(0, 20))).toBeNull();
  });

  it('reads goalposts the other way round when lower is better', () => {
    expect(goalpostScore(2.5, g(10, 0))).toBe(75);
  });
});

describe('pillarDefinitions', () => {
  const indicators = [
    { code: 'a1', pillarCode: 'A', goalpost: g(0, 100) },
    { code: 'a2', pillarCode: 'A', goalpost: g(0, 10) },
    { code: 'b1', pillarCode: 'B', goalpost: g(0, 1) },
    { code: 'c1', pillarCode: 'C', goalpost: g(0, 1) },
  ];

  it('weighs pillars equally by default, in the given order, leaving out pillars without indicators', () => {
    const p = pillarDefinitions(indicators, ['C', 'X', 'A', 'B']);
    expect(p.map((x) => [x.code, x.weight])).toEqual([
      ['C', 1 / 3],
      ['A', 1 / 3],
      ['B', 1 / 3],
    ]);
    expect(p[1].indicatorCodes).toEqual(['a1', 'a2']);
  });

  it('normalises relative weights, unnamed pillars keeping 1', () => {
    const p = pillarDefinitions(indicators, ['A', 'B', 'C'], [{ pillarCode: 'A', weight: 2 }]);
    expect(p.map((x) => x.weight)).toEqual([0.5, 0.25, 0.25]);
  });

  it('refuses unknown pillars, negative weights and all-zero weights', () => {
    expect(() => pillarDefinitions(indicators, ['A', 'B', 'C'], [{ pillarCode: 'Z', weight: 1 }])).toThrow(RangeError);
    expect(() => pillarDefinitions(indicators, ['A', 'B', 'C'], [{ pillarCode: 'A', weight: -1 }])).toThrow(RangeError);
    expect(() =>
      pillarDefinitions(
        indicators,
        ['A', 'B', 'C'],
        ['A', 'B', 'C'].map((c) => ({ pillarCode: c, weight: 0 })),
      ),
    ).toThrow(RangeError);
  });
});

describe('compositeIndex', () => {
  const indicators = [
    { code: 'a1', pillarCode: 'A', goalpost: g(0, 100) },
    { code: 'a2', pillarCode: 'A', goalpost: g(0, 10) },
    { code: 'b1', pillarCode: 'B', goalpost: g(0, 1) },
  ];
  const goalposts = new Map(indicators.map((i) => [i.code, i.goalpost]));
  const pillars = pillarDefinitions(indicators, ['A', 'B']);

  it('averages indicator scores into pillars and weights pillars into the index, contributions summing to it', () => {
    // A = mean(50, 100) = 75; B = 25; index = 0.5 × 75 + 0.5 × 25 = 50.
    const r = compositeIndex(
      pillars,
      goalposts,
      new Map([
        ['a1', 50],
        ['a2', 10],
        ['b1', 0.25],
      ]),
    );
    expect(r.pillars.map((p) => [p.code, p.score, p.contribution])).toEqual([
      ['A', 75, 37.5],
      ['B', 25, 12.5],
    ]);
    expect(r.index).toBe(50);
  });

  it('averages only the indicators with a value, and leaves the index empty when a pillar has none', () => {
    expect(
      compositeIndex(
        pillars,
        goalposts,
        new Map([
          ['a1', 50],
          ['a2', null],
          ['b1', 0.25],
        ]),
      ).index,
    ).toBe(37.5);
    const r = compositeIndex(
      pillars,
      goalposts,
      new Map([
        ['a1', 50],
        ['a2', 10],
        ['b1', null],
      ]),
    );
    expect(r.index).toBeNull();
    expect(r.pillars[0].score).toBe(75);
  });
});

describe('competitionRanks', () => {
  it('ranks highest first with shared ranks for ties and no rank for missing values', () => {
    expect(competitionRanks([10, 20, 20, null, 5])).toEqual([3, 1, 1, null, 4]);
  });

  it('ranks lowest first when lower is better', () => {
    expect(competitionRanks([10, 20, 5], false)).toEqual([2, 3, 1]);
  });
});
