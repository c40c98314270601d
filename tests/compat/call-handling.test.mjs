// Call handling (seeds 001 and 002) through the official clients: v1 answering rules, the upgrade, v2 comm-handling.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SDK } from '@ringcentral/sdk';
import { startServer } from './server.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { await server?.stop(); });


describe('call handling', () => {
  test('@ringcentral/sdk: seed 001 business-hours-rule read and forwarding update, then the upgrade to v2', async () => {
    const platform = new SDK({ server: server.url, clientId: 'test-app', clientSecret: 'test-secret' }).platform();
    await platform.login({ jwt: server.env.RC_USER_JWT });
    const rule = 'account/~/extension/~/answering-rule/business-hours-rule';

    const current = await (await platform.get(`/restapi/v1.0/${rule}`)).json();
    assert.equal(current.id, 'business-hours-rule');
    assert.equal(current.schedule.ref, 'BusinessHours');
    const numbers = (await (await platform.get('/restapi/v1.0/account/~/extension/~/forwarding-number')).json()).records;

    const updated = await (await platform.put(`/restapi/v1.0/${rule}`, {
      callHandlingAction: 'ForwardCalls',
      forwarding: {
        notifyMySoftPhones: true, softPhonesRingCount: 1, ringingMode: 'Sequentially',
        rules: numbers.map((n, i) => ({ index: i + 1, ringCount: 4 * (i + 1), forwardingNumbers: [{ id: n.id }] })),
      },
      voicemail: { enabled: true, recipient: { id: 11111111 } },
    })).json();
    assert.deepEqual(updated.forwarding.rules.map((r) => [r.ringCount, r.forwardingNumbers[0].phoneNumber]),
      numbers.map((n, i) => [4 * (i + 1), n.phoneNumber]));

    const rc = await server.rcex(server.env.RC_USER_JWT);
    const listed = await rc.restapi().account().extension().answeringRule().list({ type: ['Custom', 'BusinessHours'], view: 'Detailed', enabledOnly: true });
    assert.deepEqual(listed.records.map((r) => r.id), ['business-hours-rule']);

    // Switchboard's admin route moves the account to the new call handling; v1 is refused, v2 shows the same rule.
    const upgrade = await platform.post('/switchboard/v1/account/11111111/call-handling-upgrade');
    assert.equal((await upgrade.json()).newCallHandling, true);
    await assert.rejects(platform.get(`/restapi/v1.0/${rule}`), (e) => e.response.status === 403);
    const v2 = await rc.restapi().v2().accounts().extensions().commHandling().voice().stateRules('work-hours').get();
    const rings = v2.dispatching.actions.filter((a) => a.type === 'RingGroupAction');
    assert.deepEqual(rings.map((a) => a.duration), numbers.map((n, i) => 20 * (i + 1)));
    assert.equal(v2.dispatching.actions.at(-1).terminatingTargetType, 'VoiceMailTerminatingTarget');
  });

  test('@rc-ex/core typed states, stateRules and interactionRules on an upgraded account', async () => {
    const rc = await server.rcex(server.env.RC_OTHER_ACCOUNT_JWT);
    const handling = rc.restapi().v2().accounts().extensions().commHandling();

    const dnd = await handling.states('dnd').patch({ enabled: true });
    assert.equal(dnd.enabled, true);
    const states = await handling.states().list();
    assert.deepEqual(states.records.map((s) => s.id), ['forward-all-calls', 'dnd', 'agent', 'work-hours', 'after-hours']);

    const rules = await handling.voice().stateRules().list();
    const work = rules.records.find((r) => r.id === 'work-hours');
    const same = await handling.voice().stateRules('work-hours').patch({ dispatching: work.dispatching });
    assert.deepEqual(same, work);

    const created = await handling.voice().interactionRules().post({
      displayName: 'From the boss', enabled: true,
      conditions: [{ type: 'Interaction', from: [{ phoneNumber: '+16505550100', name: 'Boss' }], to: [] }],
      dispatching: { type: 'Terminate', actions: [{ type: 'TerminatingAction', targets: [{ type: 'PhoneNumberTerminatingTarget', destination: { phoneNumber: '+16505550111' } }] }] },
    });
    assert.equal(created.displayName, 'From the boss');
    const listed = await handling.voice().interactionRules().list();
    assert.deepEqual(listed.records.map((r) => r.id), [created.id]);
    const patched = await handling.voice().interactionRules(created.id).patch({ enabled: false });
    assert.equal(patched.enabled, false);
    await handling.voice().interactionRules(created.id).delete();
    assert.equal((await handling.voice().interactionRules().list()).records.length, 0);
  });
});
