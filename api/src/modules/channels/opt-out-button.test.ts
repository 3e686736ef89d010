import { buttonReplyOf, optOutButtonTexts, pressesOptOut } from './opt-out-button';

describe('a template’s opt-out button', () => {
  const components = [
    { type: 'BODY', text: 'Diskon 50%' },
    {
      type: 'BUTTONS',
      buttons: [
        { type: 'URL', text: 'Stop by our shop', url: 'https://toko.co.id' },
        { type: 'QUICK_REPLY', text: 'Lihat katalog' },
        { type: 'QUICK_REPLY', text: 'Stop promotions' },
        { type: 'QUICK_REPLY', text: 'Berhenti langganan' },
      ],
    },
  ];

  it('is a quick reply whose text says stop, in English or Indonesian (not a URL button)', () => {
    expect(optOutButtonTexts(components)).toEqual(['stop promotions', 'berhenti langganan']);
    expect(optOutButtonTexts('not components')).toEqual([]);
  });

  it('is pressed when the text or the payload of the reply is its text, whatever the case', () => {
    const texts = optOutButtonTexts(components);
    expect(pressesOptOut({ type: 'button', button: { text: 'Stop Promotions', payload: 'x' } }, texts)).toBe(true);
    expect(pressesOptOut({ type: 'button', button: { text: 'Tombol', payload: 'berhenti langganan' } }, texts)).toBe(
      true,
    );
    expect(pressesOptOut({ type: 'button', button: { text: 'Lihat katalog', payload: 'Lihat katalog' } }, texts)).toBe(
      false,
    );
  });

  it('is never pressed by a typed text message, even one with the same words', () => {
    const texts = optOutButtonTexts(components);
    expect(buttonReplyOf({ type: 'text' })).toEqual([]);
    expect(pressesOptOut({ type: 'text' }, texts)).toBe(false);
  });
});
