/**
 * Message timestamps as Slack writes them ("seconds.microseconds"), from the real clock and
 * strictly increasing within the process: the stand-in (the bot's messages) and the
 * workspace (the person's) share this one clock, so a reply is always later than its
 * question, and ordering by ts is ordering by time.
 */
let lastMicros = 0;

export function nextSlackTs(nowMs: number = Date.now()): string {
  const micros = Math.max(Math.floor(nowMs * 1000), lastMicros + 1);
  lastMicros = micros;
  return `${Math.floor(micros / 1_000_000)}.${String(micros % 1_000_000).padStart(6, '0')}`;
}
