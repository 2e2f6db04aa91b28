import type { TargetRow } from './analytics.repository.js';
import type { CalendarQuarter } from './calendar.js';
import type { ProgressTargetModel } from './dto/common.model.js';
import { targetTime } from './progress.js';

/**
 * Targets by indicator, org unit and fiscal year. The target of a scope is its own when it has one
 * (provinces do in the demo data), otherwise the national target: a region, or a province without a target
 * of its own, is held to the nation's.
 */
export class TargetBook {
  private readonly own = new Map<string, TargetRow>();
  private readonly national = new Map<string, TargetRow>();

  constructor(rows: TargetRow[]) {
    for (const r of rows) {
      if (r.national) this.national.set(`${r.indicator_id}:${r.fiscal_year}`, r);
      this.own.set(`${r.indicator_id}:${r.org_unit_id}:${r.fiscal_year}`, r);
    }
  }

  /** The target for the quarter's fiscal year, with the quarter's milestone. */
  for(indicatorId: number, orgUnitId: number, quarter: CalendarQuarter): ProgressTargetModel | null {
    const row =
      this.own.get(`${indicatorId}:${orgUnitId}:${quarter.fiscalYear}`) ??
      this.national.get(`${indicatorId}:${quarter.fiscalYear}`);
    if (!row) return null;
    const milestone = row.milestones[quarter.quarter - 1];
    return {
      value: Number(row.value),
      fiscalYear: row.fiscal_year,
      orgUnitCode: row.org_unit_code,
      milestone: milestone === null || milestone === undefined ? null : Number(milestone),
      t: targetTime(row.fiscal_year),
    };
  }
}
