import { balanceWarning } from './balance-warning';

describe('the overview balance warning', () => {
  it('warns of a debt before anything else', () => {
    expect(balanceWarning({ available: -20_000, debt: 20_000, lowBalanceThreshold: 100_000 })).toBe('debt');
  });

  it('warns when available falls under the threshold, not at it', () => {
    expect(balanceWarning({ available: 99_999, debt: 0, lowBalanceThreshold: 100_000 })).toBe('low');
    expect(balanceWarning({ available: 100_000, debt: 0, lowBalanceThreshold: 100_000 })).toBeNull();
  });

  it('never warns of a low balance when the threshold is off (0)', () => {
    expect(balanceWarning({ available: 0, debt: 0, lowBalanceThreshold: 0 })).toBeNull();
  });
});
