import type { FiscalQuarterDates } from '../period/fiscal-calendar.js';
import { quarterTime } from './progress.js';

/** A stored fiscal quarter: the calendar's dates plus the row id. */
export type CalendarQuarter = FiscalQuarterDates & { id: number };

/** The fiscal quarters in order, for "previous quarter", "up to" and fractional years. */
export class QuarterCalendar {
  private readonly seqById = new Map<number, number>();
  private readonly byCode = new Map<string, CalendarQuarter>();

  /** `quarters` oldest first. */
  constructor(readonly quarters: CalendarQuarter[]) {
    quarters.forEach((q, i) => {
      this.seqById.set(q.id, i);
      this.byCode.set(q.code, q);
    });
  }

  byId(id: number): CalendarQuarter {
    const seq = this.seqById.get(id);
    if (seq === undefined) throw new Error(`Unknown quarter id ${id}`);
    return this.quarters[seq];
  }

  code(code: string): CalendarQuarter | undefined {
    return this.byCode.get(code);
  }

  seq(q: CalendarQuarter): number {
    return this.seqById.get(q.id)!;
  }

  /** The quarter before, whether or not it has data; null for the first one. */
  previous(q: CalendarQuarter): CalendarQuarter | null {
    const seq = this.seq(q);
    return seq > 0 ? this.quarters[seq - 1] : null;
  }

  /** Quarters from `from` (inclusive, or the first) to `to` (inclusive), oldest first. */
  range(from: CalendarQuarter | null, to: CalendarQuarter): CalendarQuarter[] {
    return this.quarters.slice(from ? this.seq(from) : 0, this.seq(to) + 1);
  }

  /** Oldest first. */
  sort(ids: Iterable<number>): CalendarQuarter[] {
    return [...ids].map((id) => this.byId(id)).sort((a, b) => this.seq(a) - this.seq(b));
  }

  t(q: CalendarQuarter): number {
    return quarterTime(q.fiscalYear, q.quarter);
  }
}
