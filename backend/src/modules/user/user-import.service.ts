import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { requireRole, requireWriter, type Actor } from '../../core/auth/actor.js';
import { BadInputError, type Problem } from '../../core/errors/domain-error.js';
import { csvRows, type CsvLimits } from '../import/spreadsheet/csv-source.js';
import { cellText } from '../import/spreadsheet/normalize.js';
import { isBlankRow, SpreadsheetFileError, type RawRow } from '../import/spreadsheet/raw-row.js';
import { checkAccountFields, type AccountFields } from './account-rules.js';
import { UserRepository } from './user.repository.js';
import { UserService, type PasswordLink } from './user.service.js';

export const USER_IMPORT_LIMITS = { maxBytes: 1_000_000, maxRows: 2_000, maxProblems: 1_000 } as const;

/**
 * The CSV reader's bounds for an accounts file (four short columns): far tighter than a report's, so that a line of
 * commas or one huge quoted field stops within a few kilobytes. Blank lines count towards maxRowNumber.
 */
const CSV_LIMITS: CsvLimits = { maxColumns: 32, maxCellChars: 1_000, maxRecordChars: 8_192, maxRowNumber: 10_000 };

type Column = 'email' | 'displayName' | 'provinceCode' | 'role';

/** Header names accepted for each column (compared lower-case, spaces and _ ignored), English and Thai. */
const HEADERS: Record<Column, string[]> = {
  email: ['email', 'e-mail', 'อีเมล'],
  displayName: ['displayname', 'name', 'ชื่อ', 'ชื่อที่แสดง'],
  provinceCode: ['provincecode', 'province', 'จังหวัด', 'รหัสจังหวัด'],
  role: ['role', 'บทบาท'],
};

const key = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '');

export interface ImportedAccount extends AccountFields {
  row: number;
}

export interface UserImportResult {
  dryRun: boolean;
  rowCount: number;
  /** Every problem, by row and column (empty when the file can be imported). */
  problems: Problem[];
  accounts: ImportedAccount[];
  /** After a commit: each account's invitation (shown this once). */
  invitations: Array<{
    row: number;
    email: string;
    displayName: string;
    role: string;
    provinceCode: string | null;
    setPasswordPath: string;
    expiresAt: Date;
  }>;
}

/** Bytes beyond the limit stop the read: a 1 GB upload costs one megabyte of memory, not one gigabyte. */
async function* bounded(chunks: AsyncIterable<Buffer>, maxBytes: number): AsyncGenerator<Buffer> {
  let seen = 0;
  for await (const c of chunks) {
    seen += c.length;
    if (seen > maxBytes)
      throw new BadInputError(`The file is larger than ${maxBytes / 1e6} MB`, [
        { code: 'FILE_TOO_LARGE', message: `At most ${maxBytes / 1e6} MB` },
      ]);
    yield c;
  }
}

/**
 * Officers' accounts from a CSV (email, display name, province code, role defaulting to OFFICER). A dry run lists
 * every problem with its row and column; a commit writes all the accounts and their invitations or, with any
 * problem, nothing.
 */
@Injectable()
export class UserImportService {
  constructor(
    private readonly db: DataSource,
    private readonly users: UserRepository,
    private readonly service: UserService,
  ) {}

  async run(actor: Actor | null, body: AsyncIterable<Buffer>, dryRun: boolean): Promise<UserImportResult> {
    requireWriter(actor);
    const a = requireRole(actor, ['ADMIN'], 'import accounts');
    const { accounts, problems, rowCount } = await this.check(body);
    if (dryRun) return { dryRun, rowCount, problems, accounts, invitations: [] };
    if (problems.length > 0)
      throw new BadInputError(`${problems.length} problem(s) in the file: no account was created`, problems);
    const links: PasswordLink[] = await this.db.transaction(async (m) => {
      // Checked again inside the transaction: an account created since the dry run makes the whole file wait.
      const taken = await this.users.existingEmails(
        m,
        accounts.map((x) => x.email),
      );
      if (taken.size > 0) {
        throw new BadInputError(
          'Accounts were created meanwhile: check the file again',
          accounts
            .filter((x) => taken.has(x.email))
            .map((x) => ({
              row: x.row,
              column: 'email',
              code: 'EMAIL_TAKEN',
              message: 'An account with this e-mail exists',
            })),
        );
      }
      return this.service.createAccounts(m, a, accounts, 'import');
    });
    return {
      dryRun,
      rowCount,
      problems: [],
      accounts,
      invitations: links.map((l, i) => ({
        row: accounts[i].row,
        email: l.user.email,
        displayName: l.user.displayName,
        role: l.user.role,
        provinceCode: l.user.provinceCode,
        setPasswordPath: l.setPasswordPath,
        expiresAt: l.expiresAt,
      })),
    };
  }

