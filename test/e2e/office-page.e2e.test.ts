/**
 * The office page in Chromium against a real demo server whose day was driven through the API:
 * sign-in with a token made by `terminmarke token create` for role admin, the queue and the four
 * charts with their tables, axe WCAG 2 AA, a wrong token and a revoked one back at sign-in with
 * the server's message, the CSV export equal to the statistics JSON, and the devices panel both
 * ways (404 line, or a device list answered by a fake). Runs under the page's own strict CSP:
 * no violation may be reported. Screenshots for docs/screens/ with `npm run screenshots`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallWire } from '../../src/wire/queue.ts';
import type { TicketWire } from '../../src/wire/tickets.ts';
import {
  MELDE,
  type ServerProcess,
  api,
  startServerProcess,
} from '../server/support/server-process.ts';
import { SCREENSHOT_DIR, launchChromium } from './support/kiosk-page.ts';

const BIN = new URL('../../bin/terminmarke.js', import.meta.url).pathname;
const OFFICE = '/offices/demo';
const DAY = '2026-11-24';
const FROM = '2026-11-18';
const AXE_SOURCE = readFileSync(
  join(dirname(createRequire(import.meta.url).resolve('axe-core')), 'axe.min.js'),
  'utf8',
);

type Period = Record<string, string | number | null>;

let dir: string;
let db: string;
let server: ServerProcess;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let adminToken: string;

/** Walk-ins, check-ins, a served ticket, a no-show, one being served, one waiting, one online. */
async function playTheDay(): Promise<void> {
  const post = (path: string, body?: unknown, key?: string) =>
    api(server, 'POST', `${OFFICE}${path}`, body, key ? { 'idempotency-key': key } : {});
  const drawn: TicketWire[] = [];
  for (let i = 0; i < 5; i++) {
    const answer = await post('/walk-ins', { services: [MELDE], deviceId: 'kiosk-1' }, `draw-${i}`);
    expect(answer.status).toBe(201);
    drawn.push((answer.body as { ticket: TicketWire }).ticket);
  }
  for (const ticket of drawn.slice(0, 4)) {
    const checkIn = await post('/check-ins', { input: ticket.code, deviceId: 'checkin-1' });
    expect(checkIn.status).toBe(200);
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
  expect((await post('/bookings', { start, services: [MELDE] })).status).toBe(201);
}

function createToken(role: string, device: string): string {
  const made = spawnSync(
    process.execPath,
    [BIN, 'token', 'create', '--db', db, '--office', 'demo', '--role', role, '--device', device],
    { encoding: 'utf8' },
  );
  expect(made.status, made.stderr).toBe(0);
  return made.stdout.trim();
}

async function statistics(query: string): Promise<Period[]> {
  const answer = await api<{ periods: Period[] }>(server, 'GET', `${OFFICE}/statistics?${query}`);
  expect(answer.status).toBe(200);
  return answer.body.periods;
}

async function signIn(office: string, token: string): Promise<void> {
  await page.getByLabel('Büro-Kennung').fill(office);
  await page.getByLabel('Token', { exact: true }).fill(token);
  await page.getByRole('button', { name: 'Anmelden' }).click();
}

/** Every finding of axe-core's WCAG 2.0/2.1 level A and AA rules, whatever its impact. */
async function violations(): Promise<{ id: string; impact: string | null; nodes: string[] }[]> {
  // axe comes in through the DevTools protocol: the page's CSP rightly refuses an inline script.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: {
        run: (
          root: Document,
          options: { runOnly: { type: 'tag'; values: string[] } },
        ) => Promise<{
          violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
        }>;
      };
    };
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((node) => String(node.target)),
    }));
  });
}

async function screenshot(name: string): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

