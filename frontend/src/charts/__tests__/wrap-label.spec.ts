import { describe, expect, it } from 'vitest';
import { visualLength, wrapLabel } from '../wrap-label';

const THAI = 'ด้านความมั่นคงปลอดภัยของระบบเทคโนโลยีสารสนเทศและข้อมูล';

describe('wrapLabel', () => {
  it('leaves short labels alone', () => {
    expect(wrapLabel('ด้านงบประมาณ', 16, 'th')).toBe('ด้านงบประมาณ');
  });

  it('breaks English at spaces', () => {
    expect(wrapLabel('linking systems and data inside and outside the agency', 20, 'en')).toBe(
      'linking systems and\ndata inside and\noutside the agency',
    );
  });

  it('breaks Thai between words, keeps every line within the width and loses no character', () => {
    const wrapped = wrapLabel(THAI, 16, 'th');
    const lines = wrapped.split('\n');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe(THAI);
    for (const line of lines) expect(visualLength(line)).toBeLessThanOrEqual(16);
  });

  it('never starts a line with a Thai vowel or tone mark', () => {
    for (const line of wrapLabel(THAI, 10, 'th').split('\n')) {
      expect(line).not.toMatch(/^[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/);
    }
  });

  it('does not count above and below marks towards the width', () => {
    expect(visualLength('ที่')).toBe(1);
    expect(visualLength('ดิจิทัล')).toBe(4);
  });
});
