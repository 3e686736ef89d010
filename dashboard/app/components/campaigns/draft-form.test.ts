import { parseValues } from '../../utils/forms';
import { draftFieldErrors, draftInput, draftValues } from './draft-input.server';
import { draftSchema } from './schemas';

/** The editor's form as the browser posts it: three template parameters, an audience and a send window. */
function editorForm(overrides: Record<string, string> = {}): FormData {
  const fields: Record<string, string> = {
    name: 'Promo Desember',
    channelId: 'c1',
    templateId: 't1',
    audienceKind: 'TAGS',
    tags: 'vip, jakarta, vip',
    segmentId: '',
    'var.first_name.source': 'NAME',
    'var.first_name.value': '',
    'var.first_name.fallback': 'Pelanggan',
    'var.discount.source': 'TEXT',
    'var.discount.value': '20%',
    'var.discount.fallback': '',
    'var.end_date.source': 'ATTRIBUTE',
    'var.end_date.value': 'berlaku_sampai',
    'var.end_date.fallback': '31 Desember',
    windowStart: '08:00',
    windowEnd: '20:00',
    ...overrides,
  };
  const form = new FormData();
  for (const parameter of ['first_name', 'discount', 'end_date']) form.append('parameters', parameter);
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return form;
}

describe('the campaign draft form', () => {
  it('names each problem by the row and field it belongs to', () => {
    const result = parseValues(
      draftSchema,
      draftValues(
        editorForm({
          'var.first_name.source': '',
          'var.discount.value': '',
          'var.end_date.fallback': 'Sampai      habis',
          windowStart: '',
          windowEnd: '25:00',
        }),
      ),
    );
    expect(result).toEqual({
      ok: false,
      fieldErrors: {
        'mapping.0.source': { key: 'validation.required' },
        'mapping.1.value': { key: 'validation.required' },
        'mapping.2.fallback': { key: 'campaigns.form.parameterText' },
        'window.end': { key: 'campaigns.form.timeFormat' },
        'window.start': { key: 'campaigns.form.windowBoth' },
      },
    });
  });

  it('asks for the other end of a window given one end', () => {
    const result = parseValues(draftSchema, draftValues(editorForm({ windowEnd: '' })));
    expect(result).toEqual({ ok: false, fieldErrors: { 'window.end': { key: 'campaigns.form.windowBoth' } } });
  });

  it('asks for tags when the audience is by tag, and a segment when by segment', () => {
    expect(parseValues(draftSchema, draftValues(editorForm({ tags: ' , ' })))).toEqual({
      ok: false,
      fieldErrors: { tags: { key: 'validation.required' } },
    });
    expect(parseValues(draftSchema, draftValues(editorForm({ audienceKind: 'SEGMENT' })))).toEqual({
      ok: false,
      fieldErrors: { segmentId: { key: 'validation.required' } },
    });
  });

  it('turns a valid form into the API’s draft input', () => {
    const result = parseValues(draftSchema, draftValues(editorForm()));
    if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
    expect(draftInput(result.data)).toEqual({
      name: 'Promo Desember',
      channelId: 'c1',
      templateId: 't1',
      variables: [
        { parameter: 'first_name', source: 'NAME', value: null, fallback: 'Pelanggan' },
        { parameter: 'discount', source: 'TEXT', value: '20%', fallback: null },
        { parameter: 'end_date', source: 'ATTRIBUTE', value: 'berlaku_sampai', fallback: '31 Desember' },
      ],
      audience: { kind: 'TAGS', tags: ['vip', 'jakarta'], segmentId: null },
      windowStart: '08:00',
      windowEnd: '20:00',
    });
    const cleared = parseValues(draftSchema, draftValues(editorForm({ windowStart: '', windowEnd: '' })));
    expect(cleared.ok && draftInput(cleared.data)).toMatchObject({ clearWindow: true });
  });

  it('shows the API’s refusal of a mapping row beside that row', () => {
    expect(
      draftFieldErrors({
        'variables.2.value': { text: 'Give the text or the attribute.' },
        'audience.tags': { text: 'Give 1 to 20 tags.' },
        windowEnd: { key: 'campaigns.form.windowBoth' },
        name: { key: 'validation.required' },
      }),
    ).toEqual({
      'mapping.2.value': { text: 'Give the text or the attribute.' },
      tags: { text: 'Give 1 to 20 tags.' },
      'window.end': { key: 'campaigns.form.windowBoth' },
      name: { key: 'validation.required' },
    });
  });
});