async function cspViolations(): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
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

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'terminmarke-office-page-'));
  db = join(dir, 'server.db');
  server = await startServerProcess({ db, lifetime: 'file' });
  await playTheDay();
  adminToken = createToken('admin', 'office-pc');
  browser = await launchChromium();
  context = await browser.newContext({
    viewport: { width: 1400, height: 1000 },
    timezoneId: 'Europe/Berlin',
    locale: 'de-DE',
    acceptDownloads: true,
  });
  await context.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { __csp: seen });
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(
        `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`,
      ),
    );
  });
  page = await context.newPage();
  await page.goto(`${server.url}/office/`);
}, 90_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the office page', () => {
  it('refuses a wrong token and a counter token with the server’s message', async () => {
    await page.getByRole('heading', { name: 'Anmelden' }).waitFor();
    await screenshot('office-sign-in');
    expect(await violations()).toEqual([]);
    expect(await cspViolations()).toEqual([]);

    const problem = page.getByTestId('sign-in-problem');
    const refusalFor = async (token: string, status: number) => {
      const answer = await api<{ error: { message: string } }>(
        server,
        'GET',
        `${OFFICE}/statistics?from=${DAY}&to=${DAY}`,
        undefined,
        { authorization: `Bearer ${token}` },
      );
      expect(answer.status).toBe(status);
      return `Anmeldung abgelehnt: ${answer.body.error.message}`;
    };
    await signIn('demo', 'not-a-token');
    const unknown = await refusalFor('not-a-token', 401);
    await expect.poll(() => problem.textContent()).toBe(unknown);
    await screenshot('office-sign-in-refused');

    const counterToken = createToken('counter', 'counter-9');
    await signIn('demo', counterToken);
    const notAdmin = await refusalFor(counterToken, 403);
    await expect.poll(() => problem.textContent()).toBe(notAdmin);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  });

  it('signs in with an admin token kept in sessionStorage only, and shows the queue', async () => {
    await signIn('demo', adminToken);
    await page.getByTestId('queue-table').waitFor();
    expect(page.url()).toBe(`${server.url}/office/`);
    expect(await page.evaluate(() => JSON.stringify(sessionStorage))).toContain(adminToken);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    expect(await context.cookies()).toEqual([]);

    const queue = await api<Record<string, { callNumber: string }[]>>(
      server,
      'GET',
      `${OFFICE}/queue`,
    );
    const rows = page.getByTestId('queue-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    const serving = page.locator('tbody tr[data-state="serving"] th');
    const waiting = page.locator('tbody tr[data-state="waiting"] th');
    expect(await serving.textContent()).toBe(queue.body.serving?.[0]?.callNumber);
    expect(await waiting.textContent()).toBe(queue.body.waiting?.[0]?.callNumber);
    expect(await page.getByTestId('queue-counts').textContent()).toContain('Wartet: 1');
  });

  it('says plainly when the server has no device overview, or lists the devices', async () => {
    const panel = page.getByTestId('devices-panel');
    await expect
      .poll(
        async () =>
          (await panel.getByTestId('devices-note').count()) +
          (await panel.getByTestId('devices-table').count()),
      )
      .toBe(1);
    const devices = await api(server, 'GET', `${OFFICE}/devices`);
    if (devices.status === 404) {
      expect(await panel.getByTestId('devices-note').textContent()).toContain('(404)');
    } else {
      expect(devices.status).toBe(200);
      await panel.getByTestId('devices-table').waitFor();
    }
  });

  it('draws the four charts with tables that carry the statistics’ figures', async () => {
    const [day] = (await statistics(`from=${DAY}&to=${DAY}&by=day`)) as [Period];
    const hours = await statistics(`from=${FROM}&to=${DAY}&by=hour`);
    for (const id of ['per-hour', 'utilisation', 'wait', 'no-shows']) {
      await page.getByTestId(`chart-${id}`).locator('canvas').waitFor();
      const inked = await page
        .getByTestId(`chart-${id}`)
        .locator('canvas')
        .evaluate((canvas: HTMLCanvasElement) => {
          const ctx = canvas.getContext('2d');
          if (!ctx || canvas.width === 0) return 0;
          const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
          let painted = 0;
          for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) painted++;
          return painted;
        });
      expect(inked, id).toBeGreaterThan(500);
    }
    const cell = (table: string, row: string, series: string) =>
      page
        .getByTestId(`table-${table}`)
        .locator('tbody tr', { has: page.locator('th', { hasText: row }) })
        .locator(`td[data-series="${series}"]`)
        .textContent();
    const walkInsAt = (hour: string) =>
      hours
        .filter((p) => String(p.period).endsWith(`T${hour}`))
        .reduce((sum, p) => sum + Number(p.walkInTickets), 0);
    const firstHour = String(hours.find((p) => Number(p.walkInTickets) > 0)?.period).slice(11, 13);
    expect(await cell('per-hour', `${firstHour}:00`, 'walkIns')).toBe(String(walkInsAt(firstHour)));
    expect(await cell('no-shows', '24.11.2026', 'noShows')).toBe(String(day.noShows));
    expect(await cell('no-shows', '24.11.2026', 'checkIns')).toBe(String(day.checkIns));
    expect(await cell('utilisation', '24.11.2026', 'utilisation')).toBe(
      (Math.round(Number(day.utilisation) * 1000) / 10).toLocaleString('de-DE'),
    );
    expect(await cell('wait', '24.11.2026', 'medianWait')).toBe(
      Number(day.medianWaitMinutes).toLocaleString('de-DE', { maximumFractionDigits: 1 }),
    );
    expect(day).toMatchObject({ walkInTickets: 5, checkIns: 4, noShows: 1 });
    expect(
      await page.getByTestId('chart-per-hour').locator('canvas').getAttribute('aria-label'),
    ).toContain('Tabelle');
    await screenshot('office-de');
    // The tables too: open every disclosure so axe sees what a screen reader user opens.
    for (const summary of await page.locator('details summary').all()) await summary.click();
    expect(await violations()).toEqual([]);
  });

  it('exports a CSV whose numbers equal the statistics JSON, and an XLSX with the same', async () => {
    const expected = await statistics(`from=${FROM}&to=${DAY}&by=day`);
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'CSV herunterladen' }).click(),
    ]);
    expect(csv.suggestedFilename()).toBe(`statistik-demo-${FROM}-${DAY}-day.csv`);
    const rows = parseCsv(readFileSync(await csv.path(), 'utf8'));
    expect(rows).toHaveLength(expected.length);
    rows.forEach((row, i) => {
      for (const [field, value] of Object.entries(expected[i] as Period))
        expect(row[field], `${row.period} ${field}`).toBe(value === null ? '' : String(value));
    });

    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'XLSX herunterladen' }).click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await xlsx.path());
    const sheet = workbook.getWorksheet('Statistik');
    const day = expected.findIndex((p) => p.period === DAY);
    expect(sheet?.getRow(day + 2).getCell(1).value).toBe(DAY);
    expect(sheet?.getRow(day + 2).getCell('I').value).toBe(expected[day]?.noShows);

    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'JSON herunterladen' }).click(),
    ]);
    expect(JSON.parse(readFileSync(await json.path(), 'utf8'))).toEqual({ periods: expected });
  });

  it('switches to English', async () => {
    await page.getByLabel('Sprache').selectOption('en');
    await page.getByRole('heading', { name: 'Short-slot utilisation per day' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByTestId('table-no-shows').locator('tbody th').first().textContent()).toBe(
      '18/11/2026',
    );
    expect(await violations()).toEqual([]);
    await screenshot('office-en');
  });

  it('lists devices with their state when the server reports them', async () => {
    await page.route('**/api/v1/offices/demo/devices', (route) =>
      route.fulfill({
        json: {
          devices: [
            {
              deviceId: 'kiosk-1',
              role: 'kiosk',
              version: '0.1.0',
              connection: 'online',
              lastSeen: '2026-11-24T09:37:40+01:00',
              printer: { state: 'paper-low' },
              pendingUploads: 0,
              clockSkewMs: 1200,
            },
            {
              deviceId: 'checkin-1',
              role: 'checkin',
              version: '0.1.0',
              connection: 'offline',
              lastSeen: null,
              printer: null,
              pendingUploads: null,
              clockSkewMs: null,
            },
          ],
        },
      }),
    );
    const panel = page.getByTestId('devices-panel');
    await panel.getByRole('button', { name: 'Refresh' }).click();
    const rows = panel.getByTestId('devices-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toMatch(/kiosk-1.*online.*09:37.*paper low.*1\.2 s/);
    expect(await rows.nth(1).textContent()).toMatch(/checkin-1.*offline.*never.*no printer/);
    expect(await violations()).toEqual([]);
    await panel.screenshot({ path: join(SCREENSHOT_DIR, 'office-devices.png') });
    await page.unroute('**/api/v1/offices/demo/devices');
  });

  it('goes back to sign-in with the server’s message once the token is revoked', async () => {
    const revoked = spawnSync(
      process.execPath,
      [BIN, 'token', 'revoke', '--db', db, '--device', 'office-pc'],
      { encoding: 'utf8' },
    );
    expect(revoked.status, revoked.stderr).toBe(0);
    await page.getByTestId('queue-panel').getByRole('button', { name: 'Refresh' }).click();
    const problem = page.getByTestId('sign-in-problem');
    await expect.poll(() => problem.textContent()).toMatch(/^Sign-in refused: .+/);
    expect(await page.evaluate(() => sessionStorage.getItem('terminmarke.office.session'))).toBe(
      null,
    );
    expect(await cspViolations()).toEqual([]);
  });
});
