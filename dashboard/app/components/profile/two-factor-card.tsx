import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { useClientValidation } from '../../utils/forms';
import { Alert, FormError } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Card } from '../ui/card';
import { CopyButton } from '../ui/copy-button';
import { Field } from '../ui/field';
import { disableTwoFactorSchema, enableTwoFactorSchema, regenerateCodesSchema } from './schemas';
import { feedbackFor, type FormFeedback, type ProfileActionData, type TwoFactorSetupView } from './types';
import { Button } from '../ui/button';

/** Off -> setup (QR + key, confirm with a code) -> on (recovery codes shown once; regenerate; turn off). */
export function TwoFactorCard({ enabled, actionData }: { enabled: boolean; actionData?: ProfileActionData }) {
  const { t } = useTranslation();
  const setupFeedback = feedbackFor(actionData, 'startTwoFactor', 'enableTwoFactor');
  const codes = feedbackFor(actionData, 'enableTwoFactor', 'regenerateRecoveryCodes')?.recoveryCodes;

  return (
    <Card
      title={t('profile.twoFactor.title')}
      icon="shield"
      action={<Badge tone={enabled ? 'success' : 'neutral'}>{enabled ? t('common.on') : t('common.off')}</Badge>}
    >
      {codes ? <RecoveryCodes codes={codes} /> : null}
      {enabled ? (
        <EnabledState actionData={actionData} />
      ) : setupFeedback?.setup ? (
        <SetupState setup={setupFeedback.setup} feedback={setupFeedback} />
      ) : (
        <>
          <FormError message={setupFeedback?.formError} />
          <p className="card__lead">{t('profile.twoFactor.statusOff')}</p>
          <Form method="post">
            <Button variant="primary" intent="startTwoFactor">
              {t('profile.twoFactor.start')}
            </Button>
          </Form>
        </>
      )}
    </Card>
  );
}

function SetupState({ setup, feedback }: { setup: TwoFactorSetupView; feedback: FormFeedback }) {
  const { t } = useTranslation();
  const client = useClientValidation(enableTwoFactorSchema);
  const fieldErrors = client.fieldErrors ?? feedback.fieldErrors;
  // Groups of four are easier to type into an app; apps ignore the spaces.
  const groupedSecret = setup.secret.replace(/(.{4})(?=.)/g, '$1 ');
  return (
    <div className="two-factor-setup">
      <section className="two-factor-setup__scan">
        <h3 className="section-title">{t('profile.twoFactor.scanTitle')}</h3>
        <img
          className="two-factor-setup__qr"
          src={setup.qrDataUri}
          alt={t('profile.twoFactor.qrAlt')}
          width={184}
          height={184}
        />
        <p className="field__hint">{t('profile.twoFactor.manualEntry')}</p>
        <div className="secret">
          <code className="secret__value" data-testid="totp-secret">
            {groupedSecret}
          </code>
          <CopyButton value={setup.secret} />
        </div>
        <a href={setup.otpauthUri} className="two-factor-setup__app-link">
          {t('profile.twoFactor.openInApp')}
        </a>
      </section>
      <section className="two-factor-setup__confirm">
        <h3 className="section-title">{t('profile.twoFactor.confirmTitle')}</h3>
        <FormError message={feedback.fieldErrors ? undefined : feedback.formError} />
        <Form method="post" className="form" noValidate onSubmit={client.onSubmit}>
          <input type="hidden" name="setupSecret" value={setup.secret} />
          <input type="hidden" name="setupQr" value={setup.qrDataUri} />
          <input type="hidden" name="setupUri" value={setup.otpauthUri} />
          <Field
            label={t('profile.twoFactor.code')}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={10}
            required
            className="input--code"
            error={fieldErrors?.code}
          />
          <Field
            label={t('profile.twoFactor.password')}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            error={fieldErrors?.password}
          />
          <div className="form__actions">
            <Button variant="primary" intent="enableTwoFactor">
              {t('profile.twoFactor.enable')}
            </Button>
            <Link to="/settings/profile" className="button button--secondary">
              {t('profile.twoFactor.cancel')}
            </Link>
          </div>
        </Form>
      </section>
    </div>
  );
}

function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  return (
    <div className="recovery">
      <Alert tone="warning" title={t('profile.twoFactor.recoveryTitle')}>
        <p>{t('profile.twoFactor.recoveryIntro')}</p>
      </Alert>
      <ol className="recovery__codes" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="form__actions">
        <CopyButton value={codes.join('\n')} />
        <Link to="/settings/profile" className="button button--primary" replace>
          {t('profile.twoFactor.recoveryDone')}
        </Link>
      </div>
    </div>
  );
}

/** A current code from the app or an unused recovery code: what weakening or replacing the second factor asks for. */
function SecondFactorField({ error }: { error?: Parameters<typeof Field>[0]['error'] }) {
  const { t } = useTranslation();
  return (
    <Field
      label={t('profile.twoFactor.disableCode')}
      name="code"
      autoComplete="one-time-code"
      maxLength={64}
      required
      className="input--code"
      error={error}
    />
  );
}

function EnabledState({ actionData }: { actionData?: ProfileActionData }) {
  const { t } = useTranslation();
  const enabledNow = feedbackFor(actionData, 'enableTwoFactor')?.ok;
  const regenerate = feedbackFor(actionData, 'regenerateRecoveryCodes');
  const disable = feedbackFor(actionData, 'disableTwoFactor');
  const regenerateClient = useClientValidation(regenerateCodesSchema);
  const disableClient = useClientValidation(disableTwoFactorSchema);
  const regenerateErrors = regenerateClient.fieldErrors ?? regenerate?.fieldErrors;
  const disableErrors = disableClient.fieldErrors ?? disable?.fieldErrors;

  return (
    <>
      {enabledNow ? null : <p className="card__lead">{t('profile.twoFactor.statusOn')}</p>}
      <div className="split">
        <section>
          <h3 className="section-title">{t('profile.twoFactor.regenerateTitle')}</h3>
          <p className="field__hint">{t('profile.twoFactor.regenerateIntro')}</p>
          <FormError message={regenerate?.fieldErrors ? undefined : regenerate?.formError} />
          <Form method="post" className="form" noValidate onSubmit={regenerateClient.onSubmit}>
            <Field
              label={t('profile.twoFactor.password')}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              error={regenerateErrors?.password}
            />
            <SecondFactorField error={regenerateErrors?.code} />
            <div className="form__actions">
              <Button variant="secondary" intent="regenerateRecoveryCodes">
                {t('profile.twoFactor.regenerate')}
              </Button>
            </div>
          </Form>
        </section>
        <section>
          <h3 className="section-title">{t('profile.twoFactor.disableTitle')}</h3>
          <p className="field__hint">{t('profile.twoFactor.disableIntro')}</p>
          <FormError message={disable?.fieldErrors ? undefined : disable?.formError} />
          <Form method="post" className="form" noValidate onSubmit={disableClient.onSubmit}>
            <Field
              label={t('profile.twoFactor.password')}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              error={disableErrors?.password}
            />
            <SecondFactorField error={disableErrors?.code} />
            <div className="form__actions">
              <Button variant="danger" intent="disableTwoFactor">
                {t('profile.twoFactor.disable')}
              </Button>
            </div>
          </Form>
        </section>
      </div>
    </>
  );
}
