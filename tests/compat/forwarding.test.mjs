// Forwarding numbers and call flip (seeds 000 and 002) through the official clients.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SDK } from '@ringcentral/sdk';
import { startServer } from './server.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });


describe('forwarding numbers', () => {
  test('@ringcentral/sdk: seed 000 create, list, read, update, delete', async () => {
    const platform = new SDK({ server: server.url, clientId: 'test-app', clientSecret: 'test-secret' }).platform();
    await platform.login({ jwt: server.env.RC_USER2_JWT });
    const path = '/restapi/v1.0/account/~/extension/~/forwarding-number';

    const created = await (await platform.post(path, { phoneNumber: '11235557890', type: 'Other', label: 'My ATT number' })).json();
    assert.equal(created.phoneNumber, '+11235557890');
    assert.equal(created.label, 'My ATT number');
    assert.deepEqual(created.features, ['CallForwarding', 'CallFlip']);

    const list = await (await platform.get(path)).json();
    assert.deepEqual(list.records.map((r) => [r.type, r.phoneNumber, r.flipNumber]),
      [['PhoneLine', '+12125550102', '1'], ['Other', '+11235557890', '2']]);
    assert.equal(list.records[0].device.id, '1003');

    const read = await (await platform.get(`${path}/${created.id}`)).json();
    assert.deepEqual(read, created);

    const updated = await (await platform.put(`${path}/${created.id}`, { phoneNumber: '+16505551212' })).json();
    assert.equal(updated.phoneNumber, '+16505551212');

    await platform.delete(`${path}/${created.id}`);
    await assert.rejects(platform.get(`${path}/${created.id}`), (e) => e.response.status === 404);
  });

  test('@ringcentral/sdk: a broken rule comes back as the platform error naming the parameter', async () => {
    const platform = new SDK({ server: server.url, clientId: 'test-app', clientSecret: 'test-secret' }).platform();
    await platform.login({ jwt: server.env.RC_USER_JWT });
    const error = await platform.post('/restapi/v1.0/account/~/extension/~/forwarding-number', { phoneNumber: '+12125550102' })
      .then(() => assert.fail('accepted a direct number'), (e) => e);
    assert.equal(error.response.status, 400);
    assert.match(error.message, /direct number/);
    assert.equal((await error.response.json()).errors[0].parameterName, 'phoneNumber');
  });

  test('@rc-ex/core typed forwardingNumber(): post, list, put, deleteAll', async () => {
    const rc = await server.rcex(server.env.RC_USER_JWT);
    const numbers = rc.restapi().account().extension().forwardingNumber();
    const home = await numbers.post({ phoneNumber: '+16505550930', label: 'ignored', type: 'Home' });
    assert.equal(home.label, 'Home');
    const work = await numbers.post({ phoneNumber: '+16505555476', type: 'Work' });

    const renamed = await rc.restapi().account().extension().forwardingNumber(home.id).put({ label: 'Lake house', type: 'Other' });
    assert.equal(renamed.label, 'Lake house');

    const list = await numbers.list();
    assert.deepEqual(list.records.map((r) => r.label), ['Alice desk phone', 'Alice softphone', 'Mobile', 'Lake house', 'Work']);
    await numbers.deleteAll({ records: [{ id: home.id }, { id: work.id }] });
    assert.deepEqual((await numbers.list()).records.map((r) => r.label), ['Alice desk phone', 'Alice softphone', 'Mobile']);
  });

  test('@rc-ex/core typed callFlipNumbers() and forwardingTargets() on an upgraded account, seen by v1', async () => {
    const rc = await server.rcex(server.env.RC_OTHER_ACCOUNT_JWT);
    const flip = rc.restapi().v2().accounts().extensions().callFlipNumbers();
    const current = await flip.get();
    assert.deepEqual(current.records.map((r) => [r.type, r.flipNumber]), [['PhoneLine', '1'], ['External', '2']]);

    const replaced = await flip.put({ records: [...current.records, { phoneNumber: '+17185550177', label: 'Boat', flipNumber: '7' }] });
    assert.deepEqual(replaced.records.map((r) => [r.label, r.flipNumber]), [['Dave softphone', '1'], ['Mobile', '2'], ['Boat', '7']]);

    const v1 = await rc.restapi().account().extension().forwardingNumber().list();
    assert.deepEqual(v1.records.map((r) => [r.label, r.flipNumber]), [['Dave softphone', '1'], ['Mobile', '2'], ['Boat', '7']]);

    const targets = rc.restapi().v2().accounts().extensions().commHandling().voice().forwardingTargets();
    const listed = await targets.get({ excludeOwnTargets: 'true' });
    assert.deepEqual(listed.records.map((t) => t.destination.phoneNumber), ['+17185550111']);
    const removed = await targets.delete({ records: [{ type: 'PhoneNumberRingTarget', destination: { phoneNumber: '+17185550111' } }] });
    assert.equal(removed.records[0].bulkItemSuccessful, true);
    assert.deepEqual((await targets.get({ excludeOwnTargets: 'true' })).records, []);
  });

  test('v1 writes on an upgraded account are refused', async () => {
    const rc = await server.rcex(server.env.RC_OTHER_ACCOUNT_JWT);
    await assert.rejects(rc.restapi().account().extension().forwardingNumber().post({ phoneNumber: '+16505550001' }),
      (e) => e.response.status === 403 && e.response.data.errorCode === 'CMN-109');
  });
});
