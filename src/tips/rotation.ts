/**
 * Which tip a channel gets next: every tip once before any repeats, in an order of its
 * own per channel and per round, so two channels don't read the same tip the same day
 * and a round doesn't repeat the last one's order. Derived from the channel's history,
 * so it needs no state of its own and survives tips being added or removed.
 */

/** A small deterministic PRNG (mulberry32) seeded from a string. */
function seeded(seed: string): () => number {
  let state = 2166136261;
  for (let i = 0; i < seed.length; i++) state = Math.imul(state ^ seed.charCodeAt(i), 16777619);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], seed: string): T[] {
  const random = seeded(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * The next tip key for `channelId`, given the keys it was already sent (oldest first)
 * and all tip keys there are.
 */
export function nextTipKey(
  channelId: string,
  sent: readonly string[],
  allKeys: readonly string[],
): string | undefined {
  if (allKeys.length === 0) return undefined;
  const known = new Set(allKeys);
  const sentKnown = sent.filter((key) => known.has(key));
  const round = Math.floor(sentKnown.length / allKeys.length);
  const thisRound = new Set(sentKnown.slice(round * allKeys.length));
  const order = shuffled([...allKeys].sort(), `${channelId}:${round}`);
  return order.find((key) => !thisRound.has(key)) ?? order[0];
}
