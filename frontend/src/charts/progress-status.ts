import type { ProgressStatus } from '@/api/analytics-types';

export interface StatusStyle {
  /** Text and border colour (contrast at least 4.5:1 on `background`). */
  color: string;
  background: string;
  /** A shape beside the word, so that the status does not rest on colour alone. */
  symbol: string;
}

/** Open SDG's traffic-light palette, darkened for text contrast. */
export const STATUS_STYLES: Record<ProgressStatus, StatusStyle> = {
  ACHIEVED: { color: '#0b5323', background: '#d3f0dc', symbol: '★' },
  ON_TRACK: { color: '#1e6b34', background: '#e6f4ea', symbol: '▲' },
  ACCELERATION_NEEDED: { color: '#6b4a00', background: '#fff1c2', symbol: '►' },
  LIMITED_PROGRESS: { color: '#8a3b00', background: '#ffe2cc', symbol: '▼' },
  DETERIORATION: { color: '#8a1c1c', background: '#fdd9d7', symbol: '✕' },
  INSUFFICIENT_DATA: { color: '#3e4c59', background: '#e4e7eb', symbol: '?' },
  NO_TARGET: { color: '#3e4c59', background: '#eef1f4', symbol: '–' },
};

/** Worst first, for lists that put what needs attention on top; no status last. */
export const STATUS_ATTENTION_ORDER: readonly ProgressStatus[] = [
  'DETERIORATION',
  'LIMITED_PROGRESS',
  'ACCELERATION_NEEDED',
  'ON_TRACK',
  'ACHIEVED',
  'INSUFFICIENT_DATA',
  'NO_TARGET',
];

/** Counts per status, in attention order, leaving out statuses with none. */
export function statusCounts(statuses: readonly ProgressStatus[]): Array<{ status: ProgressStatus; count: number }> {
  return STATUS_ATTENTION_ORDER.map((status) => ({
    status,
    count: statuses.filter((s) => s === status).length,
  })).filter((c) => c.count > 0);
}
