import type { Permission } from '../../graphql/graphql';
import type { TranslationKey } from '../../i18n';
import { allowed, navItems, settingsLinks } from '../shell/nav-items';

/** A search result, from the API (contacts, campaigns, payment orders, templates) or the dashboard's own pages. */
export interface SearchResult {
  kind: 'PAGE' | 'CONTACT' | 'CAMPAIGN' | 'PAYMENT_ORDER' | 'TEMPLATE';
  id: string;
  title: string;
  detail: string;
  link: string;
  /** 3 exact, 2 starts with the query, 1 contains it. */
  rank: number;
}

interface SearchablePage {
  to: string;
  labelKey: TranslationKey;
  permission?: Permission;
}

/** The dashboard's pages a reader may open: the navigation, the settings sections, notifications and help. */
export function searchablePages(): SearchablePage[] {
  return [
    ...navItems.map(({ to, labelKey, permission }) => ({ to, labelKey, permission })),
    ...settingsLinks.map(({ to, menuKey, permission }) => ({ to, labelKey: menuKey, permission })),
    { to: '/notifications', labelKey: 'notificationCenter.title' },
    { to: '/help', labelKey: 'help.title' },
    { to: '/wallet/ledger', labelKey: 'wallet.ledger.title', permission: 'WALLET_READ' },
    { to: '/wallet/billing', labelKey: 'wallet.billing.title', permission: 'PAYMENTS_READ' },
    { to: '/contacts/import', labelKey: 'contacts.import.title', permission: 'CONTACTS_WRITE' },
  ];
}

/** The same rank as the API's sources give, over a page's name in the reader's language. */
export function rankText(text: string, query: string, locale: string): number {
  const name = text.toLocaleLowerCase(locale);
  const wanted = query.trim().toLocaleLowerCase(locale);
  if (!wanted) return 0;
  if (name === wanted) return 3;
  if (name.startsWith(wanted)) return 2;
  return name.includes(wanted) ? 1 : 0;
}

/** The pages whose translated name matches, for a reader with `permissions`. */
export function matchPages(
  query: string,
  permissions: readonly Permission[],
  translate: (key: TranslationKey) => string,
  locale: string,
): SearchResult[] {
  const seen = new Set<string>();
  return allowed(searchablePages(), permissions).flatMap((page) => {
    const title = translate(page.labelKey);
    const rank = rankText(title, query, locale);
    if (rank === 0 || seen.has(page.to)) return [];
    seen.add(page.to);
    return [{ kind: 'PAGE' as const, id: page.to, title, detail: page.to, link: page.to, rank }];
  });
}

/**
 * Pages and the API's hits in one list, best rank first; at equal rank a page comes before data (a reader typing
 * "wallet" most likely wants the page), otherwise each keeps its own order.
 */
export function mergeResults(pages: SearchResult[], hits: SearchResult[], limit: number): SearchResult[] {
  return [...pages, ...hits]
    .map((result, order) => ({ result, order }))
    .sort((a, b) => b.result.rank - a.result.rank || a.order - b.order)
    .slice(0, limit)
    .map(({ result }) => result);
}
