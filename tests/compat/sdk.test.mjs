// @ringcentral/sdk, unchanged, against Switchboard: login, reads, refresh, the 401 path, logout.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SDK } from '@ringcentral/sdk';
import { startServer } from './server.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

function sdk(options = {}) {
  return new SDK({ server: server.url, clientId: 'test-app', clientSecret: 'test-secret', ...options });
}

async function login(jwt = server.env.RC_USER_JWT, options = {}) {
  const platform = sdk(options).platform();
  await platform.login({ jwt });
  return platform;
}

describe('@ringcentral/sdk', () => {
  test('logs in with a JWT and reads the extension, its numbers and devices', async () => {
    const platform = await login();
    const me = await (await platform.get('/restapi/v1.0/account/~/extension/~')).json();
    assert.equal(me.id, 11111111);
    assert.equal(me.account.id, '11111111');
    assert.equal(me.uri, `${server.url}/restapi/v1.0/account/11111111/extension/11111111`);

    const numbers = await (await platform.get('/restapi/v1.0/account/~/extension/~/phone-number')).json();
    assert.deepEqual(numbers.records.map((n) => n.phoneNumber), ['+12125550100', '+12125550101']);
    const devices = await (await platform.get('/restapi/v1.0/account/~/extension/~/device')).json();
    assert.deepEqual(devices.records.map((d) => d.id), ['1001', '1002']);
  });

  test('lists extensions with filters given as repeated keys', async () => {
    const platform = await login();
    const list = await (await platform.get('/restapi/v1.0/account/~/extension', { type: ['User', 'Department'], perPage: 2 })).json();
    assert.deepEqual(list.records.map((e) => e.extensionNumber), ['101', '102']);
    assert.equal(list.paging.totalElements, 4);
    const next = await (await platform.get(list.navigation.nextPage.uri)).json();
    assert.deepEqual(next.records.map((e) => e.extensionNumber), ['103', '200']);
  });

  test('a server URL with a trailing slash still works', async () => {
    const platform = await login(server.env.RC_USER_JWT, { server: `${server.url}/` });
    const account = await (await platform.get('/restapi/v1.0/account/~')).json();
    assert.equal(account.mainNumber, '+12125550100');
  });

  test('refresh issues a new access token that works and ends the old one', async () => {
    const platform = await login();
    const before = (await platform.auth().data()).access_token;
    await platform.refresh();
    const afterRefresh = (await platform.auth().data()).access_token;
    assert.notEqual(afterRefresh, before);
    await platform.get('/restapi/v1.0/account/~/extension/~');

    const stale = await fetch(`${server.url}/restapi/v1.0/account/~/extension/~`, { headers: { Authorization: `Bearer ${before}` } });
    assert.equal(stale.status, 401);
    assert.equal((await stale.json()).errorCode, 'OAU-213');
  });

  test('after a 401 the SDK refreshes with access_token_ttl=-1 and the request succeeds', async () => {
    const platform = await login();
    const data = await platform.auth().data();
    await platform.auth().setData({ ...data, access_token: 'revoked-or-unknown-token' });
    const refreshed = [];
    platform.on(platform.events.refreshSuccess, () => refreshed.push(true));
    const me = await (await platform.get('/restapi/v1.0/account/~/extension/~')).json();
    assert.equal(me.id, 11111111);
    assert.equal(refreshed.length, 1);
    assert.equal((await platform.auth().data()).expires_in, 3600);
  });

  test('logout revokes the session', async () => {
    const platform = await login();
    const { access_token: token } = await platform.auth().data();
    await platform.logout();
    const response = await fetch(`${server.url}/restapi/v1.0/account/~`, { headers: { Authorization: `bearer ${token}` } });
    assert.equal(response.status, 401);
  });

  test('a bad JWT fails the login with the platform message, posted once', async () => {
    const rcsdk = sdk();
    const platform = rcsdk.platform();
    let requests = 0;
    rcsdk.client().on(rcsdk.client().events.beforeRequest, () => { requests += 1; });
    await assert.rejects(platform.login({ jwt: 'not-a-jwt' }), /Invalid resource owner credentials/);
    assert.equal(requests, 1);
  });

  test('errors carry the RingCentral message and status', async () => {
    const platform = await login(server.env.RC_USER2_JWT);
    await assert.rejects(platform.get('/restapi/v1.0/account/~/extension/11111111/device'), (e) => {
      assert.equal(e.response.status, 403);
      assert.match(e.message, /ReadUserDevices/);
      return true;
    });
    await assert.rejects(platform.get('/restapi/v1.0/account/22222222'), (e) => e.response.status === 404);
  });

  test('password login with username*extension', async () => {
    const platform = sdk().platform();
    await platform.login({ username: '+12125550100', extension: '102', password: 'Bob-pass12' });
    const me = await (await platform.get('/restapi/v1.0/account/~/extension/~')).json();
    assert.equal(me.name, 'Bob User');
  });
});
