/**
 * Fills "{name}" parameters of a message outside vue-i18n (chart builders and
 * other pure functions read `messages` directly). Unknown names stay as written.
 */
export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
