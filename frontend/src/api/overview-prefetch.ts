import type { AnyVariables, Client, TypedDocumentNode } from '@urql/core';
import type { LocationQuery } from 'vue-router';
import { parseMapLayer } from '@/charts/map-layers';
import { parseFilters } from '@/composables/analytics-filters';
import { NationalOverviewQuery, overviewSeriesScopes, ProvinceRankingQuery, seriesDocument } from './analytics';
import type { UserRole } from './auth';
import { markPrefetched } from './fresh-results';
import { ShellQuery } from './shell';

/**
 * Starts the overview's queries when the router begins to navigate to it,
 * while the page's code (and ECharts) are still downloading: the answers are
 * in urql's cache by the time the page asks, which saves a round trip on the
 * first page most visitors see. The variables are built exactly as the page
 * builds them, or the page would not find them in the cache.
 */
export function prefetchOverview(client: Client, query: LocationQuery, role: UserRole | null): void {
  const filters = parseFilters(query);
  const includeSubmitted = filters.submitted && (role === 'PLANNER' || role === 'ADMIN');
  const run = <D, V extends AnyVariables>(document: TypedDocumentNode<D, V>, variables: V) => {
    markPrefetched(document, variables);
    return client.query(document, variables).toPromise();
  };
  void run(NationalOverviewQuery, { quarterCode: filters.quarter, includeSubmitted });
  void client
    .query(ShellQuery, {})
    .toPromise()
    .then(({ data }) => {
      if (!data) return;
      const indicator = data.indicators.find((i) => i.code === filters.indicator) ?? data.indicators[0];
      if (!indicator) return;
      if (parseMapLayer(filters.layer).kind === 'indicator') {
        void run(ProvinceRankingQuery, {
          indicatorCode: indicator.code,
          quarterCode: filters.quarter,
          regionCode: null,
          includeSubmitted,
        });
      }
      const scopes = overviewSeriesScopes(filters, data.regions, data.provinces);
      void run(seriesDocument(scopes), {
        indicatorCode: indicator.code,
        toQuarterCode: filters.quarter,
        includeSubmitted,
      });
    });
}
