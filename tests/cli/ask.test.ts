import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Block, blockKitProblems } from '../../src/cards/blocks.js';

const ROOT = join(import.meta.dirname, '..', '..');

function ask(args: string[], input?: string) {
  return spawnSync('npx', ['tsx', 'src/cli/ask.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    ...(input === undefined ? {} : { input }),
  });
}

interface JsonLine {
  query: string;
  topic: string | null;
  language: string;
  score: number;
  blocks: Block[];
}

describe('ask --json', () => {
  it('answers one question per line, in order', () => {
    const result = ask(['--json'], 'what is the ROI difference?\nhello\nWas ist ein soziales Netzwerk?\n');
    expect(result.status, result.stderr).toBe(0);
    const lines = result.stdout.split('\n').filter((line) => line.trim() !== '');
    expect(lines).toHaveLength(3);
    const answers = lines.map((line) => JSON.parse(line) as JsonLine);
    for (const answer of answers) {
      expect(Object.keys(answer).sort()).toEqual(['blocks', 'language', 'query', 'score', 'topic']);
      expect(typeof answer.score).toBe('number');
      expect(answer.score).toBeGreaterThanOrEqual(0);
      expect(answer.score).toBeLessThanOrEqual(1);
      expect(blockKitProblems(answer.blocks)).toEqual([]);
    }
    expect(answers.map((a) => [a.query, a.topic, a.language])).toEqual([
      ['what is the ROI difference?', 'roi', 'en'],
      ['hello', null, 'en'],
      ['Was ist ein soziales Netzwerk?', 'definition', 'de'],
    ]);
    // The reply to /socialvs is ephemeral: it can be shared.
    expect(JSON.stringify(answers[0]?.blocks)).toContain('topic_share');
  });
});

describe('ask, human mode', () => {
  it('prints the card and exits 0', () => {
    const result = ask(['two-way communication']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Communication style: one-way or two-way?');
    expect(result.stdout).toContain('topic: communication-style');
  });

  it('rejects an unknown --lang with exit code 2 and a message', () => {
    const result = ask(['--lang', 'xx', 'ROI']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--lang must be one of en, id, de, fr');
    expect(result.stderr).toContain('"xx"');
    expect(result.stdout).toBe('');
  });
});

describe('ask, piped into a reader that stops early', () => {
  it('exits 0 without a stack trace when its output pipe closes (`| head -3`)', async () => {
    const child = spawn('npx', ['tsx', 'src/cli/ask.ts', '--json'], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    // More answers than a pipe holds, and the reader goes away after the first bytes.
    child.stdin.end('ROI\n'.repeat(2000));
    child.stdout.once('data', () => child.stdout.destroy());
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('says what score means in its help', () => {
    const result = ask(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('0 = sure match');
  });
});
