// Notifications through the official clients, unchanged: WebSocket subscriptions with @ringcentral/subscriptions
// and @rc-ex/ws (REST over the socket, session recovery, permissions), and a WebHook subscription made with the SDK.
// The simulator's clock is manual, so a call rings until the test answers or hangs up; the simulator's event log
// is the reference for what each subscriber should receive.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';
import RestException from '@rc-ex/core/RestException';
import WebSocketExtension, { Events } from '@rc-ex/ws';
import { SDK } from '@ringcentral/sdk';
import { Subscriptions } from '@ringcentral/subscriptions';
import { startServer } from './server.mjs';

const ACCOUNT = '11111111';
const ALICE = '11111111';
const BOB = '11111102';
const ALICE_NUMBER = '+12125550101';
const BOB_NUMBER = '+12125550102';
const CALLER = '+16505550000';
const TELEPHONY = '/restapi/v1.0/account/~/extension/~/telephony/sessions';
const PRESENCE = '/restapi/v1.0/account/~/extension/~/presence?detailedTelephonyState=true';
const telephonyPath = (extension) => `/restapi/v1.0/account/${ACCOUNT}/extension/${extension}/telephony/sessions`;

let server;
before(async () => {
  server = await startServer();
  assert.equal((await server.sim('clock', 'manual')).mode, 'Manual');
});
after(async () => { await server?.stop(); });

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

async function sdkPlatform(jwt = server.env.RC_USER_JWT) {
  const sdk = new SDK({ server: server.url, clientId: 'test-app', clientSecret: 'test-secret' });
  await sdk.platform().login({ jwt });
  return sdk;
}

/** Places a call from outside to a number; returns the session and the party of the extension that rings. */
async function call(to, extension) {
  const session = await server.sim('call', CALLER, to);
  const party = session.parties.find((p) => p.owner?.extensionId === extension);
  assert.ok(party, `the call to ${to} rings extension ${extension}`);
  return { id: session.id, party: party.id, caller: session.parties.find((p) => p.direction === 'Outbound').id };
}

/** The caller hangs up while it rings: the call ends (a missed call), and the next test starts with none in progress. */
async function callerHangsUp({ id, caller }) {
  await server.sim('hangup', id, caller);
}

/**
 * The telephony events the simulator logged for one extension's party in one session, in sequence order: read over
 * HTTP with an administrator's access token when given (no new sign-in), otherwise with `switchboard sim events`.
 */
async function logged(sessionId, extension, accessToken) {
  const { records } = accessToken
    ? await (await fetch(`${server.url}/switchboard/v1/account/~/simulator/events`, { headers: { Authorization: `Bearer ${accessToken}` } })).json()
    : await server.sim('events');
  return records.filter((r) => r.body.telephonySessionId === sessionId && r.event === telephonyPath(extension))
    .sort((a, b) => a.body.sequence - b.body.sequence);
}

const ofSession = (notifications, sessionId) => notifications.filter((n) => n.body.telephonySessionId === sessionId);

/** What a user checks in each telephony notification: the envelope, and one party with string ids. */
function assertTelephony(n, { subscriptionId, extension, sessionId }) {
  assert.equal(n.subscriptionId, subscriptionId);
  assert.equal(n.event, telephonyPath(extension));
  assert.equal(n.ownerId, extension);
  assert.match(n.uuid, /\S/);
  assert.ok(!Number.isNaN(Date.parse(n.timestamp)));
  assert.equal(n.body.telephonySessionId, sessionId);
  assert.equal(typeof n.body.sequence, 'number');
  assert.equal(n.body.parties.length, 1);
  const [party] = n.body.parties;
  assert.equal(party.extensionId, extension);
  assert.equal(party.accountId, ACCOUNT);
  assert.match(party.id, /^p-[0-9a-f]+-\d+$/);
  assert.ok(['Setup', 'Proceeding', 'Answered', 'Disconnected'].includes(party.status.code), party.status.code);
  assert.equal(party.direction, 'Inbound');
}

/** A started @rc-ex/ws extension on a fresh @rc-ex/core client. */
async function rcexWs(jwt = server.env.RC_USER_JWT, options = {}) {
  const rc = await server.rcex(jwt);
  const wse = new WebSocketExtension(options);
  await rc.installExtension(wse);
  return { rc, wse };
}

