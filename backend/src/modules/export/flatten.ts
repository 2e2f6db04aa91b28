import type { CsvValue } from './csv.js';

export type FlatRow = Record<string, CsvValue>;

/** One result item as a table row: nested objects become dotted columns, lists join with "; ". */
export function flattenItem(item: unknown): FlatRow {
  const out: FlatRow = {};
  const walk = (value: unknown, prefix: string) => {
    if (value === null || value === undefined) out[prefix] = null;
    else if (Array.isArray(value)) {
      out[prefix] = value.map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v))).join('; ');
    } else if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) walk(v, prefix ? `${prefix}.${k}` : k);
    } else out[prefix] = value as string | number | boolean;
  };
  walk(item, '');
  return out;
}

/** Every column any row has, in the order they first appear. */
export function columnsOf(rows: readonly FlatRow[]): string[] {
  const columns = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) columns.add(k);
  return [...columns];
}

/** The list at a dotted path of a result ("provinceIndicatorValues.values"), or the first list found. */
export function listAt(data: unknown, path: string | undefined): unknown[] | null {
  if (path) {
    let v: unknown = data;
    for (const key of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
    return Array.isArray(v) ? v : null;
  }
  const queue: unknown[] = [data];
  while (queue.length) {
    const v = queue.shift();
    if (Array.isArray(v)) return v;
    if (v && typeof v === 'object') queue.push(...Object.values(v));
  }
  return null;
}
