import { formatContactCount, readFilterParams, toContactFilter } from './filter-params';
import { attributeKey, splitTags } from './schemas';

describe('contacts page helpers', () => {
  it.each([
    [0, false, '0'],
    [1234, false, '1.234'],
    [10_000, false, '10.000'],
    // Past 10,000 the API estimates; the reader sees a floor, never the planner's guess.
    [1_234_567, true, '10.000+'],
  ])('counts %d (estimate: %s) as %s', (count, estimate, shown) => {
    expect(formatContactCount(count, estimate)).toBe(shown);
  });

  it('reads the filter from the URL, ignoring an unknown status, and sends only what is set', () => {
    const params = new URLSearchParams('q=+siti+&tag=vip&suppression=BOGUS&segment=');
    const filter = readFilterParams(params);
    expect(filter).toEqual({ search: 'siti', tag: 'vip', segmentId: '', suppression: '' });
    expect(toContactFilter(filter)).toEqual({ search: 'siti', tags: ['vip'] });
  });

  it.each([
    ['Kota', 0, 'kota'],
    ['Kota Asal', 1, 'kota_asal'],
    ['Tanggal Lahir (DD/MM)', 2, 'tanggal_lahir_dd_mm'],
    ['Ñama', 3, 'nama'],
    ['#1', 0, 'column_1'],
    ['2024', 4, 'column_5'],
  ])('turns the column %s (index %d) into the attribute key %s', (column, index, key) => {
    expect(attributeKey(column, index)).toBe(key);
  });

  it('splits typed tags at commas, dropping blanks and repeats', () => {
    expect(splitTags(' vip, ,lebaran,vip ')).toEqual(['vip', 'lebaran']);
    expect(splitTags('')).toEqual([]);
  });
});
