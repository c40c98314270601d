// ringcentral-call-control, unchanged, against Switchboard: it learns about calls from telephony notifications
// (a WebSocket subscription made with @ringcentral/subscriptions, wired as its README says) and drives them through
// the Call Control API. The simulator places the inbound calls; its clock is manual, so a call rings until acted on.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SDK } from '@ringcentral/sdk';
import { Subscriptions } from '@ringcentral/subscriptions';
import { RingCentralCallControl } from 'ringcentral-call-control';
import { startServer } from './server.mjs';

const ALICE_NUMBER = '+12125550101';
const CALLER = '+16505550000';
const OUTSIDE = '+16505550111'; // an outside number that answers after one ring (5 s of the simulator's clock)
const DESK_PHONE = '1001';

let server;
let sdk;
let cc;
let subscription;

before(async () => {
  server = await startServer();
  assert.equal((await server.sim('clock', 'manual')).mode, 'Manual');
  sdk = new SDK({ server: server.url, clientId: 'test-app', clientSecret: 'test-secret' });
  await sdk.platform().login({ jwt: server.env.RC_USER_JWT });
  cc = new RingCentralCallControl({ sdk });
  await new Promise((ok) => cc.once('initialized', ok));
  subscription = new Subscriptions({ sdk }).createSubscription();
  subscription.on(subscription.events.notification, (message) => cc.onNotificationEvent(message));
  subscription.setEventFilters(['/restapi/v1.0/account/~/extension/~/telephony/sessions']);
  subscription.ws = await subscription.register();
});

after(async () => {
  await subscription?.ws?.wse.revoke();
  await sdk?.platform().logout();
  await server?.stop();
});

