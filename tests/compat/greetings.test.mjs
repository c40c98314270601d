// Custom greetings (seed 002, "Create custom user greetings") and the standard greetings through the official clients.
import assert from 'node:assert/strict';
import { createReadStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SDK } from '@ringcentral/sdk';
import FormData from 'form-data';
import { startServer } from './server.mjs';

// Not a real MP3: the platform goes by the content type, and so does Switchboard.
const mp3 = Buffer.from([0x49, 0x44, 0x33, 0x03, 0, 0, 0, 0, 0, 0x21, 0xff, 0xfb, 0x90, 0x64]);

let server;
let greetingFile;
before(async () => {
  server = await startServer();
  greetingFile = join(server.dir, 'greeting.mp3');
  writeFileSync(greetingFile, mp3);
});
after(async () => { await server?.stop(); });

async function sdk(jwt) {
  const platform = new SDK({ server: server.url, clientId: 'test-app', clientSecret: 'test-secret' }).platform();
  await platform.login({ jwt });
  return platform;
}


/** The seed's sample, as written: the fields as a `json` file part, the audio streamed from disk as `binary`. */
function sampleForm(bodyParams) {
  const formData = new FormData();
  formData.append('json', Buffer.from(JSON.stringify(bodyParams)), { filename: 'request.json', contentType: 'application/json' });
  formData.append('binary', createReadStream(greetingFile));
  return formData;
}

describe('custom user greetings', () => {
  test('@ringcentral/sdk: seed 002 sample on an upgraded account, apply=true with stateId', async () => {
    const platform = await sdk(server.env.RC_OTHER_ACCOUNT_JWT);
    const resp = await platform.post('/restapi/v1.0/account/~/extension/~/greeting?apply=true', sampleForm({ type: 'Announcement', stateId: 5 }));
    const jsonObj = await resp.json();
    assert.equal(jsonObj.type, 'Announcement');
    assert.equal(jsonObj.contentType, 'audio/mpeg');

    const audio = await platform.get(jsonObj.contentUri);
    assert.equal(audio.headers.get('content-type'), 'audio/mpeg');
    assert.deepEqual(Buffer.from(await audio.arrayBuffer()), mp3);
  });

  test('@ringcentral/sdk: seed 002 sample, apply=false keeps the greeting for later', async () => {
    const platform = await sdk(server.env.RC_OTHER_ACCOUNT_JWT);
    const resp = await platform.post('/restapi/v1.0/account/~/extension/~/greeting?apply=false', sampleForm({ type: 'Announcement' }));
    const jsonObj = await resp.json();
    const read = await (await platform.get(`/restapi/v1.0/account/~/extension/~/greeting/${jsonObj.id}`)).json();
    assert.deepEqual(read, jsonObj);
  });

  test('@ringcentral/sdk: an old account names the answering rule', async () => {
    const platform = await sdk(server.env.RC_USER_JWT);
    const created = await (await platform.post('/restapi/v1.0/account/~/extension/~/greeting',
      sampleForm({ type: 'Introductory', answeringRule: { id: 'business-hours-rule' } }))).json();
    assert.equal(created.answeringRule.id, 'business-hours-rule');

    const error = await platform.post('/restapi/v1.0/account/~/extension/~/greeting', sampleForm({ type: 'Introductory', stateId: 'work-hours' }))
      .then(() => assert.fail('accepted a v2 state on an old account'), (e) => e);
    assert.equal(error.response.status, 400);
    assert.equal((await error.response.json()).errors[0].parameterName, 'stateId');
  });

  test('@rc-ex/core typed greeting(): post, get and content', async () => {
    const rc = await server.rcex(server.env.RC_USER2_JWT);
    const greetings = rc.restapi().account().extension().greeting();
    const created = await greetings.post({
      type: 'Voicemail',
      answeringRule: { id: 'after-hours-rule' },
      binary: { filename: 'greeting.wav', contentType: 'audio/x-wav', content: mp3 },
    });
    assert.equal(created.contentType, 'audio/wav');
    assert.equal(created.answeringRule.id, 'after-hours-rule');

    const read = await rc.restapi().account().extension().greeting(created.id).get();
    assert.deepEqual(read, created);
    const content = await rc.restapi().account().extension().greeting(created.id).content().get({ contentDisposition: 'Attachment' });
    assert.deepEqual(Buffer.from(content), mp3);
  });

  test('@rc-ex/core: audio that is not MP3 or WAV is refused naming binary', async () => {
    const rc = await server.rcex(server.env.RC_USER_JWT);
    await assert.rejects(rc.restapi().account().extension().greeting().post({
      type: 'Introductory',
      answeringRule: { id: 'business-hours-rule' },
      binary: { filename: 'greeting.ogg', contentType: 'audio/ogg', content: mp3 },
    }), (e) => e.response.status === 400 && e.response.data.errors[0].parameterName === 'binary');
  });
});

describe('standard greetings', () => {
  test('@rc-ex/core typed dictionary().greeting(): list with filters and read', async () => {
    const rc = await server.rcex(server.env.RC_USER_JWT);
    const list = await rc.restapi().dictionary().greeting().list({ type: 'ConnectingAudio', perPage: 2 });
    assert.deepEqual(list.records.map((g) => g.name), ['Acoustic', 'Classical']);
    assert.equal(list.paging.totalElements, 3);
    const welcome = await rc.restapi().dictionary().greeting('66048').get();
    assert.equal(welcome.type, 'Introductory');
  });
});
