/**
 * Statistics of a day driven through the API, checked against counts the test makes itself from
 * the appointments answer and the database rows, in JSON, CSV and XLSX and through the CLI; then
 * retention with the clock moved 16 days on: the day's records are gone, its figures are not.
 */
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { TicketWire } from '../../src/wire/tickets.ts';
import type { CallWire } from '../../src/wire/queue.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { MELDE, TOKEN, api, dbIn, startServerProcess } from './support/server-process.ts';

const tempDir = useTempDir('terminmarke-stats-');
const OFFICE = '/offices/demo';
const DAY = '2026-11-24';
const BIN = new URL('../../bin/terminmarke.js', import.meta.url).pathname;
const FIELDS = [
  'period',
  'walkInTickets',
  'onlineBookings',
  'shortSlotsPlanned',
  'shortSlotsUsedWalkIn',
  'shortSlotsUsedOnline',
  'utilisation',
  'checkIns',
  'noShows',
  'medianWaitMinutes',
  'p90WaitMinutes',
  'medianServiceMinutes',
];

type Period = Record<string, number | string | null>;
interface ListedAppointment {
  code: string;
  status: string;
  source: string;
  slots: string[];
}

async function playTheDay(server: { url: string }) {
  const post = (path: string, body?: unknown, key?: string) =>
    api(server, 'POST', `${OFFICE}${path}`, body, key ? { 'idempotency-key': key } : {});
  const drawn: TicketWire[] = [];
  for (let i = 0; i < 4; i++) {
    const answer = await post('/walk-ins', { services: [MELDE], deviceId: 'kiosk-1' }, `draw-${i}`);
    expect(answer.status).toBe(201);
    drawn.push((answer.body as { ticket: TicketWire }).ticket);
  }
  for (const ticket of drawn.slice(0, 3)) {
    expect((await post('/check-ins', { input: ticket.code, deviceId: 'checkin-1' })).status).toBe(
      200,
    );
  }
  const callNext = async (key: string) => {
    const answer = await post('/counters/S1/call-next', undefined, key);
    expect(answer.status).toBe(200);
    return (answer.body as { call: CallWire }).call.code;
  };
  const served = await callNext('call-1');
  expect((await post(`/appointments/${served}/arrived`)).status).toBe(200);
  expect((await post(`/appointments/${served}/served`, {})).status).toBe(200);
  const missed = await callNext('call-2');
  expect((await post(`/appointments/${missed}/recall`)).status).toBe(200);
  expect((await post(`/appointments/${missed}/not-arrived`)).status).toBe(200);
  const serving = await callNext('call-3');
  expect((await post(`/appointments/${serving}/arrived`)).status).toBe(200);
  const capacity = await api<{ services: { id: string; nextFree: string | null }[] }>(
    server,
    'GET',
    `${OFFICE}/capacity`,
  );
  const start = capacity.body.services.find((s) => s.id === MELDE)?.nextFree;
  expect(start).toBeTruthy();
  expect((await post('/bookings', { start, services: [MELDE] })).status).toBe(201);
}

/** The figures of the day, counted here from the API's appointment list and the raw rows. */
function countIndependently(file: string, appointments: ListedAppointment[]): Period {
  const db = new Database(file, { readonly: true });
  try {
    const dayStart = Date.parse(`${DAY}T00:00:00+01:00`);
    const dayEnd = dayStart + 86_400_000;
    const shortSlots = new Set(
      db
        .prepare(
          "SELECT id FROM slots WHERE office_id = 'demo' AND category = 'short' AND status != 'blocked' AND starts_at >= ? AND starts_at < ?",
        )
        .pluck()
        .all(dayStart, dayEnd) as string[],
    );
    const handedOut = appointments.filter((a) => !['held', 'cancelled'].includes(a.status));
    const used = handedOut.filter((a) => a.status !== 'no-show');
    const shortOf = (list: ListedAppointment[]) =>
      list.reduce((sum, a) => sum + a.slots.filter((id) => shortSlots.has(id)).length, 0);
    const instants = db
      .prepare(
        "SELECT checked_in_at AS checkedIn, first_called_at AS called, arrived_at AS arrived, served_at AS served FROM appointments WHERE office_id = 'demo' AND checked_in_at IS NOT NULL",
      )
      .all() as {
      checkedIn: number;
      called: number | null;
      arrived: number | null;
      served: number | null;
    }[];
    const minutes = (ms: number) => ms / 60_000;
    const waits = instants
      .filter((r) => r.called !== null)
      .map((r) => minutes((r.called as number) - r.checkedIn));
    const services = instants
      .filter((r) => r.arrived !== null && r.served !== null)
      .map((r) => minutes((r.served as number) - (r.arrived as number)));
    const usedWalkIn = shortOf(used.filter((a) => a.source === 'walk-in'));
    const usedOnline = shortOf(used.filter((a) => a.source === 'online'));
    return {
      period: DAY,
      walkInTickets: handedOut.filter((a) => a.source === 'walk-in').length,
      onlineBookings: handedOut.filter((a) => a.source === 'online').length,
      shortSlotsPlanned: shortSlots.size,
      shortSlotsUsedWalkIn: usedWalkIn,
      shortSlotsUsedOnline: usedOnline,
      utilisation: Math.round(((usedWalkIn + usedOnline) / shortSlots.size) * 1000) / 1000,
      checkIns: instants.length,
      noShows: appointments.filter((a) => a.status === 'no-show').length,
      medianWaitMinutes: nearestRank(waits, 0.5),
      p90WaitMinutes: nearestRank(waits, 0.9),
      medianServiceMinutes: nearestRank(services, 0.5),
    };
  } finally {
    db.close();
  }
}

