/**
 * `…/staff-calls` on a real server process: a kiosk calls staff, the call is in the change feed,
 * the check-in window marks it done; bad input is refused in the error shape and writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StaffCallWire } from '../../src/wire/staff-calls.ts';
import type { ChangesPageWire } from '../../src/wire/sync.ts';
import { type ServerProcess, api, startServerProcess } from './support/server-process.ts';

type CallAnswer = { staffCall: StaffCallWire };
type ListAnswer = { staffCalls: StaffCallWire[] };
type ErrorAnswer = { error: { code: string; message: string } };

const SC = '/offices/demo/staff-calls';
const UUID = '5d0c2c6e-8f7b-4f55-9a3e-0b1c2d3e4f50';
let server: ServerProcess;
let dir = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'terminmarke-staff-'));
  server = await startServerProcess({ db: join(dir, 'server.db'), lifetime: 'file' });
});

afterAll(async () => {
  await server.stop('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

async function openCalls(): Promise<StaffCallWire[]> {
  return (await api<ListAnswer>(server, 'GET', `${SC}?status=open`)).body.staffCalls;
}

describe('staff calls on the central server', () => {
  it('refuses bad input in the error shape and stores nothing', async () => {
    const cases: Array<[string, string, unknown?, Record<string, string>?]> = [
      ['POST', SC, { deviceId: 'kiosk-1', reason: 'coffee' }],
      ['POST', SC, { reason: 'help' }],
      ['POST', SC, { deviceId: "1'; DROP TABLE staff_calls; --", reason: 'help' }],
      ['POST', SC, { deviceId: 'kiosk-1', reason: 'help', id: 'not-a-uuid' }],
      ['POST', SC, ['help']],
      ['POST', SC, '{"deviceId": '],
      ['POST', SC],
      ['POST', SC, { deviceId: 'kiosk-1', reason: 'help' }, { 'idempotency-key': 'k'.repeat(300) }],
      ['GET', `${SC}?status=everything`],
      ['POST', `${SC}/${UUID}/done`],
      ['POST', `${SC}/nope/done`],
      ['GET', `${SC}/${UUID}/done`],
      ['POST', '/offices/nowhere/staff-calls', { deviceId: 'kiosk-1', reason: 'help' }],
    ];
    for (const [method, path, body, headers] of cases) {
      const answer = await api<ErrorAnswer>(server, method, path, body, headers);
      expect([path, answer.status >= 400 && answer.status < 500]).toEqual([path, true]);
      expect(answer.body.error.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(typeof answer.body.error.message).toBe('string');
    }
    expect(await openCalls()).toEqual([]);
  });

  it('stores a call, answers a retry with the same call, and puts it in the change feed', async () => {
    const since = (await api<{ cursor: string }>(server, 'GET', '/offices/demo/device-config')).body
      .cursor;
    const request = { deviceId: 'kiosk-lobby-1', reason: 'accessibility' };
    const key = { 'idempotency-key': 'call-1' };
    const first = await api<CallAnswer>(server, 'POST', SC, request, key);
    expect(first.status).toBe(201);
    expect(first.body.staffCall).toMatchObject({
      deviceId: 'kiosk-lobby-1',
      reason: 'accessibility',
      status: 'open',
      doneAt: null,
    });
    expect(first.body.staffCall.at).toMatch(/^2026-11-24T09:\d{2}:\d{2}\+01:00$/);
    const retry = await api<CallAnswer>(server, 'POST', SC, request, key);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(await openCalls()).toEqual([first.body.staffCall]);
    const feed = await api<ChangesPageWire>(server, 'GET', `/offices/demo/changes?since=${since}`);
    expect(feed.body.changes).toEqual([
      expect.objectContaining({ kind: 'staff-call', staffCall: first.body.staffCall }),
    ]);
  });

  it('marks a call done once, answers a second "done" as it is, and lists it no more', async () => {
    const made = await api<CallAnswer>(server, 'POST', SC, {
      deviceId: 'kiosk-lobby-2',
      reason: 'help',
      id: UUID,
    });
    expect(made.body.staffCall.id).toBe(UUID);
    const done = await api<CallAnswer>(server, 'POST', `${SC}/${UUID}/done`);
    expect(done.status).toBe(200);
    expect(done.body.staffCall).toMatchObject({ id: UUID, status: 'done' });
    expect(done.body.staffCall.doneAt).toMatch(/\+01:00$/);
    const again = await api<CallAnswer>(server, 'POST', `${SC}/${UUID}/done`);
    expect(again.body).toEqual(done.body);
    expect((await openCalls()).map((call) => call.id)).not.toContain(UUID);
    const reused = await api<ErrorAnswer>(server, 'POST', SC, {
      deviceId: 'kiosk-lobby-2',
      reason: 'help',
      id: UUID,
    });
    expect(reused).toMatchObject({ status: 409, body: { error: { code: 'staff-call-exists' } } });
  });

  it('lets only kiosks call and only the check-in window mark done', async () => {
    const token = async (role: string) =>
      (
        await api<{ token: string }>(server, 'POST', '/offices/demo/device-tokens', {
          roles: [role],
          deviceId: role === 'kiosk' ? 'kiosk-lobby-1' : 'checkin-1',
        })
      ).body.token;
    const checkin = { authorization: `Bearer ${await token('checkin')}` };
    const kiosk = { authorization: `Bearer ${await token('kiosk')}` };
    const body = { deviceId: 'kiosk-lobby-1', reason: 'help' };
    expect((await api(server, 'POST', SC, body, checkin)).status).toBe(403);
    const made = await api<CallAnswer>(server, 'POST', SC, body, kiosk);
    expect(made.status).toBe(201);
    const path = `${SC}/${made.body.staffCall.id}/done`;
    expect((await api(server, 'POST', path, undefined, kiosk)).status).toBe(403);
    expect((await api(server, 'POST', path, undefined, checkin)).status).toBe(200);
  });
});
