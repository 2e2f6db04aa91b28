import { describe, expect, it } from 'vitest';
import { PROGRESS_STATUSES } from '@/api/analytics-types';
import { STATUS_ATTENTION_ORDER, STATUS_STYLES, statusCounts } from '../progress-status';

describe('progress status presentation', () => {
  it('styles every status with a shape as well as a colour', () => {
    for (const status of PROGRESS_STATUSES) expect(STATUS_STYLES[status].symbol).not.toBe('');
    expect(new Set(PROGRESS_STATUSES.map((s) => STATUS_STYLES[s].symbol)).size).toBe(PROGRESS_STATUSES.length);
    expect([...STATUS_ATTENTION_ORDER].sort()).toEqual([...PROGRESS_STATUSES].sort());
  });

  it('counts statuses worst first, leaving out those with none', () => {
    expect(statusCounts(['ON_TRACK', 'DETERIORATION', 'NO_TARGET', 'ON_TRACK'])).toEqual([
      { status: 'DETERIORATION', count: 1 },
      { status: 'ON_TRACK', count: 2 },
      { status: 'NO_TARGET', count: 1 },
    ]);
  });
});
