/** Turns a GraphQL result list into table rows: nested objects become dotted columns, lists join with "; ". */
export function flattenRows(items: unknown[]): { columns: string[]; rows: Array<Record<string, string | number | boolean | null>> } {
  const rows = items.map((item) => {
    const out: Record<string, string | number | boolean | null> = {};
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
  });
  const columns: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!columns.includes(k)) columns.push(k);
  return { columns, rows };
}

export function toCsv(columns: string[], rows: Array<Record<string, unknown>>): string {
  const cell = (v: unknown) => {
    if (v === null || v === undefined) return '';
    const s = String(v);
    // Quote when needed; a leading = + - @ is prefixed so that spreadsheets do not run it as a formula.
    const safe = /^[=+\-@]/.test(s) && Number.isNaN(Number(s)) ? `'${s}` : s;
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  // The BOM makes Excel read Thai as UTF-8.
  return '\uFEFF' + [columns.map(cell).join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\r\n') + '\r\n';
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
