import { rollUp, valueFromSums } from '../rollup.js';

describe('rollUp', () => {
  it('takes the ratio of sums for rates, not the average of the units ratios', () => {
    // A 10-person office that trained 5 (50 %) and a 990-person office that trained 99 (10 %).
    const units = [
      { numerator: 5, denominator: 10 },
      { numerator: 99, denominator: 990 },
    ];
    const r = rollUp('RATIO', 100, units);
    expect(r.value).toBeCloseTo(10.4, 10); // 104 / 1000
    const averageOfRatios = (50 + 10) / 2;
    expect(r.value).not.toBeCloseTo(averageOfRatios, 1);
    expect(r).toMatchObject({ numerator: 104, denominator: 1000, units: 2 });
  });

  it('leaves out units that reported only one side of a ratio', () => {
    const r = rollUp('RATIO', 1, [
      { numerator: 3, denominator: 4 },
      { numerator: 7, denominator: null },
    ]);
    expect(r).toMatchObject({ value: 0.75, units: 1 });
  });

  it('has no value when the denominator sums to zero', () => {
    expect(rollUp('RATIO', 100, [{ numerator: 0, denominator: 0 }]).value).toBeNull();
  });

  it('sums, averages and takes the latest as the indicator defines', () => {
    const units = [
      { numerator: 2, denominator: null },
      { numerator: 4, denominator: null },
      { numerator: null, denominator: null },
    ];
    expect(rollUp('SUM', 1, units).value).toBe(6);
    expect(rollUp('AVERAGE', 1, units).value).toBe(3);
    expect(rollUp('LATEST', 1, units).value).toBe(6);
  });

  it('gives the same value from sums as from the units', () => {
    const units = [
      { numerator: 12, denominator: 40 },
      { numerator: 3, denominator: 60 },
    ];
    const r = rollUp('RATIO', 100, units);
    expect(valueFromSums('RATIO', 100, { numerator: 15, denominator: 100, units: 2 })).toBeCloseTo(
      r.value as number,
      12,
    );
    expect(valueFromSums('AVERAGE', 1, { numerator: 15, denominator: null, units: 2 })).toBe(7.5);
    expect(valueFromSums('SUM', 1, { numerator: null, denominator: null, units: 0 })).toBeNull();
  });
});
