import { parseComponents, templatePreview } from './template-preview';

describe('templatePreview', () => {
  it('marks named body parameters with the examples Meta keeps beside them', () => {
    const preview = templatePreview([
      { type: 'HEADER', format: 'TEXT', text: 'Promo akhir tahun' },
      {
        type: 'BODY',
        text: 'Halo {{first_name}}, diskon {{discount}}!',
        example: {
          body_text_named_params: [
            { param_name: 'first_name', example: 'Budi' },
            { param_name: 'discount', example: '20%' },
          ],
        },
      },
      { type: 'FOOTER', text: 'Balas STOP untuk berhenti' },
    ]);
    expect(preview.header).toEqual({ format: 'TEXT', segments: [{ kind: 'text', text: 'Promo akhir tahun' }] });
    expect(preview.body).toEqual([
      { kind: 'text', text: 'Halo ' },
      { kind: 'param', name: 'first_name', example: 'Budi' },
      { kind: 'text', text: ', diskon ' },
      { kind: 'param', name: 'discount', example: '20%' },
      { kind: 'text', text: '!' },
    ]);
    expect(preview.footer).toBe('Balas STOP untuk berhenti');
    expect(preview.parameters).toEqual([
      { name: 'first_name', where: 'body', example: 'Budi' },
      { name: 'discount', where: 'body', example: '20%' },
    ]);
  });

  it('numbers positional parameters from 1 in the order of body_text, a repeated one listed once', () => {
    const preview = templatePreview([
      {
        type: 'BODY',
        text: 'Hi {{1}}, order {{2}} shipped. Thanks {{1}}.',
        example: { body_text: [['Budi', 'A-17']] },
      },
    ]);
    expect(preview.parameters).toEqual([
      { name: '1', where: 'body', example: 'Budi' },
      { name: '2', where: 'body', example: 'A-17' },
    ]);
    expect(preview.body.filter((piece) => piece.kind === 'param')).toHaveLength(3);
  });

  it('lists a media header by its format, buttons with their targets, and a URL suffix as a parameter', () => {
    const preview = templatePreview([
      { type: 'HEADER', format: 'IMAGE', example: { header_handle: ['4::aW1hZ2U='] } },
      { type: 'BODY', text: 'Your receipt is ready.' },
      {
        type: 'BUTTONS',
        buttons: [
          {
            type: 'URL',
            text: 'Track',
            url: 'https://shop.example/track/{{1}}',
            example: ['https://shop.example/track/A17'],
          },
          { type: 'PHONE_NUMBER', text: 'Call us', phone_number: '+6281100000000' },
          { type: 'QUICK_REPLY', text: 'Stop promotions' },
        ],
      },
    ]);
    expect(preview.header).toEqual({ format: 'IMAGE', segments: [] });
    expect(preview.buttons).toEqual([
      { type: 'URL', text: 'Track', target: 'https://shop.example/track/{{1}}' },
      { type: 'PHONE_NUMBER', text: 'Call us', target: '+6281100000000' },
      { type: 'QUICK_REPLY', text: 'Stop promotions', target: null },
    ]);
    expect(preview.parameters).toEqual([
      { name: 'button_0', where: 'button', example: 'https://shop.example/track/A17' },
    ]);
  });

  it('names a coupon template’s copy-code button by its index, after the quick reply before it', () => {
    const preview = templatePreview([
      { type: 'BODY', text: 'Use code {{1}} for {{2}} off.', example: { body_text: [['25OFF', '25%']] } },
      {
        type: 'BUTTONS',
        buttons: [
          { type: 'QUICK_REPLY', text: 'Unsubscribe from Promos' },
          { type: 'COPY_CODE', example: '250FF' },
        ],
      },
    ]);
    expect(preview.parameters).toEqual([
      { name: '1', where: 'body', example: '25OFF' },
      { name: '2', where: 'body', example: '25%' },
      { name: 'button_1', where: 'button', example: '250FF' },
    ]);
  });

  it('a header text parameter comes from header_text; a parameter without an example has none', () => {
    const preview = templatePreview([
      { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { header_text: ['A-17'] } },
      { type: 'BODY', text: 'Dear {{1}}' },
    ]);
    expect(preview.parameters).toEqual([
      { name: '1', where: 'header', example: 'A-17' },
      { name: '1', where: 'body', example: null },
    ]);
  });

  it('reads nothing from components that are not a JSON list', () => {
    expect(parseComponents('not json')).toEqual([]);
    expect(parseComponents('{"type":"BODY"}')).toEqual([]);
    expect(templatePreview(parseComponents('[{"type":"BODY","text":"Hi"}]')).body).toEqual([
      { kind: 'text', text: 'Hi' },
    ]);
  });
});
