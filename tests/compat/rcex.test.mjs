// @rc-ex/core's typed client, unchanged, against Switchboard.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import RingCentral from '@rc-ex/core';
import { startServer } from './server.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

async function client(jwt = server.env.RC_USER_JWT) {
  const rc = new RingCentral({ server: server.url, clientId: 'test-app', clientSecret: 'test-secret' });
  await rc.authorize({ jwt });
  return rc;
}

describe('@rc-ex/core', () => {
  test('authorizes with a JWT; typed account, extension and number reads', async () => {
    const rc = await client();
    assert.equal(rc.token.owner_id, '11111111');
    assert.ok(rc.token.refresh_token_expires_in > 0);

    const account = await rc.restapi().account().get();
    assert.equal(account.id, 11111111);
    assert.equal(account.serviceInfo.brand.name, 'RingCentral');
    const extensions = await rc.restapi().account().extension().list({ type: ['User'], status: ['Enabled'] });
    assert.deepEqual(extensions.records.map((e) => e.name), ['Alice Admin', 'Bob User']);
    const numbers = await rc.restapi().account().phoneNumber().list({ usageType: ['DirectNumber'] });
    assert.deepEqual(numbers.records.map((n) => n.phoneNumber), ['+12125550101', '+12125550102', '+12125550120']);
    const features = await rc.restapi().account().extension().features().get({ featureId: ['NewCallHandlingAndForwarding'] });
    assert.deepEqual(features.records[0].params, [{ name: 'isNewBackendAvailable', value: 'false' }]);
  });

  test('creates, updates and deletes an extension as an administrator', async () => {
    const rc = await client();
    const created = await rc.restapi().account().extension().post({
      contact: { firstName: 'Gina', lastName: 'Typed', email: 'gina@a.example' }, type: 'User',
    });
    assert.equal(created.name, 'Gina Typed');
    const updated = await rc.restapi().account().extension(created.id).put({ contact: { jobTitle: 'Tester' } });
    assert.equal(updated.contact.jobTitle, 'Tester');
    // v1 extension delete is deprecated, so the typed builder has none; the generic call sends a JSON body, as every @rc-ex delete does.
    await rc.delete(`/restapi/v1.0/account/~/extension/${created.id}`, {});
    await assert.rejects(rc.restapi().account().extension(created.id).get(), (e) => e.response.status === 404);
  });

  test('refresh and revoke', async () => {
    const rc = await client();
    const first = rc.token.access_token;
    await rc.refresh();
    assert.notEqual(rc.token.access_token, first);
    const me = await rc.restapi().account().extension().get();
    assert.equal(me.id, 11111111);
    const token = rc.token.access_token;
    await rc.revoke();
    const response = await fetch(`${server.url}/restapi/v1.0/account/~`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(response.status, 401);
  });

  test('a non-administrator sees other extensions as public information only', async () => {
    const rc = await client(server.env.RC_USER2_JWT);
    const alice = await rc.restapi().account().extension(11111111).get();
    assert.equal(alice.name, 'Alice Admin');
    assert.equal(alice.contact.email, undefined);
    await assert.rejects(rc.restapi().account().extension().post({ contact: { firstName: 'X', email: 'x@a.example' } }),
      (e) => e.response.status === 403 && /AddRemoveUsers/.test(e.response.data.message));
  });

  test('another account is out of reach', async () => {
    const rc = await client(server.env.RC_OTHER_ACCOUNT_JWT);
    await assert.rejects(rc.restapi().account(11111111).extension().list(), (e) => e.response.status === 404);
    const own = await rc.restapi().account().extension().list();
    assert.deepEqual(own.records.map((e) => e.id), [22222222, 22222102]);
  });
});
