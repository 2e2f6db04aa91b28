import type { AppLocale } from './format';
import { fill } from './interpolate';
import { messages } from './messages';

/**
 * Words for a published dataset and its source that the API gives in English
 * only (`population`, `publisher`), chosen by their stable codes.
 */

/** Who a published survey counted, e.g. "76 จังหวัด ไม่รวมกรุงเทพมหานคร"; other datasets by their count alone. */
export function publishedPopulation(datasetCode: string, count: number, locale: AppLocale): string {
  const published = messages[locale].analytics.published;
  const template =
    (published.population as Record<string, string | undefined>)[datasetCode] ?? published.populationCount;
  return fill(template, { count });
}

/**
 * A source's publisher. A source without words here keeps the API's, as
 * printed: a name, which a citation does not translate.
 */
export function sourcePublisher(source: { code: string; publisher: string }, locale: AppLocale): string {
  return (
    (messages[locale].analytics.published.publisher as Record<string, string | undefined>)[source.code] ??
    source.publisher
  );
}
