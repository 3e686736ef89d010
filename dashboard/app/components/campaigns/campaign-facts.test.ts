import { campaignPercent, fillSegments, sampleValue } from './campaign-facts';
import { zonedInstant, zonedLocal } from './draft-input.server';

const counts = { total: 10, sent: 2, delivered: 3, read: 1, failed: 1, skipped: 0, unknown: 0 };
const contact = { name: 'Sari', phone: '+6281234567890', attributes: [{ key: 'kota', value: 'Bandung' }] };

describe('campaign facts', () => {
  it('counts every recipient with an outcome, and says 100 only once the campaign completed', () => {
    expect(campaignPercent('RUNNING', counts)).toBe(70);
    expect(campaignPercent('RUNNING', { ...counts, sent: 5 })).toBe(99);
    expect(campaignPercent('COMPLETED', counts)).toBe(100);
    expect(campaignPercent('DRAFT', { ...counts, total: 0 })).toBe(0);
  });

  it('fills a parameter from the contact, an attribute or fixed text, and uses the fallback for an empty value', () => {
    expect(sampleValue({ parameter: 'a', source: 'NAME', value: null, fallback: 'Pelanggan' }, contact)).toBe('Sari');
    expect(
      sampleValue({ parameter: 'a', source: 'NAME', value: null, fallback: 'Pelanggan' }, { ...contact, name: ' ' }),
    ).toBe('Pelanggan');
    expect(sampleValue({ parameter: 'a', source: 'ATTRIBUTE', value: 'kota', fallback: null }, contact)).toBe(
      'Bandung',
    );
    expect(sampleValue({ parameter: 'a', source: 'ATTRIBUTE', value: 'ulang_tahun', fallback: '-' }, contact)).toBe(
      '-',
    );
    expect(sampleValue({ parameter: 'a', source: 'TEXT', value: '20%', fallback: null }, null)).toBe('20%');
    expect(sampleValue(undefined, contact)).toBeNull();
    expect(
      fillSegments(
        [
          { kind: 'text', text: 'Halo ' },
          { kind: 'param', name: 'first_name', example: 'Budi' },
          { kind: 'param', name: 'kode', example: null },
        ],
        [{ parameter: 'first_name', source: 'NAME', value: null, fallback: null }],
        contact,
      ),
    ).toEqual([
      { kind: 'text', text: 'Halo ' },
      { kind: 'text', text: 'Sari' },
      { kind: 'param', name: 'kode', example: null },
    ]);
  });

  it('reads a schedule on the workspace’s wall clock: 08:00 WIB, WITA and WIT are three different instants', () => {
    expect(zonedInstant('2026-12-24T08:00', 'Asia/Jakarta')).toBe('2026-12-24T01:00:00.000Z');
    expect(zonedInstant('2026-12-24T08:00', 'Asia/Makassar')).toBe('2026-12-24T00:00:00.000Z');
    expect(zonedInstant('2026-12-24T08:00', 'Asia/Jayapura')).toBe('2026-12-23T23:00:00.000Z');
    expect(zonedInstant('2026-02-30T08:00', 'Asia/Jakarta')).toBeNull();
    expect(zonedLocal('2026-12-24T01:00:00.000Z', 'Asia/Jakarta')).toBe('2026-12-24T08:00');
  });
});