/** Revokes the subscription over the socket, closes it and stops the recovery timer, so the process can exit. */
async function close({ rc, wse }) {
  await wse.revoke();
  await rc.revoke();
}

describe('WebSocket notifications', () => {
  test('@ringcentral/subscriptions: telephony and presence notifications of a simulated call', async () => {
    const sdk = await sdkPlatform();
    const subscriptions = new Subscriptions({ sdk });
    const subscription = subscriptions.createSubscription().setEventFilters([TELEPHONY, PRESENCE]);
    const received = [];
    subscription.on(subscription.events.notification, (n) => received.push(n));
    const registered = await subscription.register();
    try {
      const info = registered.subscriptionInfo;
      assert.equal(info.status, 'Active');
      assert.equal(info.deliveryMode.transportType, 'WebSocket');
      assert.deepEqual(info.eventFilters, [telephonyPath(ALICE), `/restapi/v1.0/account/${ACCOUNT}/extension/${ALICE}/presence?detailedTelephonyState=true`]);

      const placed = await call(ALICE_NUMBER, ALICE);
      const presence = () => received.filter((n) => n.event.includes('/presence'));
      await waitFor(() => ofSession(received, placed.id).some((n) => n.body.parties[0].status.code === 'Proceeding')
        && presence().some((n) => n.body.telephonyStatus === 'Ringing'), 'Proceeding and Ringing');
      const ringing = presence().find((n) => n.body.telephonyStatus === 'Ringing');
      assert.equal(ringing.subscriptionId, info.id);
      // As in the platform's sample (seed 004), `event` is the concrete filter, query included.
      assert.equal(ringing.event, `/restapi/v1.0/account/${ACCOUNT}/extension/${ALICE}/presence?detailedTelephonyState=true`);
      assert.equal(ringing.body.extensionId, ALICE);
      assert.equal(ringing.body.activeCalls.find((c) => c.telephonySessionId === placed.id)?.partyId, placed.party);

      await server.sim('answer', placed.id, placed.party, '1001');
      await server.sim('hangup', placed.id, placed.party);
      const expected = await logged(placed.id, ALICE, (await sdk.platform().auth().data()).access_token);
      assert.deepEqual(expected.map((r) => r.body.parties[0].status.code), ['Setup', 'Proceeding', 'Answered', 'Disconnected']);
      await waitFor(() => ofSession(received, placed.id).length >= expected.length, `${expected.length} telephony notifications`);
      const telephony = ofSession(received, placed.id);
      for (const n of telephony) assertTelephony(n, { subscriptionId: info.id, extension: ALICE, sessionId: placed.id });
      assert.deepEqual(telephony.map((n) => n.body.sequence), expected.map((r) => r.body.sequence));
      assert.deepEqual(telephony.map((n) => n.body.parties[0].status.code), expected.map((r) => r.body.parties[0].status.code));
      assert.equal(telephony.at(-1).body.parties[0].status.code, 'Disconnected');
      await waitFor(() => presence().at(-1)?.body.telephonyStatus === 'NoCall', 'presence back to NoCall');
    } finally {
      await registered.wse.revoke();
      await sdk.platform().logout();
    }
  });

  test('@rc-ex/ws: subscribe and receive; REST over the socket, its failures with the platform\'s status and message', async () => {
    const client = await rcexWs(server.env.RC_USER_JWT, { restOverWebSocket: true });
    const { rc, wse } = client;
    try {
      // Every ClientRequest the client sends over the socket.
      const sent = [];
      const send = wse.ws.send;
      wse.ws.send = (text) => {
        const [meta] = JSON.parse(text);
        if (meta.type === 'ClientRequest') sent.push(meta);
        return send(text);
      };
      const received = [];
      const subscription = await wse.subscribe([TELEPHONY], (n) => received.push(n));
      assert.deepEqual(sent.map((m) => `${m.method} ${m.path}`), ['POST /restapi/v1.0/subscription']);
      assert.deepEqual(subscription.subscriptionInfo.eventFilters, [telephonyPath(ALICE)]);

      const me = await rc.restapi().account().extension().get();
      assert.equal(me.id, Number(ALICE));
      assert.equal(me.name, 'Alice Admin');
      assert.equal(me.uri, `${server.url}/restapi/v1.0/account/${ACCOUNT}/extension/${ALICE}`);
      assert.equal(`${sent.at(-1).method} ${sent.at(-1).path}`, 'GET /restapi/v1.0/account/~/extension/~');

      // The same failure over HTTP and over the socket: status, error code and message.
      const missing = '/restapi/v1.0/account/~/extension/99999999';
      const http = await fetch(server.url + missing, { headers: { Authorization: `Bearer ${rc.token.access_token}` } });
      const httpError = await http.json();
      const failure = await rc.restapi().account().extension('99999999').get().then(() => assert.fail('the read succeeded'), (e) => e);
      assert.equal(sent.at(-1).path, missing);
      assert.ok(failure instanceof RestException, String(failure));
      assert.equal(failure.response.status, http.status);
      assert.equal(failure.response.status, 404);
      assert.equal(failure.response.data.errorCode, httpError.errorCode);
      assert.equal(failure.response.data.message, httpError.message);
      assert.ok(failure.message.startsWith(`HTTP 404 Not Found - ${httpError.message}`), failure.message);

      const placed = await call(ALICE_NUMBER, ALICE);
      await callerHangsUp(placed);
      const expected = await logged(placed.id, ALICE, rc.token.access_token);
      await waitFor(() => ofSession(received, placed.id).length >= expected.length, `${expected.length} telephony notifications`);
      for (const n of ofSession(received, placed.id)) {
        assertTelephony(n, { subscriptionId: subscription.subscriptionInfo.id, extension: ALICE, sessionId: placed.id });
      }
      assert.deepEqual(ofSession(received, placed.id).map((n) => n.body.sequence), expected.map((r) => r.body.sequence));
    } finally {
      await close(client);
    }
  });

  test('@rc-ex/ws recovers a dropped socket: same subscription, every notification of a call placed meanwhile', async () => {
    const client = await rcexWs();
    const { wse } = client;
    try {
      const posts = [];
      const received = [];
      const subscription = await wse.subscribe([TELEPHONY], (n) => received.push(n));
      const { id } = subscription.subscriptionInfo;
      const recovered = new Promise((ok, fail) => {
        wse.eventEmitter.once(Events.autoRecoverSuccess, ok);
        wse.eventEmitter.once(Events.autoRecoverFailed, () => fail(new Error('recovery failed: the client subscribed again')));
      });
      // A new socket after recovery would carry a new POST /subscription if the session were not recovered.
      wse.eventEmitter.on(Events.newWebSocketObject, (ws) => {
        const send = ws.send;
        ws.send = (text) => {
          const [meta] = JSON.parse(text);
          if (meta.type === 'ClientRequest' && meta.method === 'POST') posts.push(meta.path);
          return send.call(ws, text);
        };
      });
      const oldSocket = wse.ws;
      const wsc = wse.wsc.token;

      oldSocket.terminate();
      // Blocks this process: the client's recovery timer cannot run until the call is placed, while the
      // server (another process) notices the drop and keeps the notifications.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
      const session = server.simSync('call', CALLER, ALICE_NUMBER);
      assert.equal(received.length, 0);

      await recovered;
      assert.notEqual(wse.ws, oldSocket);
      assert.equal(wse.connectionDetails.recoveryState, 'Successful');
      assert.equal(wse.wsc.token, wsc);
      assert.equal(subscription.subscriptionInfo.id, id);
      assert.equal(wse.subscription, subscription);

      await callerHangsUp({ id: session.id, caller: session.parties.find((p) => p.direction === 'Outbound').id });
      const expected = await logged(session.id, ALICE, client.rc.token.access_token);
      await waitFor(() => ofSession(received, session.id).length >= expected.length,
        `${expected.length} telephony notifications (${ofSession(received, session.id).length} so far)`);
      const telephony = ofSession(received, session.id);
      for (const n of telephony) assertTelephony(n, { subscriptionId: id, extension: ALICE, sessionId: session.id });
      assert.deepEqual(telephony.map((n) => n.body.sequence), expected.map((r) => r.body.sequence));
      assert.deepEqual(posts, []);
    } finally {
      await close(client);
    }
  });

  test('a user who is not an administrator cannot subscribe to another extension\'s calls, and does not get them', async () => {
    // A refused subscribe leaves @rc-ex/ws's listener for it on the socket, where it throws on any later
    // notification (it has no subscriptionInfo): so the refusals get a socket of their own.
    const refusing = await rcexWs(server.env.RC_USER2_JWT);
    try {
      for (const filter of [telephonyPath(ALICE), '/restapi/v1.0/account/~/telephony/sessions']) {
        const refused = await refusing.wse.subscribe([filter], () => {}).then(() => assert.fail(`subscribed to ${filter}`), (e) => e);
        assert.ok(refused instanceof RestException, String(refused));
        assert.equal(refused.response.status, 403, filter);
        assert.equal(refused.response.data.errorCode, 'SUB-406');
        assert.match(refused.response.data.message, /\S/);
      }
    } finally {
      await close(refusing);
    }

    const client = await rcexWs(server.env.RC_USER2_JWT);
    try {
      const received = [];
      const own = await client.wse.subscribe([TELEPHONY], (n) => received.push(n));
      assert.deepEqual(own.subscriptionInfo.eventFilters, [telephonyPath(BOB)]);
      const alices = await call(ALICE_NUMBER, ALICE);
      await callerHangsUp(alices);
      // Bob's own call afterwards: once its notifications are in, Alice's would have been too.
      const bobs = await call(BOB_NUMBER, BOB);
      await callerHangsUp(bobs);
      const expected = await logged(bobs.id, BOB);
      await waitFor(() => ofSession(received, bobs.id).length >= expected.length, `Bob's ${expected.length} telephony notifications`);
      for (const n of received) assertTelephony(n, { subscriptionId: own.subscriptionInfo.id, extension: BOB, sessionId: bobs.id });
      assert.deepEqual(received.map((n) => n.body.sequence), expected.map((r) => r.body.sequence));
    } finally {
      await close(client);
    }
  });
});

