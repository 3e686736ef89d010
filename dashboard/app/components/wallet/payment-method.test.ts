import { createI18n } from '../../i18n';
import { paymentMethodName } from './payment-method';

describe('a payment method on the receipt', () => {
  it('names Midtrans’ payment types in the reader’s language', () => {
    const id = createI18n('id').t;
    const en = createI18n('en').t;
    expect(paymentMethodName('bank_transfer', id)).toBe('Transfer bank (virtual account)');
    expect(paymentMethodName('bank_transfer', en)).toBe('Bank transfer (virtual account)');
    expect(paymentMethodName('credit_card', id)).toBe('Kartu kredit atau debit');
    expect(paymentMethodName('cstore', en)).toBe('Convenience store (Indomaret, Alfamart)');
    expect(paymentMethodName('echannel', en)).toBe('Mandiri Bill Payment');
    expect(paymentMethodName('gopay', id)).toBe('GoPay');
    expect(paymentMethodName('qris', en)).toBe('QRIS');
    expect(paymentMethodName('shopeepay', id)).toBe('ShopeePay');
  });

  it('reads a type it does not know as words, not as a code', () => {
    const en = createI18n('en').t;
    expect(paymentMethodName('other_qris', en)).toBe('Other qris');
    expect(paymentMethodName('dana', en)).toBe('Dana');
  });
});
