import { createI18n } from '../../i18n';
import { matchPages, mergeResults, rankText, type SearchResult } from './page-matches';

describe('the search over the dashboard’s own pages', () => {
  const id = createI18n('id');
  const en = createI18n('en');

  it('finds pages by their name in the reader’s language', () => {
    expect(matchPages('dompet', ['WALLET_READ'], (key) => id.t(key), 'id-ID').map((page) => page.link)).toEqual([
      '/wallet',
    ]);
    expect(matchPages('wallet', ['WALLET_READ'], (key) => en.t(key), 'en-US').map((page) => page.link)).toEqual([
      '/wallet',
    ]);
  });

  it('never offers a page the reader’s role may not open', () => {
    const finance = matchPages('contact', ['WALLET_READ', 'PAYMENTS_READ'], (key) => en.t(key), 'en-US');
    expect(finance.map((page) => page.link)).toEqual([]);
    const viewer = matchPages('contact', ['CONTACTS_READ'], (key) => en.t(key), 'en-US');
    expect(viewer.map((page) => page.link)).toEqual(['/contacts']);
  });

  it('ranks exact over prefix over contains, ignoring case', () => {
    expect([
      rankText('Wallet', 'WALLET', 'en'),
      rankText('Wallet', 'wal', 'en'),
      rankText('Wallet', 'let', 'en'),
    ]).toEqual([3, 2, 1]);
    expect(rankText('Wallet', 'xyz', 'en')).toBe(0);
  });

  it('merges by rank, a page first among equals, and keeps to the limit', () => {
    const hit = (kind: SearchResult['kind'], title: string, rank: number): SearchResult => ({
      kind,
      id: title,
      title,
      detail: '',
      link: `/${title}`,
      rank,
    });
    const merged = mergeResults(
      [hit('PAGE', 'Contacts', 2)],
      [hit('CONTACT', 'Con', 3), hit('CONTACT', 'Conny', 2), hit('TEMPLATE', 'welcome_con', 1)],
      3,
    );
    expect(merged.map((result) => result.title)).toEqual(['Con', 'Contacts', 'Conny']);
  });
});
