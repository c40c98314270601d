// Live calls through the official clients: the simulator (driven by `switchboard sim`, as a user
// would from a shell) places a call; the SDKs read the session, its parties and presence, and call out.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SDK } from '@ringcentral/sdk';
import { startServer } from './server.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });

const sim = (...args) => server.sim(...args);

describe('calls', () => {
  test('switchboard sim places a call; @ringcentral/sdk reads the session, the party and presence', async () => {
    assert.equal((await sim('clock', 'manual')).mode, 'Manual');
    const placed = await sim('call', '+16505550000', '+12125550101');
    assert.match(placed.id, /^s-[0-9a-f]{32}$/);

    const platform = new SDK({ server: server.url, clientId: 'test-app', clientSecret: 'test-secret' }).platform();
    await platform.login({ jwt: server.env.RC_USER_JWT });
    const session = await (await platform.get(`/restapi/v1.0/account/~/telephony/sessions/${placed.id}`)).json();
    const alice = session.parties.find((p) => p.owner?.extensionId === '11111111');
    assert.equal(alice.direction, 'Inbound');
    assert.equal(alice.status.code, 'Proceeding');
    const party = await (await platform.get(`/restapi/v1.0/account/~/telephony/sessions/${placed.id}/parties/${alice.id}`)).json();
    assert.equal(party.to.phoneNumber, '+12125550101');

    const presence = await (await platform.get('/restapi/v1.0/account/~/extension/~/presence', { detailedTelephonyState: true })).json();
    assert.equal(presence.telephonyStatus, 'Ringing');
    assert.equal(presence.activeCalls[0].partyId, alice.id);

    const answered = await sim('answer', placed.id, alice.id, '1001');
    assert.equal(answered.parties.find((p) => p.id === alice.id).status.code, 'Answered');
    await sim('hangup', placed.id, alice.id);
    const events = (await sim('events')).records.filter((r) => r.body.telephonySessionId === placed.id);
    assert.deepEqual(events.map((r) => r.body.sequence), events.map((_, i) => i + 1));
    assert.equal(events.at(-1).body.parties[0].status.code, 'Disconnected');
  });

  test('@rc-ex/core: call-out from a device returns the session with the device party', async () => {
    const rc = await server.rcex(server.env.RC_USER_JWT);
    const created = await rc.restapi().account().telephony().callOut().post({ from: { deviceId: '1001' }, to: { phoneNumber: '+16505550111' } });
    assert.equal(created.session.origin.type, 'Call');
    assert.equal(created.session.parties[0].from.deviceId, '1001');
    const read = await rc.restapi().account().telephony().sessions(created.session.id).get();
    assert.equal(read.id, created.session.id);
  });
});
