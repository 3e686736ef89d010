import { VariableSource } from './campaign-types';
import { missingParameters, sendComponents } from './template-parameters';
import { katalogTemplate } from '../../../test/support/media-templates';

// Meta's fixture templates (../shared/fixtures/meta/template-list-page.json), written out here.
const NAMED = {
  parameterFormat: 'NAMED',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Promo akhir tahun' },
    { type: 'BODY', text: 'Halo {{first_name}}, nikmati diskon {{discount}} sampai {{end_date}}.' },
  ],
};
const POSITIONAL = {
  parameterFormat: 'POSITIONAL',
  components: [{ type: 'BODY', text: 'Hi {{1}}, your order {{2}} has shipped.' }],
};

describe('template parameters', () => {
  const mapping = [
    { parameter: 'first_name', source: VariableSource.NAME, fallback: 'Pelanggan' },
    { parameter: 'discount', source: VariableSource.TEXT, value: '20%' },
    { parameter: 'end_date', source: VariableSource.ATTRIBUTE, value: 'sampai', fallback: '31 Desember' },
  ];

  it('sends named parameters with parameter_name (GATEWAYS.md 1.1), from the contact, its attributes and fixed text', () => {
    expect(
      sendComponents(NAMED, mapping, { phone: '+6281', name: 'Budi', attributes: { sampai: '5 Januari' } }),
    ).toEqual([
      {
        type: 'body',
        parameters: [
          { type: 'text', parameter_name: 'first_name', text: 'Budi' },
          { type: 'text', parameter_name: 'discount', text: '20%' },
          { type: 'text', parameter_name: 'end_date', text: '5 Januari' },
        ],
      },
    ]);
  });

  it('falls back for an empty name or a missing attribute', () => {
    const [body] = sendComponents(NAMED, mapping, { phone: '+6281', name: '  ', attributes: {} }) as {
      parameters: { text: string }[];
    }[];
    expect(body!.parameters.map((parameter) => parameter.text)).toEqual(['Pelanggan', '20%', '31 Desember']);
  });

  it('sends positional parameters in order, without names', () => {
    const positional = [
      { parameter: '2', source: VariableSource.ATTRIBUTE, value: 'order' },
      { parameter: '1', source: VariableSource.NAME },
    ];
    expect(
      sendComponents(POSITIONAL, positional, { phone: '+6281', name: 'Ani', attributes: { order: 'A-17' } }),
    ).toEqual([
      {
        type: 'body',
        parameters: [
          { type: 'text', text: 'Ani' },
          { type: 'text', text: 'A-17' },
        ],
      },
    ]);
  });

  it('names the parameters a mapping leaves out', () => {
    expect(missingParameters(NAMED, [mapping[0]!])).toEqual(['discount', 'end_date']);
    expect(missingParameters(POSITIONAL, [])).toEqual(['1', '2']);
  });
});

// The media-header template with a URL button (api/test/support/media-templates.ts), in the stored shape; the coupon
// one written by hand from Meta's "Coupon code templates" page, in the shape GET /{waba-id}/message_templates returns.
const { parameter_format: parameterFormat, components } = katalogTemplate('1234567890128001');
const MEDIA_AND_URL = { parameterFormat, components };
const COUPON = {
  parameterFormat: 'POSITIONAL',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Our Fall Sale is on!' },
    {
      type: 'BODY',
      text: 'Shop now through November and use code {{1}} to get {{2}} off of all merchandise!',
      example: { body_text: [['25OFF', '25%']] },
    },
    {
      type: 'BUTTONS',
      buttons: [
        { type: 'QUICK_REPLY', text: 'Unsubscribe from Promos' },
        { type: 'COPY_CODE', example: '250FF' },
      ],
    },
  ],
};
const DOCUMENT = {
  parameterFormat: 'NAMED',
  components: [
    { type: 'HEADER', format: 'DOCUMENT' },
    { type: 'BODY', text: 'Halo {{first_name}}, ini tagihan Anda.' },
  ],
};
const budi = { phone: '+6281234567890', name: 'Budi', attributes: { kode: 'HEMAT25', slug: 'budi santoso' } };

