import type { ApiProblem } from '@/api/errors';

/**
 * Where the server's problems belong on a form. The server names the input
 * field of each (`code`, `denominatorCode`, `targets[3]`…); a problem whose
 * field the form does not show is listed above the form instead of lost.
 */
export interface PlacedProblems {
  byField: Map<string, ApiProblem[]>;
  general: ApiProblem[];
}

export function placeProblems(problems: readonly ApiProblem[], fields: Iterable<string>): PlacedProblems {
  const known = new Set(fields);
  const byField = new Map<string, ApiProblem[]>();
  const general: ApiProblem[] = [];
  for (const p of problems) {
    if (p.field && known.has(p.field)) byField.set(p.field, [...(byField.get(p.field) ?? []), p]);
    else general.push(p);
  }
  return { byField, general };
}

/**
 * setTargets names a problem by its position in the list sent
 * (`targets[3]`): back to the org unit of that row.
 */
export function problemsByOrgUnit(
  problems: readonly ApiProblem[],
  sent: ReadonlyArray<{ orgUnitCode: string }>,
): PlacedProblems {
  const byField = new Map<string, ApiProblem[]>();
  const general: ApiProblem[] = [];
  for (const p of problems) {
    const index = /^targets\[(\d+)\]/.exec(p.field ?? '')?.[1];
    const code = index === undefined ? undefined : sent[Number(index)]?.orgUnitCode;
    if (code) byField.set(code, [...(byField.get(code) ?? []), p]);
    else general.push(p);
  }
  return { byField, general };
}
