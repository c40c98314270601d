// RingCentral's published samples run unchanged against a first start with the demo and its .env.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, test } from 'node:test';
import { repo, startServer } from './server.mjs';

const run = promisify(execFile);
let server;
before(async () => { server = await startServer({ seed: null }); });
after(async () => { await server?.stop(); });

test('first start writes the variables the samples read', () => {
  for (const name of ['RC_SERVER_URL', 'RC_APP_CLIENT_ID', 'RC_APP_CLIENT_SECRET', 'RC_USER_JWT', 'RC_USER2_JWT', 'RC_OTHER_ACCOUNT_JWT']) {
    assert.ok(server.env[name], name);
  }
  assert.equal(server.env.RC_SERVER_URL, server.url);
  assert.match(server.output(), /RC_USER_JWT=/);
});

test('seed 000: the create-forwarding-number sample signs in and reaches the endpoint', async () => {
  const sample = join(repo, 'tests', 'compat', 'samples', 'create-forwarding-number.js');
  const { stdout } = await run('node', [sample], { cwd: server.dir });
  // Forwarding numbers come with the next issue; until then the platform's "not supported" answer.
  assert.equal(stdout, 'Operation is not supported\n');
});
