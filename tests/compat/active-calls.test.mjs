// The active-calls lists through @ringcentral/sdk while `switchboard sim` holds a live call.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SDK } from '@ringcentral/sdk';
import { startServer } from './server.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

describe('active calls', () => {
  test('@ringcentral/sdk reads the live call in the user\'s and the company\'s active calls', async () => {
    assert.equal((await server.sim('clock', 'manual')).mode, 'Manual');
    const placed = await server.sim('call', '+16505550000', '+12125550101');
    const alice = placed.parties.find((p) => p.owner?.extensionId === '11111111');

    const platform = new SDK({ server: server.url, clientId: 'test-app', clientSecret: 'test-secret' }).platform();
    await platform.login({ jwt: server.env.RC_USER_JWT });
    // The SDK sends an array as the parameter repeated, as the spec's explode form has it.
    const mine = await (await platform.get('/restapi/v1.0/account/~/extension/~/active-calls',
      { view: 'Simple', direction: ['Inbound', 'Outbound'], type: ['Voice'], perPage: 'max' })).json();
    assert.equal(mine.records.length, 1);
    const record = mine.records[0];
    assert.equal(record.telephonySessionId, placed.id);
    assert.equal(record.partyId, alice.id);
    assert.deepEqual(
      [record.type, record.direction, record.action, record.result, record.transport],
      ['Voice', 'Inbound', 'Phone Call', 'In Progress', 'PSTN']);
    assert.equal(record.from.phoneNumber, '+16505550000');
    assert.equal(record.to.phoneNumber, '+12125550101');
    assert.equal(record.duration, 0);
    assert.match(record.uri, /\/restapi\/v1\.0\/account\/11111111\/extension\/11111111\/call-log\//);
    assert.deepEqual([mine.paging.page, mine.paging.perPage, mine.paging.totalElements], [1, 1000, 1]);

    await server.sim('advance', '5');
    const company = await (await platform.get('/restapi/v1.0/account/~/active-calls')).json();
    assert.deepEqual(company.records.map((r) => [r.telephonySessionId, r.direction, r.duration]), [[placed.id, 'Inbound', 5]]);
    assert.equal((await (await platform.get('/restapi/v1.0/account/~/extension/~/active-calls', { direction: 'Outbound' })).json()).records.length, 0);

    await server.sim('hangup', placed.id, placed.parties[0].id); // the caller gives up: the call ends
    assert.equal((await (await platform.get('/restapi/v1.0/account/~/extension/~/active-calls')).json()).records.length, 0);
  });
});
