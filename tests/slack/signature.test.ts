/**
 * The request signature check that stands in for Bolt's: it must accept exactly what
 * Bolt's verifySlackRequest accepts (a property over valid, tampered and stale requests
 * checks both side by side), and each way a request can fail is named.
 */
import { createHmac } from 'node:crypto';
import { verifySlackRequest } from '@slack/bolt';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slackSignature } from '../../src/sandbox/signed-requests.js';
import { MAX_REQUEST_AGE_SECONDS, signatureProblem } from '../../src/slack/signature.js';

const SECRET = 'testSigningSecret0123456789abcdef';
const NOW_MS = 1_800_000_000_000;
const NOW_S = NOW_MS / 1000;

const sign = (body: string, timestamp: number, secret = SECRET) => slackSignature(secret, timestamp, body);

function check(body: string | Buffer, timestamp: string | undefined, signature: string | undefined) {
  const raw = typeof body === 'string' ? Buffer.from(body) : body;
  return signatureProblem(SECRET, { body: raw, timestamp, signature }, NOW_MS);
}

describe('signatureProblem', () => {
  const body = 'command=%2Fsocialvs&text=ROI&user_id=U1';

  it('accepts a request Slack signed', () => {
    expect(check(body, String(NOW_S), sign(body, NOW_S))).toBeUndefined();
  });

  it('refuses a tampered body, a forged signature and another secret', () => {
    const signature = sign(body, NOW_S);
    expect(check(`${body}&x=1`, String(NOW_S), signature)).toBe('signature mismatch');
    const flipped = `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`;
    expect(check(body, String(NOW_S), flipped)).toBe('signature mismatch');
    expect(check(body, String(NOW_S), sign(body, NOW_S, 'another secret'))).toBe('signature mismatch');
  });

  it('refuses signatures of the wrong shape without throwing', () => {
    for (const signature of ['v0=', 'v0=abc', `v0=${'z'.repeat(64)}`, `v0=${'a'.repeat(66)}`, 'garbage']) {
      expect(check(body, String(NOW_S), signature)).toBeDefined();
    }
    expect(check(body, String(NOW_S), sign(body, NOW_S).replace('v0=', 'v1='))).toBe(
      'unknown signature version',
    );
    expect(check(body, String(NOW_S), undefined)).toBe('no signature');
    expect(check(body, String(NOW_S), [sign(body, NOW_S)] as unknown as string)).toBe('no signature');
  });

  it('refuses a missing, malformed or stale timestamp, and takes one just inside the window', () => {
    expect(check(body, undefined, sign(body, NOW_S))).toBe('no valid timestamp');
    expect(check(body, 'soon', sign(body, NOW_S))).toBe('no valid timestamp');
    const stale = NOW_S - MAX_REQUEST_AGE_SECONDS - 1;
    expect(check(body, String(stale), sign(body, stale))).toBe('stale timestamp');
    const justInside = NOW_S - MAX_REQUEST_AGE_SECONDS;
    expect(check(body, String(justInside), sign(body, justInside))).toBeUndefined();
  });

  it('checks the bytes Slack signed, even when they are not valid UTF-8', () => {
    const bytes = Buffer.from([0x74, 0x65, 0x78, 0x74, 0x3d, 0xff, 0xfe, 0x80]);
    // Signed over the raw bytes, as Slack does (slackSignature takes text).
    const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${NOW_S}:`).update(bytes).digest('hex')}`;
    expect(check(bytes, String(NOW_S), signature)).toBeUndefined();
  });

  it("accepts exactly what Bolt's own check accepts", () => {
    const request = fc.record({
      body: fc.string({ maxLength: 300 }),
      age: fc.integer({ min: -120, max: 2 * MAX_REQUEST_AGE_SECONDS }),
      tamper: fc.constantFrom('none', 'body', 'signature', 'version', 'secret', 'truncate'),
    });
    fc.assert(
      fc.property(request, ({ body: text, age, tamper }) => {
        const timestamp = NOW_S - age;
        let signature = sign(text, timestamp, tamper === 'secret' ? 'another secret' : SECRET);
        if (tamper === 'signature')
          signature = `${signature.slice(0, 10)}${signature[10] === 'a' ? 'b' : 'a'}${signature.slice(11)}`;
        if (tamper === 'version') signature = signature.replace('v0=', 'v2=');
        if (tamper === 'truncate') signature = signature.slice(0, 40);
        const sent = tamper === 'body' ? `${text}!` : text;
        let boltAccepts = true;
        try {
          verifySlackRequest({
            signingSecret: SECRET,
            body: sent,
            headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
            nowMilliseconds: NOW_MS,
          });
        } catch {
          boltAccepts = false;
        }
        expect(check(sent, String(timestamp), signature) === undefined).toBe(boltAccepts);
      }),
      { seed: 20261203, numRuns: 600 },
    );
  });
});
