import type { LoaderFunctionArgs } from '@remix-run/node';
import { graphql } from '../graphql';
import { requirePermission } from '../utils/auth.server';
import { errorResponse, gql } from '../utils/graphql.server';

const StatementQuery = graphql(`
  query WalletStatement($month: String!) {
    monthlyStatement(month: $month) {
      csv
      filename
    }
  }
`);

/**
 * A month of the wallet as a CSV download (the API writes the CSV, headers in the reader's language). A resource
 * route: the ledger page's export form is a plain GET here.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'PAYMENTS_READ');
  const month = new URL(request.url).searchParams.get('month') ?? '';
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw errorResponse({ messageKey: 'validation.invalid' }, 400);
  const { monthlyStatement } = await gql(request, StatementQuery, { month });
  return new Response(monthlyStatement.csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${monthlyStatement.filename.replace(/[^\w.-]/g, '_')}"`,
    },
  });
}
