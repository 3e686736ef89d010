import 'i18next';
import type en from '../locales/en.json';

// English is the reference shape: `t('missing.key')` fails the type check, and the locale test keeps id.json in step.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
    strictKeyChecks: true;
  }
}
