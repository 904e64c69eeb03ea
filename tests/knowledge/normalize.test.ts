/**
 * Folding: case, accents, ß / œ / æ, French elision, apostrophes and punctuation, as both
 * the index and the questions go through it.
 */
import { describe, expect, it } from 'vitest';
import { fold, stripSlackMarkup, words } from '../../src/knowledge/normalize.js';

describe('fold', () => {
  it('reads the words of a question', () => {
    expect(words("Qu'est-ce que le ROI ?")).toEqual(['que', 'est', 'ce', 'que', 'le', 'roi']);
    expect(words(' ?! ')).toEqual([]);
  });

  it('reads an Indonesian doubled word written with a 2 as the word, and leaves codes alone', () => {
    expect(words('teman2 minta2 B2B q2 h2')).toEqual(['teman', 'minta', 'b2b', 'q2', 'h2']);
  });

  it('strips Slack markup', () => {
    expect(stripSlackMarkup('ROI <@U123> vs <https://x.example|link> media')).toBe('ROI   vs   media');
    expect(stripSlackMarkup('ROI vs media')).toBe('ROI vs media');
  });

  it('spells out ligatures and ß, so "cœur" meets "coeur"', () => {
    expect(fold('cœur')).toBe('coeur');
    expect(fold('ŒUVRE')).toBe('oeuvre');
    expect(fold('Cæsar')).toBe('caesar');
    expect(fold('Straße')).toBe('strasse');
  });

  it.each([
    ["Qu'est-ce que le ROI ?", 'que est ce que le roi'],
    ["l'audience d'affaires", 'le audience de affaires'],
    ["It's the SAME, isn't it?", 'it s the same isn t it'],
    ['social_media`vs`networking!!', 'social media vs networking'],
    ['  ROI  ', 'roi'],
  ])('folds %j to %j', (text, folded) => {
    expect(fold(text)).toBe(folded);
  });

  it('folds accents and typographic apostrophes', () => {
    expect(fold('Médias sociaux – qu’est-ce que c’est ?')).toBe('medias sociaux que est ce que ce est');
    expect(fold('Straße, GRÜN')).toBe('strasse grun');
  });
});
