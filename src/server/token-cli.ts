/**
 * `terminmarke token create --db FILE --office O --role R [--role R2] --device D` prints a new
 * token once (only its hash is stored); `token list --db FILE [--office O] [--json]` shows tokens
 * without secrets; `token revoke --db FILE (--device D | --id ID) [--office O]`. The server may be
 * running on the same file: it notices the change on the next request. Creating and revoking
 * are written to audit.log beside the database, as `cli` and the OS user.
 */
import { parseSubcommand } from '../platform/subcommand.ts';
import { cliAudit } from '../platform/audit-log.ts';
import { openDatabase } from '../store/database.ts';
import { listOfficeIds } from '../store/schedule-repository.ts';
import {
  ROLES,
  type Role,
  type TokenListing,
  generateToken,
  listTokens,
  hashToken,
  registerToken,
  revokeTokens,
  tokenIdOf,
} from './auth.ts';

const DEVICE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
const USAGE =
  'usage: terminmarke token create --db FILE --office O --role R --device D\n' +
  '       terminmarke token list --db FILE [--office O] [--json]\n' +
  '       terminmarke token revoke --db FILE (--device D | --id ID) [--office O]';

/** Runs one token subcommand; returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  const { action, values } = parseSubcommand(argv, {
    db: { type: 'string' },
    office: { type: 'string' },
    role: { type: 'string', multiple: true },
    device: { type: 'string' },
    id: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  if (action !== 'create' && action !== 'list' && action !== 'revoke') {
    console.error(USAGE);
    return 2;
  }
  if (!values.db) throw new Error('--db FILE is required (the server database)');
  const db = openDatabase(values.db);
  try {
    const now = Date.now();
    if (action === 'create') {
      const office = required('office', values.office);
      if (!listOfficeIds(db).some((id) => id === office))
        throw new Error(`no office "${office}" in ${values.db}`);
      const device = required('device', values.device);
      if (!DEVICE_ID.test(device))
        throw new Error('--device: 1–64 letters, digits, ".", "_", ":" or "-"');
      const roles = checkRoles(values.role ?? []);
      const token = generateToken();
      registerToken(db, token, { officeId: office, roles, deviceId: device }, now);
      cliAudit(values.db)('device-token-created', {
        office,
        tokenId: tokenIdOf(hashToken(token)),
        deviceId: device,
        roles,
      });
      console.error(`Token for ${device} (${roles.join(', ')}) in office ${office}; shown once:`);
      console.log(token);
      return 0;
    }
    if (action === 'list') {
      const tokens = listTokens(db, values.office);
      if (values.json) for (const t of tokens) console.log(JSON.stringify(listingJson(t)));
      else printTable(tokens);
      return 0;
    }
    if ((values.device === undefined) === (values.id === undefined))
      throw new Error('token revoke needs either --device D or --id ID');
    const target =
      values.device !== undefined
        ? { deviceId: values.device, officeId: values.office }
        : { tokenId: (values.id ?? '').toLowerCase(), officeId: values.office };
    const revoked = revokeTokens(db, target, now);
    cliAudit(values.db)('device-tokens-revoked', {
      office: values.office ?? null,
      ...('deviceId' in target ? { deviceId: target.deviceId } : { tokenId: target.tokenId }),
      revoked,
    });
    if (revoked === 0) {
      console.error('No valid token matched; nothing was revoked.');
      return 1;
    }
    console.log(`Revoked ${revoked} token role(s); a running server refuses them from now on.`);
    return 0;
  } finally {
    db.close();
  }
}

function required(name: string, value: string | undefined): string {
  if (value === undefined || value === '') throw new Error(`--${name} is required`);
  return value;
}

function checkRoles(given: readonly string[]): Role[] {
  if (given.length === 0) throw new Error(`--role is required (one of: ${ROLES.join(', ')})`);
  return [...new Set(given)].map((role) => {
    const known = ROLES.find((r) => r === role);
    if (!known) throw new Error(`--role: unknown role "${role}" (one of: ${ROLES.join(', ')})`);
    return known;
  });
}

function listingJson(t: TokenListing) {
  return {
    id: t.tokenId,
    office: t.officeId,
    device: t.deviceId,
    roles: t.roles,
    createdAt: new Date(t.createdAt).toISOString(),
    revokedAt: t.revokedAt === null ? null : new Date(t.revokedAt).toISOString(),
  };
}

function printTable(tokens: readonly TokenListing[]): void {
  if (tokens.length === 0) {
    console.log('(no device tokens)');
    return;
  }
  for (const t of tokens.map(listingJson)) {
    const state = t.revokedAt === null ? 'valid' : `revoked ${t.revokedAt}`;
    console.log(
      `${t.id}  ${t.office}  ${t.device}  ${t.roles.join(',')}  created ${t.createdAt}  ${state}`,
    );
  }
}
