import { columnLabel, columnLetter, type TemplateColumn, type TemplateLayout } from './layout.js';
import { cellText, cleanSpaces, type CellValue } from './normalize.js';
import { problem, type Problem } from './problems.js';

/** Lower case, NFKC (Thai SARA AM and NIKHAHIT+SARA AA compare equal), one space between words. */
function fold(s: string): string {
  return cleanSpaces(s)
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .replace(/\s*\/\s*/g, ' / ')
    .trim()
    .toLowerCase();
}

const TAG = /\[\s*([^[\]]+?)\s*\]$/;

/**
 * Which template column a header cell names. The [TAG] at the end decides; the text before it may
 * differ in spacing or wording. Without a tag, the Thai, English or "Thai / English" text must match.
 */
export function identifyHeader(text: string, layout: TemplateLayout): TemplateColumn | null {
  const folded = fold(text);
  if (folded === '') return null;
  if ((folded.match(/\[/g) ?? []).length > 1) return null;
  const tag = TAG.exec(folded);
  if (tag) return layout.columns.find((c) => c.tag.toLowerCase() === tag[1]) ?? null;
  return (
    layout.columns.find((c) =>
      [`${c.headerTh} / ${c.headerEn}`, c.headerTh, c.headerEn, c.key, c.tag].some((name) => fold(name) === folded),
    ) ?? null
  );
}

function quote(s: string): string {
  return `"${s.length > 80 ? `${s.slice(0, 80)}…` : s}"`;
}

/**
 * Checks row 1 against the layout: every column present once, nothing else, in the template's order.
 * Returns every problem found (all of them end the read: without a trusted header no value can be placed).
 */
export function checkHeader(cells: CellValue[], rowNumber: number, layout: TemplateLayout): Problem[] {
  const expected = layout.columns;
  if (rowNumber !== 1) {
    return [
      problem(
        'MISSING_HEADER',
        `Row 1 must hold the column headers of the template, but it is empty. Delete any rows above the headers.`,
        1,
      ),
    ];
  }
  const texts = Array.from(cells, (v) => cellText(v ?? null) ?? ''); // dense: a missing cell is an empty header
  let width = texts.length;
  while (width > 0 && texts[width - 1] === '') width--;
  const found = texts.slice(0, width).map((text, i) => ({ i, text, column: identifyHeader(text, layout) }));
  if (!found.some((f) => f.column)) {
    return [
      problem(
        'MISSING_HEADER',
        'Row 1 does not hold the template headers (such as "' +
          expected[0].header +
          '"). Use the template downloaded for this quarter; if you saved a CSV, save it as "CSV UTF-8 (comma delimited)".',
        1,
      ),
    ];
  }

  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  const unknown: typeof found = [];
  for (const f of found) {
    if (!f.column) unknown.push(f);
    else if (seen.has(f.column.key)) {
      problems.push(
        problem(
          'DUPLICATE_COLUMN',
          `Column ${columnLetter(f.i + 1)} repeats the column already in column ${columnLetter(seen.get(f.column.key)! + 1)}. Keep one of them and delete the other.`,
          1,
          columnLabel(f.i + 1, f.column.header),
        ),
      );
    } else seen.set(f.column.key, f.i);
  }
  const missing = new Set(expected.filter((c) => !seen.has(c.key)).map((c) => c.key));
  for (const f of unknown) {
    const here = expected[f.i];
    const label = columnLabel(f.i + 1, f.text || '(no header)');
    if (here && missing.has(here.key)) {
      // Something unknown sits where a missing column belongs: almost always a renamed header.
      missing.delete(here.key);
      const what = f.text ? `holds the header ${quote(f.text)}, which is not a template column` : 'has no header';
      problems.push(
        problem(
          'UNKNOWN_COLUMN',
          `Column ${columnLetter(f.i + 1)} ${what}; the template has ${quote(here.header)} here. Restore the header exactly as in the template.`,
          1,
          label,
        ),
      );
    } else {
      const what = f.text ? `holds the header ${quote(f.text)}, which is not a template column` : 'has no header';
      problems.push(
        problem(
          'UNKNOWN_COLUMN',
          `Column ${columnLetter(f.i + 1)} ${what}. Delete the column; the template's columns end at column ${columnLetter(expected.length)}.`,
          1,
          label,
        ),
      );
    }
  }
  for (const c of expected) {
    if (!missing.has(c.key)) continue;
    const at = expected.indexOf(c) + 1;
    problems.push(
      problem(
        'MISSING_COLUMN',
        `The column ${quote(c.header)} is missing; the template has it in column ${columnLetter(at)}. Add it back with its header.`,
        1,
        columnLabel(at, c.header),
      ),
    );
  }
  if (problems.length > 0) return problems;

  // Every column is there exactly once: any remaining difference is the order.
  found.forEach((f, i) => {
    if (f.column!.key !== expected[i].key) {
      problems.push(
        problem(
          'COLUMN_ORDER',
          `Column ${columnLetter(i + 1)} holds ${quote(f.column!.header)}, but the template has ${quote(expected[i].header)} there. Put the columns back in the template's order.`,
          1,
          columnLabel(i + 1, f.column!.header),
        ),
      );
    }
  });
  return problems;
}
