export interface WarnableWallet {
  available: number;
  debt: number;
  lowBalanceThreshold: number;
}

/**
 * What the overview warns about: a debt (sending is refused until a top-up covers it), else an available amount
 * under the workspace's low-balance threshold (0 turns the warning off), else nothing.
 */
export function balanceWarning(wallet: WarnableWallet): 'debt' | 'low' | null {
  if (wallet.debt > 0) return 'debt';
  if (wallet.lowBalanceThreshold > 0 && wallet.available < wallet.lowBalanceThreshold) return 'low';
  return null;
}