/** Polls until the condition holds; fails after the bounded wait, saying what it waited for. */
async function waitFor(condition, what, timeout = 10_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > end) assert.fail(`timed out after ${timeout} ms waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}

/** The status of the user's own party, as call-control keeps it from the notifications. */
const status = (session) => session.party?.status?.code;

/** An outside caller rings Alice; resolves with call-control's session once its notification has arrived. */
async function inbound() {
  const placed = await server.sim('call', CALLER, ALICE_NUMBER);
  const session = await waitFor(() => cc.sessionsMap.get(placed.id), 'call-control to learn about the call');
  await waitFor(() => status(session) === 'Proceeding', 'Alice ringing');
  return session;
}

async function answered() {
  const session = await inbound();
  await session.answer({ deviceId: DESK_PHONE });
  await waitFor(() => status(session) === 'Answered', 'Alice answered');
  return session;
}

describe('ringcentral-call-control', () => {
  test('an inbound call is answered, held, unheld, muted and transferred', async () => {
    const session = await answered();
    await session.hold();
    await waitFor(() => status(session) === 'Hold', 'Alice on hold');
    await session.unhold();
    await waitFor(() => status(session) === 'Answered', 'Alice back from hold');
    await session.mute();
    await waitFor(() => session.party.muted === true, 'Alice muted');

    await session.transfer({ phoneNumber: OUTSIDE });
    await waitFor(() => status(session) === 'Disconnected', 'Alice out of the call after the transfer');
    assert.equal(session.party.status.reason, 'BlindTransfer');
    const read = await (await sdk.platform().get(`/restapi/v1.0/account/~/telephony/sessions/${session.id}`)).json();
    assert.ok(read.parties.some((p) => p.to?.phoneNumber === OUTSIDE), 'the transfer target joined the call');
    await sdk.platform().delete(`/restapi/v1.0/account/~/telephony/sessions/${session.id}`);
  });

  test('a call-out from the desk phone, then dropped', async () => {
    const session = await cc.createCall(DESK_PHONE, { phoneNumber: OUTSIDE });
    assert.match(session.id, /^s-/);
    await waitFor(() => status(session), 'the call-out party');
    await session.drop();
    await waitFor(() => status(session) === 'Disconnected', 'the call-out dropped');
    const response = await sdk.platform().get(`/restapi/v1.0/account/~/telephony/sessions/${session.id}`).catch((e) => e.response);
    assert.equal(response.status, 404);
  });

  test('a ringing call is forwarded', async () => {
    const session = await inbound();
    await session.forward({ phoneNumber: OUTSIDE });
    await waitFor(() => status(session) === 'Disconnected', 'Alice no longer ringing');
    const read = await (await sdk.platform().get(`/restapi/v1.0/account/~/telephony/sessions/${session.id}`)).json();
    assert.ok(read.parties.some((p) => p.to?.phoneNumber === OUTSIDE && p.status.code !== 'Disconnected'), 'the call rings the forward target');
    await sdk.platform().delete(`/restapi/v1.0/account/~/telephony/sessions/${session.id}`);
  });

  test('an answered call is flipped to a call-flip number', async () => {
    const { records } = await (await sdk.platform().get('/restapi/v1.0/account/~/extension/~/forwarding-number')).json();
    const flip = records.find((n) => n.flipNumber && n.phoneNumber);
    assert.ok(flip, 'Alice has a call-flip number');
    const session = await answered();
    const flipped = await session.flip({ callFlipId: flip.flipNumber });
    assert.deepEqual(flipped, {});
    await waitFor(() => session.parties.some((p) => p.to?.phoneNumber === flip.phoneNumber), 'a party ringing the flip number');
    await sdk.platform().delete(`/restapi/v1.0/account/~/telephony/sessions/${session.id}`);
  });

  test('a recording is started on an answered call, then paused', async () => {
    const session = await answered();
    const recording = await session.createRecord();
    assert.match(recording.id, /\S/);
    assert.equal(recording.active, true);
    await waitFor(() => session.recordings?.some((r) => r.id === recording.id && r.active), 'the recording in the party');
    const paused = await session.pauseRecord(recording.id);
    assert.equal(paused.active, false);
    await waitFor(() => session.recordings?.some((r) => r.id === recording.id && !r.active), 'the recording paused in the party');
    await session.drop();
  });

  test('an answered call is parked, then picked up on another phone', async () => {
    const session = await answered();
    const parked = await session.park();
    assert.equal(parked.status.code, 'Parked');
    assert.match(parked.park.id, /^\*8\d\d$/);
    await waitFor(() => status(session) === 'Parked', 'Alice parked');
    // call-control has no pickup (it is commented out there), so the SDK posts it.
    const picked = await (await sdk.platform().post(
      `/restapi/v1.0/account/~/telephony/sessions/${session.id}/parties/${session.party.id}/pickup`, { deviceId: '1002' })).json();
    assert.equal(picked.status.code, 'Answered');
    await waitFor(() => session.parties.some((p) => p.id === picked.id && p.status.code === 'Answered'), 'the picked-up party in the session');
    await sdk.platform().delete(`/restapi/v1.0/account/~/telephony/sessions/${session.id}`);
  });

  test('a conference is started, joined from the desk phone, a call brought in, then ended by its host', async () => {
    const conference = await cc.createConference();
    assert.equal(conference.origin.type, 'Conference');
    assert.match(conference.voiceCallToken, /^conf_/);
    // The web phone's SIP INVITE to the token, made by the simulator's desk phone.
    await server.sim('dial', cc.extensionId, conference.voiceCallToken, DESK_PHONE);
    await waitFor(() => status(conference) === 'Answered', 'Alice in her conference');
    assert.equal(conference.party.conferenceRole, 'Host');

    const call = await answered();
    const joined = await conference.bringInParty({ partyId: call.party.id, sessionId: call.id });
    assert.equal(joined.conferenceRole, 'Participant');
    assert.equal(joined.from.phoneNumber, CALLER);
    await waitFor(() => status(call) === 'Gone', 'Alice\'s call gone into the conference');
    assert.equal(call.party.status.reason, 'Conference');
    const read = await (await sdk.platform().get(`/restapi/v1.0/account/~/telephony/sessions/${conference.id}`)).json();
    assert.deepEqual(read.parties.map((p) => p.conferenceRole), ['Host', 'Participant']);

    await conference.removeParty(conference.party.id, { keepConferenceAlive: false });
    await waitFor(() => status(conference) === 'Disconnected', 'the conference ended with its host');
    await assert.rejects(sdk.platform().get(`/restapi/v1.0/account/~/telephony/sessions/${conference.id}`), /404|not found/i);
  });
});
