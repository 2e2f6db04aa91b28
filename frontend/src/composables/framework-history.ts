import type { FrameworkChange } from '@/api/framework';

/** What a framework change was about, read from the audit record the server writes (framework-admin.service.ts). */
export interface FrameworkChangeSummary {
  kind: 'indicator' | 'target' | 'recommendation' | 'other';
  /** The indicator or recommendation code; for a target, the indicator's. */
  code: string;
  /** A target's province (or TH) and fiscal year (B.E.). */
  orgUnitCode: string | null;
  fiscalYear: number | null;
  change: 'created' | 'updated' | 'removed';
  /** A target's value before and after (null: none). */
  before: number | null;
  after: number | null;
}

const WHAT = /^(indicator|recommendation) (\S+)$|^target (\S+) (\S+) FY(\d{4})$/;

function numberOrNull(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export function summarizeFrameworkChange(
  event: Pick<FrameworkChange, 'oldValue' | 'newValue'>,
): FrameworkChangeSummary {
  const next = (event.newValue ?? {}) as Record<string, unknown>;
  const old = (event.oldValue ?? null) as Record<string, unknown> | null;
  const what = typeof next.what === 'string' ? next.what : '';
  const m = WHAT.exec(what);
  if (m?.[3]) {
    const before = numberOrNull(old?.value);
    const after = numberOrNull(next.value);
    return {
      kind: 'target',
      code: m[3],
      orgUnitCode: m[4]!,
      fiscalYear: Number(m[5]),
      change: old === null ? 'created' : after === null ? 'removed' : 'updated',
      before,
      after,
    };
  }
  const kind = m?.[1] === 'indicator' || m?.[1] === 'recommendation' ? m[1] : 'other';
  return {
    kind,
    code: m?.[2] ?? what,
    orgUnitCode: null,
    fiscalYear: null,
    change: old === null ? 'created' : 'updated',
    before: null,
    after: null,
  };
}
