import { registerAllCatalogues } from '../../app/i18n-catalogues.server';

// Tests render in either language synchronously, as the server does.
registerAllCatalogues();
