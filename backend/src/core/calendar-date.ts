/**
 * A calendar day written YYYY-MM-DD that exists (2024-02-29 yes, 2024-02-31 no), within years a report can
 * mean. JavaScript's Date.parse rolls 2027-02-30 over to 2 March, and PostgreSQL refuses 2027-13-45 with an
 * error: both are checked here first, so the caller gets a located problem.
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < MIN_YEAR || y > MAX_YEAR || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}
