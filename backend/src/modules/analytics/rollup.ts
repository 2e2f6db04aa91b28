/**
 * Roll-up rules for indicators. Rates are ratios of sums: Σ numerator / Σ denominator × multiplier.
 * Averaging units' own ratios would weight a 10-person office like a 1,000-person one.
 */
export type Aggregation = 'RATIO' | 'SUM' | 'AVERAGE' | 'LATEST';

export interface UnitFigures {
  numerator: number | null;
  denominator: number | null;
}

export interface RolledUp {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  units: number;
}

export function rollUp(aggregation: Aggregation, multiplier: number, units: UnitFigures[]): RolledUp {
  const withNumerator = units.filter((u) => u.numerator !== null);
  const numerator = withNumerator.length > 0 ? withNumerator.reduce((s, u) => s + (u.numerator as number), 0) : null;
  switch (aggregation) {
    case 'RATIO': {
      // Only units that reported both figures enter the ratio.
      const complete = units.filter((u) => u.numerator !== null && u.denominator !== null);
      const n = complete.reduce((s, u) => s + (u.numerator as number), 0);
      const d = complete.reduce((s, u) => s + (u.denominator as number), 0);
      return { value: d > 0 ? (n / d) * multiplier : null, numerator: n, denominator: d, units: complete.length };
    }
    case 'SUM':
    case 'LATEST':
      return {
        value: numerator === null ? null : numerator * multiplier,
        numerator,
        denominator: null,
        units: withNumerator.length,
      };
    case 'AVERAGE':
      return {
        value: numerator === null ? null : (numerator / withNumerator.length) * multiplier,
        numerator,
        denominator: withNumerator.length,
        units: withNumerator.length,
      };
    default: {
      const never: never = aggregation;
      throw new Error(`Unknown aggregation ${String(never)}`);
    }
  }
}

/** The indicator's value from sums already taken over units (as SQL returns them). */
export function valueFromSums(
  aggregation: Aggregation,
  multiplier: number,
  sums: { numerator: number | null; denominator: number | null; units: number },
): number | null {
  if (sums.numerator === null) return null;
  switch (aggregation) {
    case 'RATIO':
      return sums.denominator ? (sums.numerator / sums.denominator) * multiplier : null;
    case 'SUM':
    case 'LATEST':
      return sums.numerator * multiplier;
    case 'AVERAGE':
      return sums.units > 0 ? (sums.numerator / sums.units) * multiplier : null;
    default: {
      const never: never = aggregation;
      throw new Error(`Unknown aggregation ${String(never)}`);
    }
  }
}
