/**
 * Loads data/ into a KnowledgeBase, or throws a DataError listing every problem
 * with the file, the topic and the field it is in.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Yaml from 'yaml';
import type * as z from 'zod';
import {
  EXAMPLES_DIR,
  exampleFileNames,
  SOURCES_FILE,
  TOPICS_DIR,
  topicFileNames,
  UI_FILE,
} from './data-files.js';
import type { Example, KnowledgeBase, Topic, TopicQuizItem, TopicTip } from './model.js';
import {
  type ArticleClaim,
  CONTENT_MINIMUMS,
  ExampleSchema,
  REQUIRED_TOPIC_IDS,
  type Source,
  SourcesFileSchema,
  type TopicFile,
  TopicFileSchema,
  UiStringsFileSchema,
} from './schema.js';
import { DEFAULT_SNAPSHOT_FILE, readSnapshot } from './snapshot.js';
import { UI_KEYS, type UiStrings } from './ui-strings.js';

// The YAML parser is loaded only when the YAML is read: a start from the build's
// snapshot (see snapshot.ts) never needs it.
const require = createRequire(import.meta.url);
let yaml: typeof Yaml | undefined;
function parseYaml(text: string): unknown {
  yaml ??= require('yaml') as typeof Yaml;
  return yaml.parse(text);
}

export type { KnowledgeBase, Topic, TopicQuizItem, TopicTip } from './model.js';

/** data/ of this checkout, found upwards from this file (src/knowledge/, or dist/ for the built bot). */
export const DEFAULT_DATA_DIR = findDataDir(dirname(fileURLToPath(import.meta.url)));

function findDataDir(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'data', 'topics'))) return join(dir, 'data');
    if (dirname(dir) === dir) return resolve(start, '../../data');
  }
}

