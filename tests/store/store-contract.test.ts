/**
 * One suite, both engines: everything the bot relies on its store for, run against
 * SQLite and against PostgreSQL. Each case opens two stores on the same database
 * where it matters, which for PostgreSQL is what two replicas see.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { RedactingLogger } from '../../src/logger.js';
import { PostgresStore } from '../../src/store/postgres-store.js';
import { QuestionRetention } from '../../src/store/retention.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import type {
  QuestionRecord,
  QuizAnswerRecord,
  Store,
  TipClaim,
  TipSettlement,
} from '../../src/store/store.js';
import { gate } from '../support/gate.js';
import { freshPostgresDatabase } from '../support/postgres.js';

interface TestDatabase {
  open(): Promise<Store>;
  remove(): Promise<void>;
  /** Every question row as stored, read past the store as someone with the database would. */
  questionRows(): Promise<Array<Record<string, unknown>>>;
}

interface Engine {
  name: string;
  /** A new empty database; `open` may be called more than once for stores sharing it. */
  create(): Promise<TestDatabase>;
}

const engines: Engine[] = [
  {
    name: 'SQLite',
    async create() {
      const dir = mkdtempSync(join(tmpdir(), 'socialvs-contract-'));
      const path = join(dir, 'socialvs.db');
      return {
        open: async () => SqliteStore.open(path),
        remove: async () => rmSync(dir, { recursive: true, force: true }),
        questionRows: async () => {
          const db = new Database(path, { readonly: true });
          try {
            return db.prepare('SELECT * FROM questions ORDER BY id').all() as Array<Record<string, unknown>>;
          } finally {
            db.close();
          }
        },
      };
    },
  },
  {
    name: 'PostgreSQL',
    async create() {
      const database = await freshPostgresDatabase();
      return {
        open: () => PostgresStore.open(database.url),
        remove: database.drop,
        questionRows: async () => {
          const client = new pg.Client({ connectionString: database.url });
          await client.connect();
          try {
            return (await client.query('SELECT * FROM questions ORDER BY id')).rows;
          } finally {
            await client.end();
          }
        },
      };
    },
  },
];

/** An unanswered question as the bot logs it with QUESTION_LOG on. */
const unanswered = (text: string, askerId: string, askedAt = new Date('2026-11-20T10:00:00Z')) =>
  ({
    askedAt,
    surface: 'dm',
    language: 'en',
    topic: null,
    text,
    normalized: text.toLowerCase().replace(/[^a-z ]/g, ''),
    askerId,
  }) satisfies QuestionRecord;

const DAY = '2026-11-23';
const claimFor = (channelId: string, tipKey = 'tip-a'): TipClaim => ({
  channelId,
  day: DAY,
  tipKey,
  language: 'en',
});
const posted = (messageTs: string) => async (): Promise<TipSettlement> => ({ outcome: 'posted', messageTs });