  private async check(
    body: AsyncIterable<Buffer>,
  ): Promise<{ accounts: ImportedAccount[]; problems: Problem[]; rowCount: number }> {
    const problems: Problem[] = [];
    const rows: RawRow[] = [];
    let header: RawRow | null = null;
    try {
      for await (const r of csvRows(bounded(body, USER_IMPORT_LIMITS.maxBytes), CSV_LIMITS)) {
        if (isBlankRow(r)) continue;
        if (!header) header = r;
        else if (rows.length >= USER_IMPORT_LIMITS.maxRows) {
          throw new BadInputError(`At most ${USER_IMPORT_LIMITS.maxRows.toLocaleString('en-US')} accounts per file`, [
            {
              row: r.row,
              code: 'TOO_MANY_ROWS',
              message: `At most ${USER_IMPORT_LIMITS.maxRows} rows: split the file`,
            },
          ]);
        } else rows.push(r);
      }
    } catch (err) {
      if (err instanceof SpreadsheetFileError) {
        throw new BadInputError(err.message, [
          {
            ...(err.row ? { row: err.row } : {}),
            ...(err.column ? { column: err.column } : {}),
            code: err.code,
            message: err.message,
          },
        ]);
      }
      throw err;
    }
    if (!header)
      throw new BadInputError('The file is empty', [
        {
          row: 1,
          code: 'NO_ROWS',
          message: 'Expected a header row (email, display name, province code, role) and one row per account',
        },
      ]);

    const names = header.cells.map((c) => (c ? (cellText(c.value) ?? '') : ''));
    const index = {} as Record<Column, number>;
    for (const col of Object.keys(HEADERS) as Column[])
      index[col] = names.findIndex((n) => HEADERS[col].includes(key(n)));
    for (const col of ['email', 'displayName', 'provinceCode'] as const) {
      if (index[col] < 0)
        problems.push({
          row: header.row,
          column: col,
          code: 'MISSING_COLUMN',
          message: `No "${HEADERS[col][0]}" column in the header row`,
        });
    }
    if (problems.length > 0) throw new BadInputError('The header row lacks columns', problems);
    if (rows.length === 0)
      throw new BadInputError('No accounts in the file', [
        { row: header.row + 1, code: 'NO_ROWS', message: 'One row per account under the header' },
      ]);

    const cell = (r: RawRow, col: Column): string | null =>
      index[col] < 0 ? null : (cellText(r.cells[index[col]]?.value ?? null) ?? null);
    const column = (col: Column) => (index[col] < 0 ? col : names[index[col]].trim() || col);
    const accounts: ImportedAccount[] = [];
    const firstRowOf = new Map<string, number>();
    for (const r of rows) {
      const fields = checkAccountFields(
        {
          email: cell(r, 'email') ?? '',
          displayName: cell(r, 'displayName'),
          role: cell(r, 'role') ?? 'OFFICER',
          provinceCode: cell(r, 'provinceCode'),
        },
        (field) => ({ row: r.row, column: column(field) }),
        problems,
      );
      if (fields.email) {
        const first = firstRowOf.get(fields.email);
        if (first !== undefined)
          problems.push({
            row: r.row,
            column: column('email'),
            code: 'DUPLICATE_IN_FILE',
            message: `The same e-mail is on row ${first}`,
          });
        else firstRowOf.set(fields.email, r.row);
      }
      accounts.push({ ...fields, row: r.row });
    }
    const [provinces, taken] = await Promise.all([
      this.users.provinceIds(this.db, [
        ...new Set(accounts.map((x) => x.provinceCode).filter((c): c is string => c !== null)),
      ]),
      this.users.existingEmails(this.db, [...firstRowOf.keys()]),
    ]);
    for (const x of accounts) {
      if (x.provinceCode && /^TH-\d{2}$/.test(x.provinceCode) && !provinces.has(x.provinceCode)) {
        problems.push({
          row: x.row,
          column: column('provinceCode'),
          code: 'UNKNOWN_PROVINCE',
          message: `No province has the code ${x.provinceCode}`,
        });
      }
      if (taken.has(x.email) && firstRowOf.get(x.email) === x.row)
        problems.push({
          row: x.row,
          column: column('email'),
          code: 'EMAIL_TAKEN',
          message: 'An account with this e-mail exists',
        });
    }
    problems.sort((p, q) => (p.row ?? 0) - (q.row ?? 0));
    return { accounts, problems: problems.slice(0, USER_IMPORT_LIMITS.maxProblems), rowCount: rows.length };
  }
}
