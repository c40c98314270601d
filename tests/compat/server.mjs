// Starts the real Switchboard server on a free loopback port with a fresh data folder and the
// RingCentral spec check on (a response that does not match the spec comes back as a 500).
import { execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import RingCentral from '@rc-ex/core';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixtures = join(repo, 'tests', 'fixtures', 'accounts.yaml');

const configuration = process.env.SWITCHBOARD_CONFIGURATION ?? 'Debug';
const dll = join(repo, 'src', 'Switchboard.Server', 'bin', configuration, 'net10.0', 'switchboard.dll');

function freePort() {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });
}

export function readEnv(path) {
  return Object.fromEntries(readFileSync(path, 'utf8').split('\n')
    .filter((line) => line.includes('=') && !line.startsWith('#'))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
}

/** Starts a server; resolves once it listens, with its URL, the .env it wrote, and stop(). */
export async function startServer({ seed = fixtures } = {}) {
  if (!existsSync(dll)) throw new Error(`Build the server first (dotnet build): ${dll} is missing`);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-compat-'));
  const url = `http://127.0.0.1:${port}`;
  const args = [dll, '--urls', url, '--data', dir, '--env-file', join(dir, '.env'),
    '--spec-check', join(repo, 'spec', 'rc-public-openapi.yml')];
  if (seed) args.push('--seed', seed);
  const child = spawn('dotnet', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise((ok, fail) => {
    const onData = (chunk) => {
      output += chunk;
      if (output.includes('Now listening on')) ok();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => fail(new Error(`server exited with ${code}:\n${output}`)));
  });
  return {
    url,
    dir,
    env: readEnv(join(dir, '.env')),
    output: () => output,
    /** `switchboard sim ...` against this server, reading the .env it wrote, as a user would from a shell; resolves with the JSON printed. */
    async sim(...args) {
      const { stdout } = await promisify(execFile)('dotnet', [dll, 'sim', ...args, '--env-file', join(dir, '.env')]);
      return JSON.parse(stdout);
    },
    /** The same, blocking this process until it is done: nothing else of the test (e.g. a client's timers) runs meanwhile. */
    simSync(...args) {
      return JSON.parse(execFileSync('dotnet', [dll, 'sim', ...args, '--env-file', join(dir, '.env')], { encoding: 'utf8' }));
    },
    /** An @rc-ex/core client of the test app, logged in with a JWT credential. */
    async rcex(jwt) {
      const rc = new RingCentral({ server: url, clientId: 'test-app', clientSecret: 'test-secret' });
      await rc.authorize({ jwt });
      return rc;
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((ok) => child.once('exit', ok));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
