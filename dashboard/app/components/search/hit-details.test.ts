import { createI18n } from '../../i18n';
import { hitDetail } from './hit-details';
import type { SearchResult } from './page-matches';

const hit = (kind: SearchResult['kind'], detail: string): SearchResult => ({
  kind,
  id: '1',
  title: 'promo_lebaran',
  detail,
  link: '/templates',
  rank: 2,
});

describe('a search hit’s second line', () => {
  it('shows a template’s category in the reader’s language, after its language code', () => {
    expect(hitDetail(hit('TEMPLATE', 'id · MARKETING'), createI18n('id').t)).toBe('id · Pemasaran');
    expect(hitDetail(hit('TEMPLATE', 'en_US · UTILITY'), createI18n('en').t)).toBe('en_US · Utility');
    expect(hitDetail(hit('TEMPLATE', 'id · AUTHENTICATION'), createI18n('id').t)).toBe('id · Autentikasi');
    // A category Meta adds later is shown as it comes.
    expect(hitDetail(hit('TEMPLATE', 'id · SERVICE'), createI18n('id').t)).toBe('id · SERVICE');
  });

  it('shows a campaign’s status in the reader’s language and an order’s amount in rupiah', () => {
    expect(hitDetail(hit('CAMPAIGN', 'SCHEDULED'), createI18n('id').t)).toBe('Terjadwal');
    expect(hitDetail(hit('CAMPAIGN', 'RUNNING'), createI18n('en').t)).toBe('Running');
    expect(hitDetail(hit('PAYMENT_ORDER', '150000'), createI18n('en').t)).toBe('Rp150.000');
    expect(hitDetail(hit('CONTACT', '+6281234567890'), createI18n('id').t)).toBe('+6281234567890');
  });
});
