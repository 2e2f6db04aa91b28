/**
 * The layout of the quarterly data template: which columns, in which order, with which header text.
 * The template, the CSV variant and the reader all derive from this one description.
 */

export type ColumnKind =
  | 'ORG_CODE'
  | 'ORG_NAME'
  | 'AS_OF_DATE'
  | 'DATA_ELEMENT'
  | 'OBSTACLE_SEVERITY'
  | 'OBSTACLE_NOTE'
  | 'EVIDENCE_URL'
  | 'COMMENT';

export interface LayoutElement {
  code: string;
  nameTh: string;
  nameEn: string;
  valueType: 'INTEGER' | 'NUMBER' | 'BOOLEAN';
  min: number | null;
  max: number | null;
}

export interface LayoutCategory {
  code: string;
  labelTh: string;
  labelEn: string;
}

export interface TemplateColumn {
  /** Stable key: 'org_code' … for fixed columns, the element code, or 'OBSTACLE:<category code>'. */
  key: string;
  kind: ColumnKind;
  /** The data element or obstacle category code; null for fixed columns. */
  code: string | null;
  /** What identifies the column in a file: the text in square brackets at the end of the header. */
  tag: string;
  headerTh: string;
  headerEn: string;
  /** The exact header text written in the file: "Thai / English [TAG]". */
  header: string;
  /** The cell must hold a value on every data row. Every column must be present whatever this says. */
  required: boolean;
  /** Longest text accepted in the cell; null for numbers and dates. */
  maxLength: number | null;
  /** For DATA_ELEMENT columns: the element (type and range); null otherwise. */
  element: LayoutElement | null;
}

export interface TemplateLayout {
  columns: TemplateColumn[];
}

/** Obstacle severity is a 1–5 scale; a blank cell means the category was not cited. */
export const SEVERITY_MIN = 1;
export const SEVERITY_MAX = 5;
/** Free text is stored as is; this keeps one row readable in a review screen. */
export const MAX_TEXT_LENGTH = 2000;
/** org_unit.code is varchar(32). */
export const MAX_ORG_CODE_LENGTH = 32;
export const MAX_ORG_NAME_LENGTH = 500;

export const OBSTACLE_KEY_PREFIX = 'OBSTACLE:';

interface FixedColumn {
  key: string;
  kind: ColumnKind;
  th: string;
  en: string;
  required: boolean;
  maxLength: number | null;
}

const LEADING: FixedColumn[] = [
  {
    key: 'org_code',
    kind: 'ORG_CODE',
    th: 'รหัสหน่วยงาน',
    en: 'Organization code',
    required: true,
    maxLength: MAX_ORG_CODE_LENGTH,
  },
  {
    key: 'org_name',
    kind: 'ORG_NAME',
    th: 'ชื่อหน่วยงาน',
    en: 'Organization name',
    required: false,
    maxLength: MAX_ORG_NAME_LENGTH,
  },
  { key: 'as_of_date', kind: 'AS_OF_DATE', th: 'วันที่ของข้อมูล', en: 'Data as of', required: false, maxLength: null },
];

const TRAILING: FixedColumn[] = [
  {
    key: 'obstacle_note',
    kind: 'OBSTACLE_NOTE',
    th: 'รายละเอียดอุปสรรค',
    en: 'Obstacle details',
    required: false,
    maxLength: MAX_TEXT_LENGTH,
  },
  {
    key: 'evidence_url',
    kind: 'EVIDENCE_URL',
    th: 'ลิงก์หลักฐาน',
    en: 'Evidence link',
    required: false,
    maxLength: MAX_TEXT_LENGTH,
  },
  { key: 'comment', kind: 'COMMENT', th: 'หมายเหตุ', en: 'Comment', required: false, maxLength: MAX_TEXT_LENGTH },
];

/** The one place header text is made. */
export function headerText(th: string, en: string, tag: string): string {
  return `${th} / ${en} [${tag}]`;
}

function fixed(c: FixedColumn): TemplateColumn {
  const tag = c.key.toUpperCase();
  return {
    key: c.key,
    kind: c.kind,
    code: null,
    tag,
    headerTh: c.th,
    headerEn: c.en,
    header: headerText(c.th, c.en, tag),
    required: c.required,
    maxLength: c.maxLength,
    element: null,
  };
}

export function buildLayout(elements: LayoutElement[], categories: LayoutCategory[]): TemplateLayout {
  const columns: TemplateColumn[] = [
    ...LEADING.map(fixed),
    ...elements.map((e): TemplateColumn => ({
      key: e.code,
      kind: 'DATA_ELEMENT',
      code: e.code,
      tag: e.code,
      headerTh: e.nameTh,
      headerEn: e.nameEn,
      header: headerText(e.nameTh, e.nameEn, e.code),
      required: false,
      maxLength: null,
      element: e,
    })),
    ...categories.map((c): TemplateColumn => {
      const tag = `${OBSTACLE_KEY_PREFIX}${c.code}`;
      const th = `อุปสรรค: ${c.labelTh}`;
      const en = `Obstacle: ${c.labelEn} (${SEVERITY_MIN}-${SEVERITY_MAX})`;
      return {
        key: tag,
        kind: 'OBSTACLE_SEVERITY',
        code: c.code,
        tag,
        headerTh: th,
        headerEn: en,
        header: headerText(th, en, tag),
        required: false,
        maxLength: null,
        element: null,
      };
    }),
    ...TRAILING.map(fixed),
  ];
  const seen = new Set<string>();
  for (const c of columns) {
    // A data element coded like a fixed column would make the header ambiguous: refuse the layout.
    if (seen.has(c.tag.toUpperCase())) throw new Error(`Template layout has two columns tagged [${c.tag}]`);
    seen.add(c.tag.toUpperCase());
  }
  return { columns };
}

/** 1 → A, 27 → AA (1-based column number, as spreadsheets count). */
export function columnLetter(columnNumber: number): string {
  let n = columnNumber;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** How a problem names a column: the letter and the template header, e.g. 'D (… [STAFF_TOTAL])'. */
export function columnLabel(columnNumber: number, header: string): string {
  return `${columnLetter(columnNumber)} (${header})`;
}
