/**
 * A value far from its unit's own recent history, or from its peers when it has none, is flagged for the
 * officer to confirm; it never blocks saving. Median and MAD rather than mean and SD: one bad past
 * quarter must not hide the next.
 */
export interface OutlierContext {
  /** The unit's own values for the same figure in recent quarters. */
  history: number[];
  /** Peers' (same region, same type of organization) range in the previous quarter, when known. */
  peers: { low: number; high: number } | null;
}

export interface OutlierVerdict {
  outlier: boolean;
  expectedLow: number | null;
  expectedHigh: number | null;
  basis: 'HISTORY' | 'PEERS' | null;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function judgeValue(value: number, ctx: OutlierContext): OutlierVerdict {
  if (ctx.history.length > 0) {
    const med = median(ctx.history);
    const mad = median(ctx.history.map((x) => Math.abs(x - med)));
    // At least ±50 % of the usual level (and ±2 for small counts), wider when the history itself varies.
    const spread = Math.max(3 * 1.4826 * mad, 0.5 * Math.abs(med), 2);
    // Never below or above what the unit itself has already reported.
    const low = Math.max(0, Math.min(med - spread, ...ctx.history));
    const high = Math.max(med + spread, ...ctx.history);
    return { outlier: value < low || value > high, expectedLow: low, expectedHigh: high, basis: 'HISTORY' };
  }
  if (ctx.peers) {
    const low = ctx.peers.low / 2;
    const high = Math.max(ctx.peers.high * 2, 2);
    return { outlier: value < low || value > high, expectedLow: low, expectedHigh: high, basis: 'PEERS' };
  }
  return { outlier: false, expectedLow: null, expectedHigh: null, basis: null };
}
