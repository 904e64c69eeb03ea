import { describe, expect, it } from 'vitest';
import { nextTipKey } from '../../src/tips/rotation.js';

const keys = Array.from({ length: 12 }, (_, i) => `tip-${i}`);

function sequence(channel: string, count: number, all = keys): string[] {
  const sent: string[] = [];
  for (let i = 0; i < count; i++) sent.push(nextTipKey(channel, sent, all) as string);
  return sent;
}

describe('tip rotation', () => {
  it('shows every tip once before any repeats, round after round', () => {
    const sent = sequence('C1', keys.length * 3);
    for (let round = 0; round < 3; round++) {
      expect(new Set(sent.slice(round * keys.length, (round + 1) * keys.length)).size).toBe(keys.length);
    }
  });

  it('gives channels different orders, and each round a new order', () => {
    const a = sequence('C0AAA', keys.length * 2);
    const b = sequence('C0BBB', keys.length * 2);
    expect(a.slice(0, keys.length)).not.toEqual(b.slice(0, keys.length));
    expect(a.slice(0, keys.length)).not.toEqual(a.slice(keys.length));
  });

  it('is the same for the same history (it has no hidden state)', () => {
    expect(sequence('C1', 20)).toEqual(sequence('C1', 20));
  });

  it('ignores tips that were removed from the data and includes new ones', () => {
    const sent = ['gone-1', 'gone-2', ...sequence('C1', 5)];
    const next = nextTipKey('C1', sent, [...keys, 'new-tip']);
    expect(next).toBeDefined();
    expect(sent).not.toContain(next);
  });
});