function nearestRank(values: number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round((sorted[Math.ceil(q * sorted.length) - 1] as number) * 10) / 10;
}

function parseCsv(text: string): Record<string, string>[] {
  const [header, ...rows] = text
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(','));
  return rows.map((cells) =>
    Object.fromEntries((header as string[]).map((name, i) => [name, cells[i] ?? ''])),
  );
}

describe('statistics of a day driven through the API', () => {
  it('match independent counts in JSON, CSV, XLSX and the CLI, and outlive retention', async () => {
    const dir = tempDir();
    const file = dbIn(dir);
    const server = await startServerProcess({ db: file });
    await playTheDay(server);
    const listed = await api<{ appointments: ListedAppointment[] }>(
      server,
      'GET',
      `${OFFICE}/appointments?date=${DAY}`,
    );
    const expected = countIndependently(file, listed.body.appointments);
    expect(expected).toMatchObject({ walkInTickets: 4, checkIns: 3, noShows: 1 });

    const query = `${OFFICE}/statistics?from=${DAY}&to=${DAY}`;
    const json = await api<{ periods: Period[] }>(server, 'GET', query);
    expect(json.status).toBe(200);
    expect(json.body.periods).toEqual([expected]);

    const csv = await fetch(`${server.url}/api/v1${query}&format=csv`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const csvText = await csv.text();
    expect(csvText.split('\r\n')[0]).toBe(FIELDS.join(','));
    const [csvRow] = parseCsv(csvText);
    for (const field of FIELDS)
      expect(csvRow?.[field]).toBe(expected[field] === null ? '' : String(expected[field]));

    const xlsx = await fetch(`${server.url}/api/v1${query}&format=xlsx`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.getWorksheet('Statistik');
    expect(sheet?.getRow(1).values).toEqual([undefined, ...FIELDS]);
    const cells = (sheet?.getRow(2).values as unknown[]).slice(1);
    expect(cells).toEqual(FIELDS.map((field) => expected[field] ?? undefined));

    const hours = await api<{ periods: Period[] }>(server, 'GET', `${query}&by=hour`);
    expect(hours.body.periods).toHaveLength(24);
    const sum = (field: string) =>
      hours.body.periods.reduce((total, p) => total + (p[field] as number), 0);
    for (const field of [
      'walkInTickets',
      'onlineBookings',
      'shortSlotsPlanned',
      'checkIns',
      'noShows',
    ]) {
      expect(sum(field), field).toBe(expected[field]);
    }

    const cli = spawnSync(
      process.execPath,
      [
        BIN,
        'stats',
        '--db',
        file,
        '--office',
        'demo',
        '--from',
        DAY,
        '--to',
        DAY,
        '--format',
        'json',
      ],
      { encoding: 'utf8' },
    );
    expect(cli.status, cli.stderr).toBe(0);
    expect(JSON.parse(cli.stdout)).toEqual({ periods: [expected] });

    const refused = await api(server, 'GET', `${OFFICE}/statistics?from=${DAY}&to=2026-11-01`);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: { code: 'invalid-range' } });

    // Sixteen days later, with 14 days of retention: the day's records go, its figures stay.
    await server.stop();
    const later = await startServerProcess({
      db: file,
      now: '2026-12-10T09:38:00+01:00',
      args: ['--retention-days', '14'],
    });
    const dayGone = async () => {
      for (let tries = 0; tries < 120; tries++) {
        const left = await api<{ appointments: unknown[] }>(
          later,
          'GET',
          `${OFFICE}/appointments?date=${DAY}`,
        );
        if (left.body.appointments.length === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      throw new Error(`the day's appointments are still there:\n${later.output()}`);
    };
    await dayGone();
    expect(later.output()).toMatch(/retention for demo: \d+ days archived/);
    const kept = await api<{ periods: Period[] }>(later, 'GET', query);
    expect(kept.body.periods).toEqual([expected]);
    const keptHours = await api<{ periods: Period[] }>(later, 'GET', `${query}&by=hour`);
    expect(keptHours.body.periods).toEqual(hours.body.periods);
    const db = new Database(file, { readonly: true });
    try {
      const left = (sql: string) => db.prepare(sql).pluck().get() as number;
      expect(left(`SELECT COUNT(*) FROM appointments WHERE local_date <= '${DAY}'`)).toBe(0);
      expect(
        left(
          `SELECT COUNT(*) FROM slots WHERE starts_at < ${Date.parse('2026-11-26T00:00:00+01:00')}`,
        ),
      ).toBe(0);
      expect(left(`SELECT COUNT(*) FROM idempotency_keys`)).toBe(0);
      expect(
        left(`SELECT COUNT(*) FROM appointments WHERE local_date >= '2026-11-26'`),
      ).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  }, 180_000);
});
