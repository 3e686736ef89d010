import { createRemixStub } from '@remix-run/testing';
import { render } from '@testing-library/react';
import type { ComponentType } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../app/i18n';
import type { Language } from '../../app/utils/language';

// createRemixStub builds its router without React Router's v7 flags (the app itself runs Remix with them on), so
// every test would print the same "Future Flag Warning"s; drop just those.
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].includes('React Router Future Flag Warning')) return;
  warn(...args);
};

/** Renders a component inside Remix's router at `path`, translated into `lng`, as the root layout would. */
export function renderInRemix(Component: ComponentType, { lng, path }: { lng: Language; path: string }) {
  const RemixStub = createRemixStub([{ path: '*', Component }]);
  return render(
    <I18nextProvider i18n={createI18n(lng)}>
      <RemixStub initialEntries={[path]} />
    </I18nextProvider>,
  );
}
