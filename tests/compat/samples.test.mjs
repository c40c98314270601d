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

test('seed 000: the create-forwarding-number sample creates the number', async () => {
  const sample = join(repo, 'tests', 'compat', 'samples', 'create-forwarding-number.js');
  const { stdout } = await run('node', [sample], { cwd: server.dir });
  const [created, id] = stdout.trim().split('\n');
  assert.equal(created, 'Forwarding number created.');
  const number = id.replace('Forwarding number id: ', '');

  const token = await (await fetch(`${server.url}/restapi/oauth/token`, {
    method: 'POST',
    headers: { Authorization: `Basic ${Buffer.from(`${server.env.RC_APP_CLIENT_ID}:${server.env.RC_APP_CLIENT_SECRET}`).toString('base64')}` },
    body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: server.env.RC_USER_JWT }),
  })).json();
  const record = await (await fetch(`${server.url}/restapi/v1.0/account/~/extension/~/forwarding-number/${number}`, {
    headers: { Authorization: `Bearer ${token.access_token}` },
  })).json();
  assert.equal(record.phoneNumber, '+11235557890');
  assert.equal(record.label, 'My ATT number');
});
