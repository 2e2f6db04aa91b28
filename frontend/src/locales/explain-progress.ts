import type { IndicatorProgress } from '@/api/analytics-types';
import { fill } from './interpolate';
import {
  formatFiscalQuarter,
  formatFiscalYear,
  formatIndicatorChange,
  formatIndicatorValue,
  formatNumber,
  formatPercent,
  formatSigned,
  type AppLocale,
} from './format';
import { messages } from './messages';

/** What the progress explanation needs: the API's progress components and the indicator's unit and direction. */
export type ProgressInput = Pick<
  IndicatorProgress,
  | 'status'
  | 'achievementPct'
  | 'observedGrowth'
  | 'requiredGrowth'
  | 'ratio'
  | 'growthMethod'
  | 'current'
  | 'base'
  | 'target'
> & { indicator: Pick<IndicatorProgress['indicator'], 'unit' | 'direction'> };

export interface ExplanationFact {
  key: 'base' | 'current' | 'target' | 'elapsed' | 'horizon' | 'required' | 'observed' | 'ratio' | 'achievement';
  label: string;
  value: string;
}

export interface ProgressExplanation {
  /** One sentence: why this status. */
  summary: string;
  /** The numbers the status rests on, in the order a reader checks them. */
  facts: ExplanationFact[];
  /** How the growth rates were computed (compound, or linear from a zero base), and the direction. */
  notes: string[];
  /** Open SDG's thresholds for R. */
  rule: string;
}

function years(value: number, locale: AppLocale): string {
  return fill(messages[locale].analytics.progress.years, { years: formatNumber(value, locale, 2) });
}

function growth(rate: number, input: ProgressInput, locale: AppLocale): string {
  const perYear = messages[locale].analytics.progress.perYear;
  // COMPOUND rates are fractions per year; LINEAR ones are in the indicator's unit per year.
  const text =
    input.growthMethod === 'LINEAR'
      ? formatIndicatorChange(rate, input.indicator.unit, locale)
      : `${formatSigned(rate * 100, locale, 1)} %`;
  return `${text} ${perYear}`;
}

/**
 * Explains a progress status in plain words from the components the API
 * returns (Open SDG's method: R = direction × CAGRo / |CAGRr|), so that a
 * reader can check every status by hand.
 */
export function explainProgress(input: ProgressInput, locale: AppLocale): ProgressExplanation {
  const m = messages[locale].analytics.progress;
  const value = (v: number) => formatIndicatorValue(v, input.indicator.unit, locale);
  const { base, current, target } = input;
  const due = target ? formatFiscalYear(target.fiscalYear, locale) : '';
  const ratio = input.ratio != null ? formatNumber(input.ratio, locale, 2) : '';

  const facts: ExplanationFact[] = [];
  if (base?.value != null) {
    facts.push({
      key: 'base',
      label: fill(m.base, { quarter: formatFiscalQuarter(base.quarterCode, locale) }),
      value: value(base.value),
    });
  }
  if (current?.value != null) {
    facts.push({
      key: 'current',
      label: fill(m.current, { quarter: formatFiscalQuarter(current.quarterCode, locale) }),
      value: value(current.value),
    });
  }
  if (target) {
    const label = target.orgUnitCode === 'TH' ? m.targetNational : m.targetOwn;
    facts.push({ key: 'target', label: fill(label, { due }), value: value(target.value) });
  }
  if (base && current && current.t > base.t)
    facts.push({ key: 'elapsed', label: m.elapsed, value: years(current.t - base.t, locale) });
  if (base && target && target.t > base.t)
    facts.push({ key: 'horizon', label: m.horizon, value: years(target.t - base.t, locale) });
  if (input.requiredGrowth != null)
    facts.push({ key: 'required', label: m.required, value: growth(input.requiredGrowth, input, locale) });
  if (input.observedGrowth != null)
    facts.push({ key: 'observed', label: m.observed, value: growth(input.observedGrowth, input, locale) });
  if (input.ratio != null) facts.push({ key: 'ratio', label: m.ratio, value: ratio });
  if (input.achievementPct != null) {
    facts.push({ key: 'achievement', label: m.achievement, value: formatPercent(input.achievementPct, locale, 1) });
  }

  const notes: string[] = [];
  if (input.growthMethod === 'COMPOUND') notes.push(m.compound);
  if (input.growthMethod === 'LINEAR') notes.push(m.linear);
  if (input.indicator.direction === -1) notes.push(m.lowerIsBetter);

  return { summary: summary(input, locale, { due, ratio, value }), facts, notes, rule: m.rule };
}

function summary(
  input: ProgressInput,
  locale: AppLocale,
  parts: { due: string; ratio: string; value: (v: number) => string },
): string {
  const m = messages[locale].analytics.progress.summary;
  switch (input.status) {
    case 'ACHIEVED':
      return fill(m.ACHIEVED, {
        current: input.current?.value != null ? parts.value(input.current.value) : '',
        target: input.target ? parts.value(input.target.value) : '',
      });
    case 'ON_TRACK':
    case 'ACCELERATION_NEEDED':
    case 'LIMITED_PROGRESS':
      return fill(m[input.status], { ratio: parts.ratio, due: parts.due });
    case 'DETERIORATION':
      // R is absent when the base sat exactly on the target (no growth was required) and the value slipped.
      return input.ratio == null ? m.DETERIORATION_FROM_TARGET : fill(m.DETERIORATION, { ratio: parts.ratio });
    case 'INSUFFICIENT_DATA':
      return input.current?.value == null ? m.NO_CURRENT : m.INSUFFICIENT_DATA;
    case 'NO_TARGET':
      return m.NO_TARGET;
  }
}
