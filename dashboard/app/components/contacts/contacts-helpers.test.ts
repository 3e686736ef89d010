import { formatContactCount, readFilterParams, toContactFilter } from './filter-params';
import { bulkJobPercent } from './bulk-job';
import { contactFieldErrors, toContactInput } from './contact-input';
import { attributeKey, joinAttributes, splitAttributes, splitTags } from './schemas';

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
    expect(filter).toEqual({ search: 'siti', tag: 'vip', segmentId: '', suppression: '', needsReview: false });
    expect(toContactFilter(filter)).toEqual({ search: 'siti', tags: ['vip'] });
  });

  it('asks only for contacts awaiting review when the URL says review=1', () => {
    expect(toContactFilter(readFilterParams(new URLSearchParams('review=1')))).toEqual({ needsReview: true });
    expect(toContactFilter(readFilterParams(new URLSearchParams('review=yes')))).toEqual({});
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

describe('the contact form', () => {
  it('reads attributes one a line as name = value, keeping "=" inside a value and skipping blank lines', () => {
    expect(splitAttributes('kota = Bandung\r\n\n  catatan=a=b  \n')).toEqual([
      { key: 'kota', value: 'Bandung' },
      { key: 'catatan', value: 'a=b' },
    ]);
    expect(splitAttributes('')).toEqual([]);
  });

  it('refuses a line without "=" rather than guessing which part is the name', () => {
    expect(splitAttributes('kota = Bandung\nMedan')).toBeNull();
  });

  it('shows the attributes back in the same form they are typed', () => {
    const attributes = [
      { key: 'kota', value: 'Bandung' },
      { key: 'level', value: 'gold' },
    ];
    expect(splitAttributes(joinAttributes(attributes))).toEqual(attributes);
  });

  it('puts the API’s refusal of one attribute (`input.attributes.0.key` arrives as `key`) beside the attributes', () => {
    expect(contactFieldErrors({ key: { key: 'validation.invalid' }, phone: { key: 'validation.required' } })).toEqual({
      attributes: { key: 'contacts.form.attributeKey' },
      phone: { key: 'validation.required' },
    });
    expect(contactFieldErrors({ value: { text: 'At most 500 characters.' } })).toEqual({
      attributes: { text: 'At most 500 characters.' },
    });
    expect(contactFieldErrors({ name: { key: 'validation.tooLong' } })).toEqual({
      name: { key: 'validation.tooLong' },
    });
  });

  it('turns the form into the API input: tags split and deduplicated, an empty name kept to clear it', () => {
    expect(toContactInput({ phone: '0812', name: '', tags: 'a, b, a', attributes: 'kota = Medan' })).toEqual({
      phone: '0812',
      name: '',
      tags: ['a', 'b'],
      attributes: [{ key: 'kota', value: 'Medan' }],
    });
  });
});

describe('bulk job progress', () => {
  it('reaches 100 only when the job says it is complete', () => {
    expect(bulkJobPercent({ status: 'RUNNING', processedRows: 10, totalRows: 10 })).toBe(99);
    expect(bulkJobPercent({ status: 'RUNNING', processedRows: 1, totalRows: 3 })).toBe(33);
    expect(bulkJobPercent({ status: 'QUEUED', processedRows: 0, totalRows: 0 })).toBe(0);
    expect(bulkJobPercent({ status: 'COMPLETED', processedRows: 0, totalRows: 0 })).toBe(100);
  });
});
