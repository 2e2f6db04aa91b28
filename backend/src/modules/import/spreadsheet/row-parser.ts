import {
  columnLabel,
  columnLetter,
  SEVERITY_MAX,
  SEVERITY_MIN,
  type LayoutElement,
  type TemplateColumn,
  type TemplateLayout,
} from './layout.js';
import {
  cellText,
  parseBoolean,
  parseDateCell,
  parseNumberCell,
  thaiDigitsToAscii,
  type CellValue,
  type Parsed,
} from './normalize.js';
import { problem, type Problem, type ProblemCode } from './problems.js';
import { isBlankCell, type RawRow } from './raw-row.js';

export interface ParsedRow {
  /** Row number as the spreadsheet shows it (header = 1). */
  row: number;
  /** Trimmed, Thai digits made ASCII, upper case. */
  orgCode: string;
  /** As typed; informational, not checked against the database. */
  orgName: string | null;
  /** ISO C.E. date, e.g. '2026-12-15'. */
  asOfDate: string | null;
  /** Element code → value (BOOLEAN as 1/0); null when the cell is blank. A cell with a problem is left out. */
  values: Map<string, number | null>;
  /** Obstacle category code → severity 1–5; null when blank (not cited). A cell with a problem is left out. */
  obstacles: Map<string, number | null>;
  obstacleNote: string | null;
  evidenceUrl: string | null;
  comment: string | null;
  /** The row has at least one problem (reported before it): never save such a row. */
  hasProblems: boolean;
}

function rangeText(min: number | null, max: number | null): string {
  if (min !== null && max !== null) return min === max ? ` equal to ${min}` : ` from ${min} to ${max}`;
  if (min !== null) return ` of ${min} or more`;
  if (max !== null) return ` of ${max} or less`;
  return '';
}

function expectation(e: LayoutElement): string {
  switch (e.valueType) {
    case 'INTEGER':
      return `Enter a whole number${rangeText(e.min, e.max)}, or leave the cell blank.`;
    case 'NUMBER':
      return `Enter a number${rangeText(e.min, e.max)}, or leave the cell blank.`;
    case 'BOOLEAN':
      return 'Enter 1 (yes) or 0 (no) — ใช่/ไม่ใช่, มี/ไม่มี and yes/no are accepted too — or leave the cell blank.';
  }
}

const SEVERITY_EXPECTATION = `Enter a severity from ${SEVERITY_MIN} (minor) to ${SEVERITY_MAX} (severe), or leave the cell blank if this obstacle does not apply.`;

