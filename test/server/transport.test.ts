/**
 * HTTPS on the central server with a certificate made at test time, and a device that trusts
 * it only through `server.ca`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseServerArgs } from '../../src/server/cli.ts';
import { ServerApi } from '../../src/sync/api-client.ts';
import { EventStream } from '../../src/sync/sse-client.ts';
import { fetchTrusting } from '../../src/sync/trusted-fetch.ts';
import { useTempDir } from '../support/temp-dir.ts';
import { until } from '../support/until.ts';
import { TEST_NOW, TOKEN, dbIn, startServerProcess } from './support/server-process.ts';
import { routes } from '../../src/wire/routes.ts';

const tempDir = useTempDir('terminmarke-tls-');
const BIN = fileURLToPath(new URL('../../bin/terminmarke.js', import.meta.url));

/** A self-signed certificate for 127.0.0.1 and localhost; returns the file paths. */
function makeCertificate(dir: string): { cert: string; key: string } {
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=terminmarke-test',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ],
    { stdio: 'ignore' },
  );
  return { cert, key };
}

describe('transport', () => {
  it('serves HTTPS with --tls-cert/--tls-key, trusted by a device through its CA and by nothing else', async () => {
    const dir = tempDir();
    const { cert, key } = makeCertificate(dir);
    const server = await startServerProcess({
      db: dbIn(dir),
      args: ['--tls-cert', cert, '--tls-key', key],
    });
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const untrusted = await fetch(`${server.url}/api/v1/health`).then(
      () => 'answered',
      (error: Error) => String((error.cause as Error | undefined)?.message ?? error.message),
    );
    expect(untrusted).toMatch(/self[- ]signed|certificate/i);
    const plain = await fetch(`http://127.0.0.1:${server.port}/api/v1/health`).then(
      (response) => response.status,
      () => 'refused',
    );
    expect(plain).not.toBe(200);

    const ca = readFileSync(cert, 'utf8');
    expect((await fetchTrusting(ca)(`${server.url}/api/v1/health`)).status).toBe(200);
    const api = new ServerApi({ serverUrl: server.url, officeId: 'demo', token: TOKEN, ca });
    const capacity = await api.call(routes.capacity, {});
    expect(capacity.services).toHaveLength(5);
    let connected = false;
    const stream = new EventStream(api, {
      onPoke: () => undefined,
      onConnected: (up) => (connected = up),
    });
    stream.start();
    try {
      await until(() => connected, 10_000);
    } finally {
      stream.stop();
    }

    // `terminmarke doctor` reaches the server the way the device does, through server.ca.
    const config = join(dir, 'kiosk.json');
    writeFileSync(
      config,
      JSON.stringify({
        role: 'checkin',
        deviceId: 'checkin-1',
        officeId: 'demo',
        server: { url: server.url, token: TOKEN, ca: 'cert.pem' },
        dataDir: 'data',
        http: { port: 0 },
      }),
    );
    const doctor = spawnSync(process.execPath, [BIN, 'doctor', '--config', config], {
      encoding: 'utf8',
      env: { ...process.env, TERMINMARKE_NOW: TEST_NOW },
      timeout: 60_000,
    });
    expect(doctor.stdout).toMatch(/^\u2714 server reachable/m);
    expect(doctor.stdout).toMatch(/^\u2714 token valid for checkin checkin-1/m);
  });

  it('allows a non-loopback address only with TLS or behind a TLS proxy, and the demo token never', () => {
    const env = {};
    expect(parseServerArgs(['--db', 'x.db'], env)).toMatchObject({
      host: '127.0.0.1',
      token: null,
      tls: null,
    });
    expect(() => parseServerArgs(['--db', 'x.db', '--host', '10.1.2.3'], env)).toThrow(
      /refusing plain HTTP on 10\.1\.2\.3/,
    );
    expect(
      parseServerArgs(['--db', 'x.db', '--host', '0.0.0.0', '--behind-tls-proxy'], env).host,
    ).toBe('0.0.0.0');
    expect(() =>
      parseServerArgs(['--db', 'x.db', '--host', '::', '--behind-tls-proxy'], {
        TERMINMARKE_TOKEN: 't',
      }),
    ).toThrow(/not a loopback address/);
    expect(
      parseServerArgs(['--db', 'x.db', '--host', 'localhost'], { TERMINMARKE_TOKEN: 't' }).token,
    ).toBe('t');
    expect(() => parseServerArgs(['--db', 'x.db', '--tls-cert', 'c.pem'], env)).toThrow(
      /go together/,
    );
    expect(() =>
      parseServerArgs(
        ['--db', 'x.db', '--tls-cert', '/nonexistent/c', '--tls-key', '/nonexistent/k'],
        env,
      ),
    ).toThrow(/--tls-cert: cannot read/);
  });
});