describe('header media and button parameters', () => {
  it('sends an image header by link and the URL button’s suffix with its index, as Meta documents', () => {
    const mapping = [
      { parameter: '1', source: VariableSource.NAME },
      { parameter: 'button_1', source: VariableSource.ATTRIBUTE, value: 'slug' },
    ];
    expect(
      sendComponents(MEDIA_AND_URL, mapping, budi, { source: 'LINK', link: 'https://cdn.toko.example/katalog.jpg' }),
    ).toEqual([
      { type: 'header', parameters: [{ type: 'image', image: { link: 'https://cdn.toko.example/katalog.jpg' } }] },
      { type: 'body', parameters: [{ type: 'text', text: 'Budi' }] },
      // The space of the attribute is percent-encoded: Meta appends the suffix to the URL as it is.
      { type: 'button', sub_type: 'url', index: '1', parameters: [{ type: 'text', text: 'budi%20santoso' }] },
    ]);
  });

  it('sends an uploaded image by Meta’s media id once the launch resolved it, and nothing before', () => {
    const mapping = [
      { parameter: '1', source: VariableSource.NAME },
      { parameter: 'button_1', source: VariableSource.TEXT, value: 'desember' },
    ];
    const [header] = sendComponents(MEDIA_AND_URL, mapping, budi, {
      source: 'UPLOAD',
      fileId: '0190a1b2-0000-7000-8000-000000000001',
      metaMediaId: '1037543291543636',
    });
    expect(header).toEqual({ type: 'header', parameters: [{ type: 'image', image: { id: '1037543291543636' } }] });
    const unresolved = sendComponents(MEDIA_AND_URL, mapping, budi, { source: 'UPLOAD', fileId: 'x' });
    expect(unresolved.some((part) => (part as { type: string }).type === 'header')).toBe(false);
  });

  it('sends a coupon code as a copy_code button (coupon_code parameter) after the text header needs none', () => {
    const mapping = [
      { parameter: '1', source: VariableSource.ATTRIBUTE, value: 'kode' },
      { parameter: '2', source: VariableSource.TEXT, value: '25%' },
      { parameter: 'button_1', source: VariableSource.ATTRIBUTE, value: 'kode' },
    ];
    expect(sendComponents(COUPON, mapping, budi)).toEqual([
      {
        type: 'body',
        parameters: [
          { type: 'text', text: 'HEMAT25' },
          { type: 'text', text: '25%' },
        ],
      },
      {
        type: 'button',
        sub_type: 'copy_code',
        index: '1',
        parameters: [{ type: 'coupon_code', coupon_code: 'HEMAT25' }],
      },
    ]);
  });

  it('falls back for a coupon attribute the contact lacks', () => {
    const mapping = [{ parameter: 'button_1', source: VariableSource.ATTRIBUTE, value: 'kode', fallback: 'HALO10' }];
    const parts = sendComponents(COUPON, mapping, { ...budi, attributes: {} }) as { type: string }[];
    expect(parts.find((part) => part.type === 'button')).toEqual({
      type: 'button',
      sub_type: 'copy_code',
      index: '1',
      parameters: [{ type: 'coupon_code', coupon_code: 'HALO10' }],
    });
  });

  it('sends a document header with the file name the recipient sees', () => {
    const mapping = [{ parameter: 'first_name', source: VariableSource.NAME }];
    const [header] = sendComponents(DOCUMENT, mapping, budi, {
      source: 'LINK',
      link: 'https://toko.example/tagihan.pdf',
      fileName: 'Tagihan Desember.pdf',
    });
    expect(header).toEqual({
      type: 'header',
      parameters: [
        {
          type: 'document',
          document: { link: 'https://toko.example/tagihan.pdf', filename: 'Tagihan Desember.pdf' },
        },
      ],
    });
  });

  it('asks a mapping for the URL suffix and the coupon code, never for a quick reply or the media header', () => {
    expect(missingParameters(MEDIA_AND_URL, [])).toEqual(['1', 'button_1']);
    expect(missingParameters(COUPON, [])).toEqual(['1', '2', 'button_1']);
    expect(missingParameters(DOCUMENT, [])).toEqual(['first_name']);
  });
});
