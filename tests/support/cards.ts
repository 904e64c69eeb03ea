/** Reading cards the bot sent, for assertions. */
import { loadKnowledgeBase } from '../../src/knowledge/load.js';

export const kb = loadKnowledgeBase();

type AnyBlock = {
  type: string;
  text?: { text: string };
  elements?: Array<Record<string, unknown>>;
  accessory?: Record<string, unknown>;
};

export function blocksOf(body: Record<string, unknown>): AnyBlock[] {
  return (body.blocks as AnyBlock[] | undefined) ?? [];
}

export function headerOf(body: Record<string, unknown>): string | undefined {
  return blocksOf(body).find((block) => block.type === 'header')?.text?.text;
}

export interface FoundButton {
  action_id: string;
  value?: string;
  text: { text: string };
  blockId?: string;
}

export function buttonsOf(body: Record<string, unknown>): FoundButton[] {
  return blocksOf(body).flatMap((block) => {
    const elements =
      block.type === 'actions' ? (block.elements ?? []) : block.accessory ? [block.accessory] : [];
    return elements.filter((element) => element.type === 'button') as unknown as FoundButton[];
  });
}

export function titleOf(topicId: string, language: 'en' | 'id' | 'de' | 'fr'): string {
  const topic = kb.byId.get(topicId);
  if (!topic) throw new Error(`no topic ${topicId}`);
  return topic.text[language].title;
}
