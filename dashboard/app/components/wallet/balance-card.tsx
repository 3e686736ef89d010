import { useTranslation } from 'react-i18next';
import { formatRupiah } from '../../utils/format';
import { Card } from '../ui/card';

export interface WalletAmounts {
  balance: number;
  held: number;
  available: number;
  debt: number;
}

/** The four figures of the wallet; debt only stands out when there is some (sending is refused then). */
export function BalanceCard({ wallet }: { wallet: WalletAmounts }) {
  const { t } = useTranslation();
  const figures = [
    { id: 'available', label: t('wallet.balance.available'), value: wallet.available },
    { id: 'balance', label: t('wallet.balance.balance'), value: wallet.balance },
    { id: 'held', label: t('wallet.balance.held'), value: wallet.held },
    { id: 'debt', label: t('wallet.balance.debt'), value: wallet.debt },
  ] as const;
  return (
    <Card title={t('wallet.balance.title')} icon="wallet">
      <dl className="wallet-figures" data-testid="wallet-figures">
        {figures.map((figure) => (
          <div
            key={figure.id}
            className={[
              'wallet-figures__item',
              figure.id === 'debt' && figure.value > 0 ? 'wallet-figures__item--danger' : null,
            ]
              .filter(Boolean)
              .join(' ')}
            data-testid={`wallet-${figure.id}`}
          >
            <dt className="wallet-figures__label">{figure.label}</dt>
            <dd className="wallet-figures__value">{formatRupiah(figure.value)}</dd>
          </div>
        ))}
      </dl>
      {wallet.debt > 0 ? <p className="field__error">{t('wallet.balance.debtExplained')}</p> : null}
      <p className="field__hint">{t('wallet.balance.explained')}</p>
    </Card>
  );
}
