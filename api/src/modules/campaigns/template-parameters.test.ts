import { VariableSource } from './campaign-types';
import { missingParameters, sendComponents } from './template-parameters';

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
