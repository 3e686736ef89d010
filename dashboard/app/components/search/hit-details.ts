import type { TFunction } from 'i18next';
import { formatRupiah } from '../../utils/format';
import type { SearchResult } from './page-matches';

/** A campaign hit's detail is its status (the API's CampaignStatus). */
const CAMPAIGN_STATUSES = ['DRAFT', 'SCHEDULED', 'RUNNING', 'PAUSED', 'COMPLETED', 'CANCELLED', 'FAILED'] as const;
/** A template hit's detail is `language · category`, Meta's codes (`id · MARKETING`), as the API's source writes it. */
const TEMPLATE_CATEGORIES = ['MARKETING', 'UTILITY', 'AUTHENTICATION'] as const;
const TEMPLATE_SEPARATOR = ' · ';

function known<T extends string>(list: readonly T[], value: string | undefined): T | undefined {
  return list.find((item) => item === value);
}

/**
 * The second line of an API hit as the reader reads it: the API's details are data (an amount in rupiah, a status or
 * category code), shown as `Rp150.000` and in the reader's language. A code the dashboard does not know yet is shown
 * as it comes.
 */
export function hitDetail(hit: SearchResult, t: TFunction): string {
  if (hit.kind === 'PAYMENT_ORDER') return formatRupiah(hit.detail);
  if (hit.kind === 'CAMPAIGN') {
    const status = known(CAMPAIGN_STATUSES, hit.detail);
    return status ? t(`overview.campaigns.status.${status}`) : hit.detail;
  }
  if (hit.kind === 'TEMPLATE') {
    const at = hit.detail.lastIndexOf(TEMPLATE_SEPARATOR);
    const category = at < 0 ? undefined : known(TEMPLATE_CATEGORIES, hit.detail.slice(at + TEMPLATE_SEPARATOR.length));
    if (category) return `${hit.detail.slice(0, at)}${TEMPLATE_SEPARATOR}${t(`templates.category.${category}`)}`;
  }
  return hit.detail;
}
