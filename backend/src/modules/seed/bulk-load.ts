import type pg from 'pg';

/**
 * PostgreSQL's advice for populating a table: drop its foreign keys, keys and indexes, load, then re-create
 * them, which builds each index by one sort and checks every row in one pass instead of row by row.
 * The definitions are read back from the catalog, so the table ends exactly as the migrations made it.
 * Must run inside a transaction: if anything fails, the drops roll back too.
 */
export async function withBulkLoad<T>(client: pg.ClientBase, table: string, load: () => Promise<T>): Promise<T> {
  const { rows: constraints } = await client.query<{ name: string; def: string; type: string }>(
    `SELECT c.conname AS name, pg_get_constraintdef(c.oid) AS def, c.contype AS type
       FROM pg_constraint c
      WHERE c.conrelid = $1::regclass AND c.contype IN ('f', 'p', 'u')
        -- a key that another table's foreign key depends on must stay
        AND NOT (c.contype IN ('p', 'u') AND EXISTS (
              SELECT 1 FROM pg_constraint r WHERE r.contype = 'f' AND r.confrelid = c.conrelid AND r.conindid = c.conindid))
      ORDER BY c.contype = 'f' DESC, c.conname`,
    [table],
  );
  const { rows: indexes } = await client.query<{ name: string; def: string }>(
    `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
      WHERE x.indrelid = $1::regclass
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)
      ORDER BY i.relname`,
    [table],
  );
  await client.query(`SET LOCAL maintenance_work_mem = '256MB'`);
  for (const c of constraints) await client.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${c.name}"`);
  for (const ix of indexes) await client.query(`DROP INDEX "${ix.name}"`);
  const result = await load();
  const keys = constraints.filter((c) => c.type !== 'f');
  const foreign = constraints.filter((c) => c.type === 'f');
  for (const c of keys) await client.query(`ALTER TABLE "${table}" ADD CONSTRAINT "${c.name}" ${c.def}`);
  for (const ix of indexes) await client.query(ix.def);
  for (const c of foreign) await client.query(`ALTER TABLE "${table}" ADD CONSTRAINT "${c.name}" ${c.def}`);
  return result;
}

/**
 * Runs load with the named triggers of table disabled, for a bulk load that brings what they maintain up to date
 * once, set-based, afterwards. Must run inside a transaction: the disabling is DDL, so other sessions never see
 * it (and wait on the table's lock), and a failed load rolls it back with everything else. There is no finally:
 * after an error the transaction accepts no statement until it has rolled back. Named triggers rather than
 * session_replication_role = replica, which needs a superuser and would silence every trigger of the session,
 * the change notifications (0006) included.
 */
export async function withTriggersDisabled<T>(
  client: pg.ClientBase,
  table: string,
  triggers: string[],
  load: () => Promise<T>,
): Promise<T> {
  // Fails outside a transaction block, where the disabling would commit at once and outlive a failed load.
  await client.query('SAVEPOINT with_triggers_disabled');
  await client.query('RELEASE SAVEPOINT with_triggers_disabled');
  const { rows } = await client.query<{ name: string; enabled: string }>(
    `SELECT tgname AS name, tgenabled AS enabled FROM pg_trigger WHERE tgrelid = $1::regclass AND tgname = ANY($2::text[])`,
    [table, triggers],
  );
  const missing = triggers.filter((t) => !rows.some((r) => r.name === t));
  if (missing.length > 0) throw new Error(`No trigger ${missing.join(', ')} on ${table}`);
  for (const t of triggers) await client.query(`ALTER TABLE "${table}" DISABLE TRIGGER "${t}"`);
  const result = await load();
  // Each trigger back in its own firing mode (pg_trigger.tgenabled); one that was disabled stays so.
  const mode: Record<string, string> = { O: 'ENABLE', A: 'ENABLE ALWAYS', R: 'ENABLE REPLICA' };
  for (const r of rows)
    if (mode[r.enabled]) await client.query(`ALTER TABLE "${table}" ${mode[r.enabled]} TRIGGER "${r.name}"`);
  return result;
}
