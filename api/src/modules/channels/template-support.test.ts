import { unsupportedReason } from './template-support';

/** Template shapes from Meta's template docs (message-template-api, the template guides); expectations by hand. */
describe('which templates campaigns cannot fill yet', () => {
  const body = { type: 'BODY', text: 'Halo {{1}}, pesanan {{2}} sudah dikirim.' };

  it('supports text and media headers, body, footer, and quick-reply, phone, URL and copy-code buttons', () => {
    for (const format of ['TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT']) {
      expect(unsupportedReason([{ type: 'HEADER', format, text: 'Pesanan {{1}}' }, body])).toBeNull();
    }
    const buttons = {
      type: 'BUTTONS',
      buttons: [
        { type: 'QUICK_REPLY', text: 'Berhenti' },
        { type: 'PHONE_NUMBER', text: 'Telepon', phone_number: '+6281234567890' },
        { type: 'URL', text: 'Lacak', url: 'https://toko.co.id/lacak/{{1}}' },
        { type: 'COPY_CODE', example: 'HEMAT25' },
      ],
    };
    expect(unsupportedReason([body, { type: 'FOOTER', text: 'Toko Kita' }, buttons])).toBeNull();
  });

  it('marks carousel, catalog and multi-product, flow and limited-time-offer templates', () => {
    expect(unsupportedReason([body, { type: 'CAROUSEL', cards: [] }])).toBe('CAROUSEL');
    expect(unsupportedReason([body, { type: 'BUTTONS', buttons: [{ type: 'CATALOG', text: 'Lihat katalog' }] }])).toBe(
      'CATALOG',
    );
    expect(unsupportedReason([body, { type: 'BUTTONS', buttons: [{ type: 'MPM', text: 'Lihat produk' }] }])).toBe(
      'CATALOG',
    );
    expect(
      unsupportedReason([body, { type: 'BUTTONS', buttons: [{ type: 'FLOW', text: 'Daftar', flow_id: '1' }] }]),
    ).toBe('FLOW');
    expect(
      unsupportedReason([
        { type: 'HEADER', format: 'IMAGE' },
        { type: 'LIMITED_TIME_OFFER', limited_time_offer: { text: 'Hanya hari ini', has_expiration: true } },
        body,
        { type: 'BUTTONS', buttons: [{ type: 'COPY_CODE', example: 'HEMAT' }] },
      ]),
    ).toBe('LIMITED_TIME_OFFER');
  });

  it('marks a location header, a single-product template and an authentication (one-time code) template', () => {
    expect(unsupportedReason([{ type: 'HEADER', format: 'LOCATION' }, body])).toBe('LOCATION');
    expect(
      unsupportedReason([
        { type: 'HEADER', format: 'PRODUCT' },
        body,
        { type: 'BUTTONS', buttons: [{ type: 'SPM', text: 'Lihat' }] },
      ]),
    ).toBe('PRODUCT');
    expect(unsupportedReason([body, { type: 'BUTTONS', buttons: [{ type: 'SPM', text: 'Lihat' }] }])).toBe('PRODUCT');
    for (const otp of [
      { type: 'OTP', otp_type: 'COPY_CODE', text: 'Salin kode' },
      {
        type: 'OTP',
        otp_type: 'ONE_TAP',
        text: 'Isi otomatis',
        package_name: 'id.toko',
        signature_hash: 'K8a/AINcGX7',
      },
      {
        type: 'OTP',
        otp_type: 'ZERO_TAP',
        text: 'Isi otomatis',
        package_name: 'id.toko',
        signature_hash: 'K8a/AINcGX7',
      },
    ]) {
      expect(
        unsupportedReason([
          { type: 'BODY', add_security_recommendation: true },
          { type: 'FOOTER', code_expiration_minutes: 10 },
          { type: 'BUTTONS', buttons: [otp] },
        ]),
      ).toBe('AUTHENTICATION');
    }
  });

  it('marks any header format, button or part it does not know as OTHER, whatever the case', () => {
    expect(unsupportedReason([{ type: 'HEADER', format: 'GIF' }, body])).toBe('OTHER');
    expect(unsupportedReason([body, { type: 'BUTTONS', buttons: [{ type: 'VOICE_CALL', text: 'Panggil' }] }])).toBe(
      'OTHER',
    );
    expect(unsupportedReason([body, { type: 'CALL_PERMISSION_REQUEST' }])).toBe('OTHER');
    expect(unsupportedReason([{ type: 'header', format: 'location' }, body])).toBe('LOCATION');
  });
});
