// "Tỷ lệ nghèo đa chiều" of the country or a region is the national statistics' combined rate of
// poor and near-poor households; of a province or a district it is usually its poverty rate. This
// module reads the bare phrase by the scope the question names, so the metric asked follows it.

/** The bare phrase: "nghèo đa chiều" not written as "hộ nghèo đa chiều" (that one is the poor alone). */
const BARE_MULTIDIMENSIONAL = /(?:^|[^a-z])(?<!\bho )ngheo da chieu\b/;

/**
 * The metrics asked, with the combined rate in place of the poverty rate when the question asks
 * the country or a region for its bare "tỷ lệ nghèo đa chiều" (kept beside it, the poverty rate
 * would be answered too, as a second metric asked). Any other question keeps its metrics.
 * @example metricsOfMultidimensional('ty le ngheo da chieu tay nguyen 2023', ['poverty_rate'], true)
 * // ['poor_and_near_poor_rate']
 */
export function metricsOfMultidimensional(plain: string, metrics: string[], asksScope: boolean): string[] {
  if (!asksScope || !BARE_MULTIDIMENSIONAL.test(plain)) return metrics;
  if (metrics.includes('poor_and_near_poor_rate') || !metrics.includes('poverty_rate')) return metrics;
  return metrics.map((m) => (m === 'poverty_rate' ? 'poor_and_near_poor_rate' : m));
}