function isHttpUrl(s: string): boolean {
  if (/\s/.test(s)) return false;
  try {
    const url = new URL(s);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** NUL (PostgreSQL refuses it in text) or a lone UTF-16 surrogate (not a character; refused when encoded as UTF-8). */
export function hasBadCharacter(s: string): boolean {
  return s.includes('\u0000') || /[\uD800-\uDFFF]/u.test(s);
}

/** Turns raw rows into ParsedRows, keeping what must be remembered across rows (org codes seen). */
export class RowParser {
  private readonly orgCodeRows = new Map<string, number>();
  private readonly unknownColumnsReported = new Set<number>();

  constructor(private readonly layout: TemplateLayout) {}

  parse(raw: RawRow): { row: ParsedRow | null; problems: Problem[] } {
    const problems: Problem[] = [];
    const out: ParsedRow = {
      row: raw.row,
      orgCode: '',
      orgName: null,
      asOfDate: null,
      values: new Map(),
      obstacles: new Map(),
      obstacleNote: null,
      evidenceUrl: null,
      comment: null,
      hasProblems: false,
    };
    const columns = this.layout.columns;

    columns.forEach((column, i) => {
      const cell = raw.cells[i];
      const address = `${columnLetter(i + 1)}${raw.row}`;
      const report = (code: ProblemCode, message: string) =>
        problems.push(problem(code, message, raw.row, columnLabel(i + 1, column.header)));
      if (cell?.error) {
        report(
          'WRONG_TYPE',
          `Cell ${address} shows the error ${cell.error}. Replace it with a value, or leave the cell blank.`,
        );
        return;
      }
      if (typeof cell?.value === 'string' && hasBadCharacter(cell.value)) {
        report(
          'BAD_CHARACTER',
          `Cell ${address} holds a NUL character or half of a surrogate pair, which cannot be stored as text. Retype the value.`,
        );
        return;
      }
      if (cell?.formula) {
        report(
          'FORMULA',
          `Cell ${address} holds a formula; formulas are refused. Replace it with its value (Copy, then Paste Values).`,
        );
        return;
      }
      const value = cell?.value ?? null;
      if (
        typeof value === 'string' &&
        column.kind !== 'ORG_NAME' &&
        column.kind !== 'OBSTACLE_NOTE' &&
        column.kind !== 'COMMENT' &&
        /^\s*=/.test(value)
      ) {
        // A CSV edited by hand, or a formula typed as text: never evaluate, never guess its value.
        report(
          'FORMULA',
          `Cell ${address} holds the formula-like text ${JSON.stringify(value.trim().slice(0, 40))}; formulas are refused. Enter the value itself.`,
        );
        return;
      }
      this.parseCell(column, value, address, out, report);
    });

    for (let i = columns.length; i < raw.cells.length; i++) {
      if (isBlankCell(raw.cells[i]) || this.unknownColumnsReported.has(i)) continue;
      this.unknownColumnsReported.add(i);
      problems.push(
        problem(
          'UNKNOWN_COLUMN',
          `Cell ${columnLetter(i + 1)}${raw.row} holds a value in a column that is not part of the template (the template ends at column ${columnLetter(columns.length)}). Delete the values in column ${columnLetter(i + 1)}.`,
          raw.row,
          columnLetter(i + 1),
        ),
      );
    }

    if (out.orgCode !== '') {
      const first = this.orgCodeRows.get(out.orgCode);
      if (first !== undefined) {
        problems.push(
          problem(
            'DUPLICATE_ROW',
            `Organization code ${out.orgCode} appears in row ${first} and again in row ${raw.row}. Each organization must appear once; merge the two rows.`,
            raw.row,
            columnLabel(1, columns[0].header),
          ),
        );
      } else this.orgCodeRows.set(out.orgCode, raw.row);
    }
    out.hasProblems = problems.length > 0;
    return { row: out.orgCode === '' ? null : out, problems };
  }

  private parseCell(
    column: TemplateColumn,
    value: CellValue,
    address: string,
    out: ParsedRow,
    report: (code: ProblemCode, message: string) => void,
  ): void {
    const text = (): string | null => {
      const s = cellText(value);
      if (s !== null && column.maxLength !== null && s.length > column.maxLength) {
        report(
          'TEXT_TOO_LONG',
          `Cell ${address} holds ${s.length.toLocaleString('en-US')} characters; at most ${column.maxLength.toLocaleString('en-US')} are allowed. Shorten the text.`,
        );
        return null;
      }
      return s;
    };
    const fail = (p: Extract<Parsed<unknown>, { ok: false }>, expected: string) =>
      report(p.code, `Cell ${address} ${p.reason}.${expected ? ` ${expected}` : ''}`);

    switch (column.kind) {
      case 'ORG_CODE': {
        const s = text();
        if (s === null && cellText(value) === null) {
          report(
            'MISSING_ORG_CODE',
            `Row ${out.row} has data but no organization code in cell ${address}. Enter the code from the template (for example TH-40 or LAO-40-0001).`,
          );
        } else if (s !== null) out.orgCode = thaiDigitsToAscii(s).toUpperCase();
        return;
      }
      case 'ORG_NAME':
        out.orgName = text();
        return;
      case 'OBSTACLE_NOTE':
        out.obstacleNote = text();
        return;
      case 'COMMENT':
        out.comment = text();
        return;
      case 'EVIDENCE_URL': {
        const s = text();
        if (s !== null && !isHttpUrl(s)) {
          report(
            'BAD_URL',
            `Cell ${address} holds ${JSON.stringify(s.slice(0, 60))}, which is not a web link. Enter one link starting with http:// or https://, or leave the cell blank.`,
          );
        } else out.evidenceUrl = s;
        return;
      }
      case 'AS_OF_DATE': {
        const d = parseDateCell(value);
        if (d.ok) out.asOfDate = d.value;
        else fail(d, '');
        return;
      }
      case 'OBSTACLE_SEVERITY': {
        const n = parseNumberCell(value);
        if (!n.ok) return fail(n, SEVERITY_EXPECTATION);
        if (n.value !== null && !Number.isInteger(n.value)) {
          return report(
            'NOT_WHOLE_NUMBER',
            `Cell ${address} holds ${n.value}, but a severity is a whole number. ${SEVERITY_EXPECTATION}`,
          );
        }
        if (n.value !== null && (n.value < SEVERITY_MIN || n.value > SEVERITY_MAX)) {
          return report(
            'OUT_OF_RANGE',
            `Cell ${address} holds ${n.value}, outside the severity scale. ${SEVERITY_EXPECTATION}`,
          );
        }
        out.obstacles.set(column.code!, n.value);
        return;
      }
      case 'DATA_ELEMENT': {
        const e = column.element!;
        const n = e.valueType === 'BOOLEAN' ? parseBoolean(value) : parseNumberCell(value);
        if (!n.ok) return fail(n, expectation(e));
        if (n.value !== null && e.valueType === 'INTEGER' && !Number.isInteger(n.value)) {
          return report('NOT_WHOLE_NUMBER', `Cell ${address} holds ${n.value}, but this is a count. ${expectation(e)}`);
        }
        if (n.value !== null && e.valueType === 'INTEGER' && !Number.isSafeInteger(n.value)) {
          return report(
            'OUT_OF_RANGE',
            `Cell ${address} holds ${n.value}, which is too large to be a count. ${expectation(e)}`,
          );
        }
        if (n.value !== null && ((e.min !== null && n.value < e.min) || (e.max !== null && n.value > e.max))) {
          return report(
            'OUT_OF_RANGE',
            `Cell ${address} holds ${n.value}, outside the allowed range. ${expectation(e)}`,
          );
        }
        out.values.set(e.code, n.value);
        return;
      }
    }
  }
}
