import { DEMO_ACCOUNTS } from '../../modules/seed/demo-accounts.js';
import { withClient } from './database-setup.js';

export class ProductionGuardError extends Error {}

/**
 * The demo accounts share a password printed in the README: a production server on a database that holds
 * them (a development database pointed at by mistake, or a demo load) would let anyone in. Refuse to start.
 */
export async function assertNoDemoAccounts(url: string): Promise<void> {
  const emails = DEMO_ACCOUNTS.map((a) => a.email);
  const rows = await withClient(url, (c) =>
    c.query<{ email: string }>(`SELECT email FROM app_user WHERE email = ANY($1) ORDER BY email`, [emails]),
  );
  if (rows.rows.length > 0) {
    throw new ProductionGuardError(
      `the database holds ${rows.rows.length} demo account(s) (${rows.rows.map((r) => r.email).join(', ')}), whose password is public. ` +
        'Point DATABASE_URL at a production database, or delete those accounts first.',
    );
  }
}
