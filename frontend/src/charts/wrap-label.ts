/**
 * Line-wraps chart labels before they reach the canvas.
 *
 * Thai is written without spaces between words, and ECharts' own wrapping
 * either breaks only at spaces ('break': Thai lines overflow) or anywhere
 * ('breakAll': it can split a word, even a vowel mark from its consonant).
 * Intl.Segmenter knows Thai word boundaries, so lines are filled word by word.
 */

// Above/below vowels and tone marks take no horizontal space of their own.
const THAI_NON_SPACING = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/g;

/** Approximate width in characters: Thai combining marks do not count. */
export function visualLength(text: string): number {
  return text.replace(THAI_NON_SPACING, '').length;
}

function segmentWords(text: string, locale: string): string[] {
  if (typeof Intl.Segmenter === 'function') {
    return Array.from(new Intl.Segmenter(locale, { granularity: 'word' }).segment(text), (s) => s.segment);
  }
  return text.split(/(\s+)/).filter((part) => part !== '');
}

/**
 * Returns `text` with "\n" inserted so that no line is wider than
 * `maxChars`, except a single word that is wider on its own.
 */
export function wrapLabel(text: string, maxChars: number, locale: string): string {
  if (visualLength(text) <= maxChars) return text;
  const lines: string[] = [];
  let line = '';
  for (const word of segmentWords(text, locale)) {
    if (line !== '' && visualLength(line + word) > maxChars) {
      lines.push(line.trimEnd());
      line = word.trimStart();
    } else {
      line += word;
    }
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines.join('\n');
}