export class DataError extends Error {
  constructor(readonly problems: string[]) {
    super(`The concept base has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
    this.name = 'DataError';
  }
}

function describeIssues(where: string, issues: z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const field = issue.path.length ? issue.path.join('.') : '(file)';
    return `${where}: ${field}: ${issue.message}`;
  });
}

function readYaml(file: string, shownAs: string, problems: string[]): unknown {
  try {
    return parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    problems.push(`${shownAs}: not readable YAML: ${message}`);
    return undefined;
  }
}

export interface LoadOptions {
  /**
   * The build's snapshot to start from when data/ is unchanged since it was written;
   * false reads and checks the YAML whatever (`npm run validate`, the build itself).
   */
  snapshot?: string | false;
}

export function loadKnowledgeBase(
  dataDir: string = DEFAULT_DATA_DIR,
  { snapshot = DEFAULT_SNAPSHOT_FILE }: LoadOptions = {},
): KnowledgeBase {
  const fromSnapshot = snapshot === false ? undefined : readSnapshot(dataDir, snapshot);
  if (fromSnapshot) return fromSnapshot;

  const problems: string[] = [];
  const shown = (file: string) => relative(process.cwd(), file) || file;

  const sourcesFile = join(dataDir, SOURCES_FILE);
  const sourcesParsed = SourcesFileSchema.safeParse(readYaml(sourcesFile, shown(sourcesFile), problems));
  const sources = new Map<string, Source>();
  if (sourcesParsed.success) for (const source of sourcesParsed.data) sources.set(source.id, source);
  else problems.push(...describeIssues(shown(sourcesFile), sourcesParsed.error.issues));

  const topicsDir = join(dataDir, TOPICS_DIR);
  let topicFiles: string[] = [];
  try {
    topicFiles = topicFileNames(dataDir);
  } catch {
    problems.push(`${shown(topicsDir)}: folder missing`);
  }

  const topics: Topic[] = [];
  const itemKeys = new Map<string, string>();
  const orders = new Map<number, string>();
  for (const name of topicFiles) {
    const file = join(topicsDir, name);
    const raw = readYaml(file, shown(file), problems);
    const rawId = (raw as { id?: unknown } | undefined)?.id;
    const where = `${shown(file)} (topic ${typeof rawId === 'string' ? rawId : '?'})`;
    const parsed = TopicFileSchema.safeParse(raw);
    if (!parsed.success) {
      if (raw !== undefined) problems.push(...describeIssues(where, parsed.error.issues));
      continue;
    }
    const topic: TopicFile = parsed.data;
    const fileId = basename(name).replace(/\.ya?ml$/, '');
    if (topic.id !== fileId) problems.push(`${where}: id: must match the file name "${fileId}"`);
    const sameOrder = orders.get(topic.order);
    if (sameOrder) problems.push(`${where}: order: ${topic.order} is already used by topic ${sameOrder}`);
    orders.set(topic.order, topic.id);
    const topicSources: Source[] = [];
    topic.sources.forEach((id, index) => {
      const source = sources.get(id);
      if (source) topicSources.push(source);
      else if (sourcesParsed.success) problems.push(`${where}: sources.${index}: unknown source "${id}"`);
    });
    // Tips and quiz items: keys unique across the concept base, each resting on a known article.
    const checkItem = (
      field: 'tips' | 'quiz',
      index: number,
      item: { key: string; source: ArticleClaim },
    ) => {
      const other = itemKeys.get(item.key);
      if (other)
        problems.push(`${where}: ${field}.${index}.key: "${item.key}" is already used in topic ${other}`);
      itemKeys.set(item.key, topic.id);
      if (sourcesParsed.success && !sources.has(item.source.article)) {
        problems.push(`${where}: ${field}.${index}.source.article: unknown source "${item.source.article}"`);
      }
    };
    const tips: TopicTip[] = topic.tips.map((tip, index) => {
      checkItem('tips', index, tip);
      return { key: tip.key, topicId: topic.id, source: tip.source, text: tip.text };
    });
    const quiz: TopicQuizItem[] = topic.quiz.map((item, index) => {
      checkItem('quiz', index, item);
      return { ...item, topicId: topic.id };
    });
    topics.push({
      id: topic.id,
      kind: topic.kind,
      order: topic.order,
      sources: topicSources,
      text: topic.text,
      tips,
      quiz,
    });
  }

  const ids = new Set(topics.map((topic) => topic.id));
  for (const id of REQUIRED_TOPIC_IDS) {
    if (!ids.has(id) && !topicFiles.includes(`${id}.yml`)) {
      problems.push(`${shown(join(topicsDir, `${id}.yml`))}: required topic "${id}" is missing`);
    }
  }

  const uiFile = join(dataDir, UI_FILE);
  const uiParsed = UiStringsFileSchema.safeParse(readYaml(uiFile, shown(uiFile), problems));
  let ui = {} as UiStrings;
  if (uiParsed.success) {
    for (const key of UI_KEYS) {
      if (!uiParsed.data[key]) problems.push(`${shown(uiFile)}: ${key}: missing (needed by the bot)`);
    }
    ui = uiParsed.data as UiStrings;
  } else {
    problems.push(...describeIssues(shown(uiFile), uiParsed.error.issues));
  }

  const tipCount = topics.reduce((sum, topic) => sum + topic.tips.length, 0);
  const quizCount = topics.reduce((sum, topic) => sum + topic.quiz.length, 0);
  if (topics.length === topicFiles.length && problems.length === 0) {
    if (tipCount < CONTENT_MINIMUMS.tips) {
      problems.push(`${shown(topicsDir)}: ${tipCount} tips in all; at least ${CONTENT_MINIMUMS.tips} needed`);
    }
    if (quizCount < CONTENT_MINIMUMS.quizItems) {
      problems.push(
        `${shown(topicsDir)}: ${quizCount} quiz items in all; at least ${CONTENT_MINIMUMS.quizItems} needed`,
      );
    }
  }

  const examples = readExamples(dataDir, ids, shown, problems);

  if (problems.length > 0) throw new DataError(problems);

  topics.sort((a, b) => a.order - b.order);
  return {
    topics,
    byId: new Map(topics.map((topic) => [topic.id, topic])),
    tips: topics.flatMap((topic) => topic.tips),
    quiz: topics.flatMap((topic) => topic.quiz),
    ui,
    examples,
  };
}

/** Every labelled question set (data/examples/<set>.jsonl); a bad line is a problem named by file and line. */
function readExamples(
  dataDir: string,
  topicIds: ReadonlySet<string>,
  shown: (file: string) => string,
  problems: string[],
): Example[] {
  const examples: Example[] = [];
  for (const name of exampleFileNames(dataDir)) {
    const file = join(dataDir, EXAMPLES_DIR, name);
    const set = name.replace(/\.jsonl$/, '');
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, index) => {
        if (line.trim() === '') return;
        const where = `${shown(file)}:${index + 1}`;
        let raw: unknown;
        try {
          raw = JSON.parse(line);
        } catch {
          problems.push(`${where}: not a JSON object`);
          return;
        }
        const parsed = ExampleSchema.safeParse(raw);
        if (!parsed.success) problems.push(...describeIssues(where, parsed.error.issues));
        else if (parsed.data.topic !== null && !topicIds.has(parsed.data.topic))
          problems.push(`${where}: topic: unknown topic "${parsed.data.topic}"`);
        else examples.push({ ...parsed.data, set });
      });
  }
  return examples;
}
