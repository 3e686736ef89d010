import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { formatRupiah } from '../../utils/format';
import { Alert } from '../ui/alert';
import { buttonClass } from '../ui/button';
import { Card } from '../ui/card';
import { balanceWarning, type WarnableWallet } from './balance-warning';

export interface OverviewWallet extends WarnableWallet {
  balance: number;
  held: number;
  canTopUp: boolean;
}

/** Available and balance at a glance, a warning when low or in debt, and the way to top up. */
export function WalletSummaryCard({ wallet }: { wallet: OverviewWallet }) {
  const { t } = useTranslation();
  const warning = balanceWarning(wallet);
  return (
    <Card
      title={t('overview.wallet.title')}
      icon="wallet"
      action={<Link to="/wallet">{t('overview.wallet.open')}</Link>}
    >
      <dl className="wallet-figures" data-testid="overview-wallet">
        <div className="wallet-figures__item" data-testid="overview-available">
          <dt className="wallet-figures__label">{t('wallet.balance.available')}</dt>
          <dd className="wallet-figures__value">{formatRupiah(wallet.available)}</dd>
        </div>
        <div className="wallet-figures__item" data-testid="overview-balance">
          <dt className="wallet-figures__label">{t('wallet.balance.balance')}</dt>
          <dd className="wallet-figures__value">{formatRupiah(wallet.balance)}</dd>
        </div>
      </dl>
      {warning === 'debt' ? (
        <Alert tone="danger" title={t('overview.wallet.debtTitle')}>
          <p>{t('overview.wallet.debt', { debt: formatRupiah(wallet.debt) })}</p>
        </Alert>
      ) : null}
      {warning === 'low' ? (
        <Alert tone="warning" title={t('overview.wallet.lowTitle')}>
          <p>{t('overview.wallet.low', { threshold: formatRupiah(wallet.lowBalanceThreshold) })}</p>
        </Alert>
      ) : null}
      {wallet.canTopUp ? (
        <p className="overview__actions">
          <Link to="/wallet" className={buttonClass({ variant: warning ? 'primary' : 'secondary' })}>
            {t('overview.wallet.topUp')}
          </Link>
        </p>
      ) : null}
    </Card>
  );
}