describe('WebHook notifications', () => {
  test('@ringcentral/sdk: the receiver validates, refuses one delivery, and then gets every event of the call in order', async () => {
    const deliveries = [];
    let refused;
    const receiver = createServer((req, res) => {
      const validation = req.headers['validation-token'];
      if (validation) {
        res.writeHead(200, { 'Validation-Token': validation }).end();
        return;
      }
      let text = '';
      req.setEncoding('utf8');
      req.on('data', (chunk) => { text += chunk; });
      req.on('end', () => {
        const delivery = { headers: req.headers, body: JSON.parse(text) };
        if (!refused) {
          refused = delivery;
          res.writeHead(500).end();
          return;
        }
        deliveries.push(delivery);
        res.writeHead(200).end();
      });
    });
    await new Promise((ok) => receiver.listen(0, '127.0.0.1', ok));
    const address = `http://127.0.0.1:${receiver.address().port}/hook`;
    const sdk = await sdkPlatform();
    const platform = sdk.platform();
    let subscription;
    try {
      subscription = await (await platform.post('/restapi/v1.0/subscription', {
        eventFilters: [TELEPHONY],
        deliveryMode: { transportType: 'WebHook', address, verificationToken: 'hook-secret' },
        expiresIn: 3600,
      })).json();
      assert.equal(subscription.status, 'Active');
      assert.equal(subscription.deliveryMode.address, address);
      assert.deepEqual(subscription.eventFilters, [telephonyPath(ALICE)]);

      const placed = await call(ALICE_NUMBER, ALICE);
      await callerHangsUp(placed);
      const expected = await logged(placed.id, ALICE, (await platform.auth().data()).access_token);
      // The first delivery is refused; the retry comes about 5 s later and brings the rest in order.
      await waitFor(() => ofSession(deliveries.map((d) => d.body), placed.id).length >= expected.length,
        `${expected.length} deliveries (${deliveries.length} so far)`, 20_000);

      assert.ok(refused, 'a delivery was refused');
      assert.deepEqual(deliveries[0].body, refused.body, 'the refused notification is the first one delivered again');
      assert.deepEqual(deliveries.map((d) => d.body.body.sequence), expected.map((r) => r.body.sequence));
      for (const { headers, body } of deliveries) {
        assert.equal(headers['verification-token'], 'hook-secret');
        assert.match(headers['content-type'], /^application\/json/);
        assertTelephony(body, { subscriptionId: subscription.id, extension: ALICE, sessionId: placed.id });
      }
      assert.equal(new Set(deliveries.map((d) => d.body.uuid)).size, deliveries.length);
      assert.deepEqual(deliveries.map((d) => d.body.body.parties[0].status.code), expected.map((r) => r.body.parties[0].status.code));
    } finally {
      if (subscription?.id) await platform.delete(`/restapi/v1.0/subscription/${subscription.id}`);
      await platform.logout();
      await new Promise((ok) => receiver.close(ok));
    }
  });
});
