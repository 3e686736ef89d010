import { Form, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { loadCatalogue } from '../../i18n-catalogues';
import { languages } from '../../utils/language';

/** EN | ID. A plain form post, so it works before (or without) JavaScript; the action sets the `lng` cookie. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  return (
    <Form method="post" action="/set-language" className="language-switch">
      <fieldset className="language-switch__group">
        <legend className="visually-hidden">{t('shell.language.label')}</legend>
        <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
        {languages.map((lng) => (
          <button
            key={lng}
            type="submit"
            name="lng"
            value={lng}
            lang={lng}
            className="language-switch__option"
            aria-pressed={i18n.language === lng}
            // The other language's strings travel while the switch's post and the page's reload do; the layout
            // waits for them in any case (useReaderI18n). A failure here is retried there.
            onClick={() => void loadCatalogue(lng).catch(() => undefined)}
            title={t('shell.language.switchTo', { language: t(`shell.language.${lng}.name`) })}
          >
            {t(`shell.language.${lng}.short`)}
          </button>
        ))}
      </fieldset>
    </Form>
  );
}