describe.each(engines)('$name store', (engine) => {
  const opened: Store[] = [];
  const databases: TestDatabase[] = [];
  /** Two stores on one fresh database: what two replicas (or a restart) would see. */
  async function twoStores(): Promise<[Store, Store]> {
    return (await twoStoresOn())[0];
  }
  async function twoStoresOn(): Promise<[[Store, Store], TestDatabase]> {
    const database = await engine.create();
    databases.push(database);
    const first = await database.open();
    opened.push(first);
    const second = await database.open();
    opened.push(second);
    return [[first, second], database];
  }
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    for (const database of databases.splice(0)) await database.remove();
  });

  describe('saved languages', () => {
    it('are saved and replaced, and one store sees what the other saved at once', async () => {
      const [one, other] = await twoStores();
      expect(await one.getUserLanguage('UANA')).toBeUndefined();
      await one.setUserLanguage('UANA', 'id');
      expect(await other.getUserLanguage('UANA')).toBe('id');
      await other.setUserLanguage('UANA', 'fr');
      expect(await one.getUserLanguage('UANA')).toBe('fr');
      expect(await one.getUserLanguage('UBEN')).toBeUndefined();
    });
  });

  describe('onceForEvent', () => {
    it('runs the work for the first delivery only, whichever store gets the others', async () => {
      const [one, other] = await twoStores();
      const runs: string[] = [];
      const work = (label: string) => async () => {
        runs.push(label);
      };
      expect(await one.onceForEvent('Ev1', work('one'))).toBe(true);
      expect(await one.onceForEvent('Ev1', work('one again'))).toBe(false);
      expect(await other.onceForEvent('Ev1', work('other'))).toBe(false);
      expect(await other.onceForEvent('Ev2', work('other, Ev2'))).toBe(true);
      expect(runs).toEqual(['one', 'other, Ev2']);
    });

    it('two deliveries at once: one runs, the other ends only after that work has ended', async () => {
      const [one, other] = await twoStores();
      const log: string[] = [];
      const held = gate();
      const first = one.onceForEvent('EvRACE', async () => {
        log.push('work started');
        await held.opened;
        log.push('work ended');
      });
      await expect.poll(() => log).toContain('work started');
      const second = other.onceForEvent('EvRACE', async () => {
        log.push('second delivery ran');
      });
      const settled = second.then((ran) => log.push(`second delivery: ${ran}`));
      held.open();
      expect(await first).toBe(true);
      await settled;
      // SQLite commits the claim at once, so there the duplicate may end before the work
      // does; what both guarantee is that it never runs.
      expect(log).toContain('second delivery: false');
      expect(log).not.toContain('second delivery ran');
      // PostgreSQL holds the claim until the work ends, so the duplicate waits for it.
      if (engine.name === 'PostgreSQL') {
        expect(log).toEqual(['work started', 'work ended', 'second delivery: false']);
      }
    });

    it('an event whose work failed still counts as handled (it may have been answered)', async () => {
      const [one, other] = await twoStores();
      await expect(
        one.onceForEvent('EvFAIL', async () => {
          throw new Error('chat.postMessage failed');
        }),
      ).rejects.toThrow('chat.postMessage failed');
      let ranAgain = false;
      expect(
        await other.onceForEvent('EvFAIL', async () => {
          ranAgain = true;
        }),
      ).toBe(false);
      expect(ranAgain).toBe(false);
    });

    it('forgets ids older than a day, and only those', async () => {
      const [store] = await twoStores();
      const nothing = async () => {};
      const start = new Date('2026-01-01T00:00:00Z');
      const later = new Date(start.getTime() + 25 * 60 * 60 * 1000);
      expect(await store.onceForEvent('EvOLD', nothing, start)).toBe(true);
      expect(await store.onceForEvent('EvRECENT', nothing, new Date(later.getTime() - 60_000))).toBe(true);
      // The purge runs every 500 claims.
      for (let i = 0; i < 500; i++) await store.onceForEvent(`EvFILL${i}`, nothing, later);
      expect(await store.onceForEvent('EvOLD', nothing, later)).toBe(true);
      expect(await store.onceForEvent('EvRECENT', nothing, later)).toBe(false);
    });
  });

  describe('subscriptions', () => {
    it('subscribe, list in channel order, pause with a reason, resume, unsubscribe: seen by both stores', async () => {
      const [one, other] = await twoStores();
      await one.subscribe({ channelId: 'C0B', language: 'de', source: 'command', subscribedBy: 'UADA' });
      await one.subscribe({ channelId: 'C0A', language: 'fr', source: 'config' });
      expect((await other.listSubscriptions()).map((s) => [s.channelId, s.language, s.source])).toEqual([
        ['C0A', 'fr', 'config'],
        ['C0B', 'de', 'command'],
      ]);
      expect(await other.getSubscription('C0B')).toMatchObject({
        subscribedBy: 'UADA',
        pausedReason: undefined,
      });

      await other.pauseSubscription('C0B', 'not_in_channel', new Date('2026-11-23T08:00:00Z'));
      expect(await one.getSubscription('C0B')).toMatchObject({
        pausedReason: 'not_in_channel',
        pausedAt: '2026-11-23T08:00:00.000Z',
      });
      await one.subscribe({ channelId: 'C0B', language: 'id', source: 'command', subscribedBy: 'UBEN' });
      expect(await other.getSubscription('C0B')).toMatchObject({
        language: 'id',
        subscribedBy: 'UBEN',
        pausedReason: undefined,
        pausedAt: undefined,
      });

      expect(await other.unsubscribe('C0A')).toBe(true);
      expect(await one.unsubscribe('C0A')).toBe(false);
      expect(await one.getSubscription('C0A')).toBeUndefined();
      expect((await one.listSubscriptions()).map((s) => s.channelId)).toEqual(['C0B']);
    });
  });

  describe('withTipClaim', () => {
    it('posted: the ts is recorded, and the same day is taken for every store after', async () => {
      const [one, other] = await twoStores();
      expect(await one.withTipClaim(claimFor('C0TIP'), posted('1700000000.000100'))).toEqual({
        outcome: 'posted',
        messageTs: '1700000000.000100',
      });
      let postedAgain = false;
      const again = await other.withTipClaim(claimFor('C0TIP', 'tip-b'), async () => {
        postedAgain = true;
        return { outcome: 'posted', messageTs: 'x' };
      });
      expect(again).toBe('taken');
      expect(postedAgain).toBe(false);
      const history = await other.tipHistory('C0TIP');
      expect(history).toHaveLength(1);
      expect(history[0]).toMatchObject({ day: DAY, tipKey: 'tip-a', messageTs: '1700000000.000100' });
      expect(history[0]?.postedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      // Another day, another tip.
      expect(
        await other.withTipClaim({ ...claimFor('C0TIP', 'tip-b'), day: '2026-11-24' }, posted('2.0')),
      ).toMatchObject({ outcome: 'posted' });
      expect((await one.tipHistory('C0TIP')).map((record) => record.tipKey)).toEqual(['tip-a', 'tip-b']);
    });

    it('released: nothing is left, so a later run that day posts', async () => {
      const [one, other] = await twoStores();
      expect(await one.withTipClaim(claimFor('C0REL'), async () => ({ outcome: 'released' }))).toEqual({
        outcome: 'released',
      });
      expect(await other.tipHistory('C0REL')).toEqual([]);
      expect(await other.withTipClaim(claimFor('C0REL'), posted('3.0'))).toMatchObject({ outcome: 'posted' });
    });

    it('kept (in doubt) or a post that threw: the day stays claimed with no ts', async () => {
      const [one, other] = await twoStores();
      expect(await one.withTipClaim(claimFor('C0DOUBT'), async () => ({ outcome: 'kept' }))).toEqual({
        outcome: 'kept',
      });
      await expect(
        one.withTipClaim(claimFor('C0THREW'), () => Promise.reject(new Error('socket hang up'))),
      ).rejects.toThrow('socket hang up');
      for (const channel of ['C0DOUBT', 'C0THREW']) {
        expect(await other.withTipClaim(claimFor(channel), posted('4.0'))).toBe('taken');
        expect(await other.tipHistory(channel)).toMatchObject([{ day: DAY, messageTs: undefined }]);
      }
    });

    it('two runs at once for one channel: exactly one posts', async () => {
      const [one, other] = await twoStores();
      const posts: string[] = [];
      const post = (label: string) => async (): Promise<TipSettlement> => {
        posts.push(label);
        await new Promise((resolve) => setImmediate(resolve));
        return { outcome: 'posted', messageTs: label };
      };
      const results = await Promise.all([
        one.withTipClaim(claimFor('C0BOTH'), post('one')),
        other.withTipClaim(claimFor('C0BOTH'), post('other')),
      ]);
      expect(posts).toHaveLength(1);
      expect(results.filter((result) => result === 'taken')).toHaveLength(1);
      expect((await one.tipHistory('C0BOTH'))[0]?.messageTs).toBe(posts[0]);
    });
  });

  describe('questions, votes and the usage report', () => {
    it('counts exactly what was recorded, with votes replaced per user and answer', async () => {
      const [one, other] = await twoStores();
      const at = (iso: string) => new Date(iso);
      for (const question of [
        {
          askedAt: at('2026-11-01T10:00:00Z'),
          surface: 'command',
          language: 'en',
          topic: 'definitions',
          text: 'what is social media',
          normalized: 'what is social media',
        },
        {
          askedAt: at('2026-11-20T10:00:00Z'),
          surface: 'mention',
          language: 'de',
          topic: 'definitions',
        },
        {
          askedAt: at('2026-11-20T11:00:00Z'),
          surface: 'dm',
          language: 'en',
          topic: null,
          text: 'Pizza?',
          normalized: 'pizza',
          askerId: 'UANA',
        },
        {
          askedAt: at('2026-11-21T11:00:00Z'),
          surface: 'dm',
          language: 'en',
          topic: null,
          text: 'pizza',
          normalized: 'pizza',
          askerId: 'UBEN',
        },
        {
          askedAt: at('2026-11-21T12:00:00Z'),
          surface: 'command',
          language: 'fr',
          topic: 'privacy',
        },
      ] satisfies QuestionRecord[]) {
        // Alternating stores: two replicas logging into one database.
        await (question.surface === 'mention' || question.text === 'pizza' ? other : one).recordQuestion(
          question,
        );
      }

      const vote = (userId: string, value: 1 | -1, topic = 'definitions') => ({
        answerId: 'A0SOCIAL1',
        userId,
        topic,
        language: 'de' as const,
        vote: value,
        at: at('2026-11-20T10:05:00Z'),
      });
      expect(await one.recordVote(vote('UANA', 1))).toBe('new');
      expect(await other.recordVote(vote('UANA', 1))).toBe('same');
      expect(await other.recordVote(vote('UANA', -1))).toBe('changed');
      expect(await one.recordVote(vote('UBEN', 1))).toBe('new');
      expect(await one.recordVote({ ...vote('UBEN', -1, 'privacy'), answerId: 'A0PRIVACY4' })).toBe('new');

      // Each store's log reaches the database in batches: when read, purged or closed (or
      // within 200 ms). Reading the report through `one` writes its batch; then `other`'s.
      await one.usageReport(undefined);
      const all = await other.usageReport(undefined);
      expect(all).toEqual({
        asked: 5,
        answered: 3,
        topTopics: [
          { topic: 'definitions', count: 2 },
          { topic: 'privacy', count: 1 },
        ],
        unanswered: [{ text: 'pizza', count: 2 }],
        votes: [
          { topic: 'definitions', up: 1, down: 1 },
          { topic: 'privacy', up: 0, down: 1 },
        ],
        languages: [
          { language: 'en', asked: 3, answered: 1 },
          { language: 'de', asked: 1, answered: 1 },
          { language: 'fr', asked: 1, answered: 1 },
        ],
        quiz: { answered: 0, right: 0, mostMissed: undefined },
      });
      const recent = await one.usageReport(at('2026-11-20T10:30:00Z'));
      expect(recent).toMatchObject({ asked: 3, answered: 1, topTopics: [{ topic: 'privacy', count: 1 }] });

      // The purge: the question of 1 Nov goes; votes of 20 Nov stay.
      expect(await one.purgeBefore(at('2026-11-10T00:00:00Z'))).toBe(1);
      expect((await other.usageReport(undefined)).asked).toBe(4);
      expect(await one.purgeBefore(at('2026-12-01T00:00:00Z'))).toBe(4 + 3);
      expect(await other.usageReport(undefined)).toMatchObject({ asked: 0, votes: [] });
    });

    it('the unanswered list counts people, not repetitions, across replicas', async () => {
      const [one, other] = await twoStores();
      // One person asks fifty times, and asks last; two people ask another question once each.
      for (let i = 0; i < 50; i++) {
        await one.recordQuestion(
          unanswered('Free pizza?', 'UMALLORY', new Date(Date.UTC(2026, 10, 21, 0, i))),
        );
      }
      await one.recordQuestion(unanswered('Book a room', 'UANA'));
      await other.recordQuestion(unanswered('book a ROOM', 'UBEN'));
      // Someone who already counted asking again, on another replica, still counts once.
      await other.recordQuestion(unanswered('Book a room!', 'UANA'));
      await one.usageReport(undefined);
      const report = await other.usageReport(undefined);
      expect(report.asked).toBe(53);
      expect(report.unanswered.map((row) => [row.text.toLowerCase().replace(/!/g, ''), row.count])).toEqual([
        ['book a room', 2],
        ['free pizza?', 1],
      ]);
    });

    it('keeps who asked only as a keyed hash, only on rows keeping the question, and purges it with them', async () => {
      const [[one, other], database] = await twoStoresOn();
      const [[elsewhere], otherDatabase] = await twoStoresOn();
      const now = new Date('2026-11-20T10:00:00Z');
      // QUESTION_LOG=off: the bot passes no text; a store given an asker anyway keeps nothing of it.
      await one.recordQuestion({ askedAt: now, surface: 'dm', language: 'en', topic: null, askerId: 'UANA' });
      // Answered: the report never groups these, so the asker isn't kept either.
      await one.recordQuestion({
        askedAt: now,
        surface: 'command',
        language: 'en',
        topic: 'roi',
        text: 'ROI',
        askerId: 'UANA',
      });
      await one.recordQuestion(unanswered('pizza', 'UANA'));
      await other.recordQuestion(unanswered('pizza', 'UANA'));
      await one.recordQuestion(unanswered('book a room', 'UANA'));
      await elsewhere.recordQuestion(unanswered('pizza', 'UANA'));
      for (const store of [one, other, elsewhere]) await store.usageReport(undefined);

      const rows = await database.questionRows();
      // `one` wrote its batch first (its report came first), then `other`.
      expect(rows.map((row) => [row.text, row.asker_hash === null])).toEqual([
        [null, true],
        ['ROI', true],
        ['pizza', false],
        ['book a room', false],
        ['pizza', false],
      ]);
      // Not readable: the id appears nowhere.
      expect(JSON.stringify(rows)).not.toContain('UANA');
      const [, , pizza, room, pizzaAgain] = rows.map((row) => row.asker_hash);
      expect(pizza).toMatch(/^[\w-]{43}$/);
      // Same person, same question: the same value on both replicas, which is what's counted.
      expect(pizzaAgain).toBe(pizza);
      // Same person, another question: nothing in common, so one person's questions can't be joined up.
      expect(room).not.toBe(pizza);
      // Another database has its own key: the same person and question give another value.
      const [elsewhereRow] = await otherDatabase.questionRows();
      expect(elsewhereRow?.asker_hash).toMatch(/^[\w-]{43}$/);
      expect(elsewhereRow?.asker_hash).not.toBe(pizza);

      // The retention job takes the hashes with the rows they belong to.
      const logger = new RedactingLogger('error', [], () => {});
      const retention = new QuestionRetention({ store: other, days: 30, timeZone: 'UTC', logger });
      expect(await retention.purge(new Date('2026-12-25T00:00:00Z'))).toBe(5);
      expect(await database.questionRows()).toEqual([]);
    });
  });

  describe('quiz answers', () => {
    const answer = (
      quiz: string,
      userId: string,
      correct: boolean,
      itemKey = 'roi-quiz-1',
      at = new Date('2026-11-20T10:00:00Z'),
    ): QuizAnswerRecord => ({
      quiz,
      itemKey,
      userId,
      answer: correct ? 'media' : 'both',
      correct,
      at,
    });

    it('keep the first answer per quiz and person, whichever store gets the later ones', async () => {
      const [one, other] = await twoStores();
      expect(await one.recordQuizAnswer(answer('c:C1:2026-11-20', 'UANA', false))).toBe(true);
      // Pressing again (here right, through the other replica) changes nothing.
      expect(await other.recordQuizAnswer(answer('c:C1:2026-11-20', 'UANA', true))).toBe(false);
      expect(await one.recordQuizAnswer(answer('c:C1:2026-11-20', 'UANA', true))).toBe(false);
      expect(await other.recordQuizAnswer(answer('c:C1:2026-11-20', 'UBEN', true))).toBe(true);
      // The same person on another quiz is a first answer there.
      expect(await other.recordQuizAnswer(answer('pabc', 'UANA', true))).toBe(true);
      expect(await one.quizCounts('c:C1:2026-11-20')).toEqual({ answered: 2, right: 1 });
      expect(await other.quizCounts('pabc')).toEqual({ answered: 1, right: 1 });
      expect(await other.quizCounts('pnobody')).toEqual({ answered: 0, right: 0 });
    });

    it('two first presses at once on two replicas: exactly one counts', async () => {
      const [one, other] = await twoStores();
      for (let round = 0; round < 5; round++) {
        const quiz = `prace${round}`;
        const results = await Promise.all([
          one.recordQuizAnswer(answer(quiz, 'UANA', round % 2 === 0)),
          other.recordQuizAnswer(answer(quiz, 'UANA', round % 2 === 1)),
        ]);
        expect(results.filter(Boolean)).toHaveLength(1);
        expect((await one.quizCounts(quiz)).answered).toBe(1);
      }
    });

    it('the report: first answers, how many right, the most missed item, and nobody’s id', async () => {
      const [one, other] = await twoStores();
      const early = new Date('2026-11-01T10:00:00Z');
      await one.recordQuizAnswer(answer('q1', 'UANA', false, 'roi-quiz-1', early));
      await one.recordQuizAnswer(answer('q1', 'UBEN', false, 'roi-quiz-1'));
      await other.recordQuizAnswer(answer('q1', 'UCAT', true, 'roi-quiz-1'));
      await other.recordQuizAnswer(answer('q2', 'UANA', false, 'focus-quiz-2'));
      await other.recordQuizAnswer(answer('q2', 'UBEN', true, 'focus-quiz-2'));
      await one.recordQuizAnswer(answer('q3', 'UANA', true, 'aaa-quiz'));
      // Later presses don't count, wrong or right.
      await one.recordQuizAnswer(answer('q2', 'UBEN', false, 'focus-quiz-2'));

      const all = await other.usageReport(undefined);
      expect(all.quiz).toEqual({
        answered: 6,
        right: 3,
        mostMissed: { itemKey: 'roi-quiz-1', missed: 2, answered: 3 },
      });
      expect(JSON.stringify(all)).not.toMatch(/UANA|UBEN|UCAT/);
      // Since 20 Nov: roi-quiz-1 and focus-quiz-2 each missed once; the tie goes to the one answered more.
      const recent = await one.usageReport(new Date('2026-11-10T00:00:00Z'));
      expect(recent.quiz).toEqual({
        answered: 5,
        right: 3,
        mostMissed: { itemKey: 'focus-quiz-2', missed: 1, answered: 2 },
      });
      expect((await one.usageReport(new Date('2026-12-01T00:00:00Z'))).quiz).toEqual({
        answered: 0,
        right: 0,
        mostMissed: undefined,
      });
    });

    it('the retention job purges them with the questions and votes', async () => {
      const [one, other] = await twoStores();
      await one.recordQuizAnswer(answer('q1', 'UANA', true, 'roi-quiz-1', new Date('2026-10-01T10:00:00Z')));
      await one.recordQuizAnswer(answer('q1', 'UBEN', false, 'roi-quiz-1', new Date('2026-11-20T10:00:00Z')));
      await one.recordQuestion(unanswered('pizza', 'UANA', new Date('2026-10-01T10:00:00Z')));
      await one.usageReport(undefined); // writes one's batch of the question log
      const logger = new RedactingLogger('error', [], () => {});
      const retention = new QuestionRetention({ store: other, days: 30, timeZone: 'UTC', logger });
      expect(await retention.purge(new Date('2026-11-15T00:00:00Z'))).toBe(2);
      expect(await one.quizCounts('q1')).toEqual({ answered: 1, right: 0 });
      expect((await other.usageReport(undefined)).quiz.answered).toBe(1);
    });
  });
});
