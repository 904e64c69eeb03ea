/**
 * Stemming: the nouns the concept base is made of stem alike in the singular and the
 * plural, in each language, as search reads them (folded, then stemmed in the language),
 * so "comment" and "comments" find the same topic. Indonesian plurals are reduplicated
 * ("pelanggan-pelanggan") or carry -nya; irregular plurals (medium / media) go through the
 * stemmer's exception list. And the domain's rule: a marketer is not a market.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/knowledge/languages.js';
import { words } from '../../src/knowledge/normalize.js';
import { stemIn } from '../../src/knowledge/stem.js';

/** Singular, then its plural (or plural-like forms), as people type them. */
const NOUNS: Record<Language, Array<[string, ...string[]]>> = {
  en: [
    ['content', 'contents'],
    ['comment', 'comments'],
    ['engagement', 'engagements'],
    ['business', 'businesses'],
    ['relation', 'relations'],
    ['relationship', 'relationships'],
    ['audience', 'audiences'],
    ['platform', 'platforms'],
    ['network', 'networks'],
    ['community', 'communities'],
    ['customer', 'customers'],
    ['follower', 'followers'],
    ['connection', 'connections'],
    ['contact', 'contacts'],
    ['conversation', 'conversations'],
    ['reply', 'replies'],
    ['response', 'responses'],
    ['marketer', 'marketers'],
    ['brand', 'brands'],
    ['post', 'posts'],
    ['like', 'likes'],
    ['goal', 'goals'],
    ['strategy', 'strategies'],
    ['medium', 'media', 'mediums'],
    ['colleague', 'colleagues'],
    ['friend', 'friends'],
    ['stranger', 'strangers'],
    ['message', 'messages'],
    ['image', 'images'],
    ['link', 'links'],
    ['campaign', 'campaigns'],
    ['difference', 'differences'],
    ['similarity', 'similarities'],
    ['investment', 'investments'],
    ['company', 'companies'],
  ],
  de: [
    ['Inhalt', 'Inhalte'],
    ['Kommentar', 'Kommentare', 'Kommentaren'],
    ['Beziehung', 'Beziehungen'],
    ['Zielgruppe', 'Zielgruppen'],
    ['Plattform', 'Plattformen'],
    ['Netzwerk', 'Netzwerke', 'Netzwerken'],
    ['Kunde', 'Kunden'],
    ['Kontakt', 'Kontakte'],
    ['Gespräch', 'Gespräche'],
    ['Antwort', 'Antworten'],
    ['Marke', 'Marken'],
    ['Beitrag', 'Beiträge'],
    ['Ziel', 'Ziele'],
    ['Medium', 'Medien'],
    ['Kollege', 'Kollegen'],
    ['Freund', 'Freunde'],
    ['Nachricht', 'Nachrichten'],
    ['Unterschied', 'Unterschiede'],
    ['Gemeinsamkeit', 'Gemeinsamkeiten'],
    ['Verbindung', 'Verbindungen'],
    ['Kampagne', 'Kampagnen'],
    ['Markt', 'Märkte'],
    ['Marketer', 'Marketers'],
  ],
  fr: [
    ['contenu', 'contenus'],
    ['commentaire', 'commentaires'],
    ['relation', 'relations'],
    ['public', 'publics'],
    ['plateforme', 'plateformes'],
    ['réseau', 'réseaux'],
    ['client', 'clients'],
    ['abonné', 'abonnés'],
    ['contact', 'contacts'],
    ['conversation', 'conversations'],
    ['réponse', 'réponses'],
    ['marque', 'marques'],
    ['publication', 'publications'],
    ['objectif', 'objectifs'],
    ['stratégie', 'stratégies'],
    ['média', 'médias', 'medium'],
    ['collègue', 'collègues'],
    ['ami', 'amis'],
    ['message', 'messages'],
    ['entreprise', 'entreprises'],
    ['différence', 'différences'],
    ['lien', 'liens'],
    ['campagne', 'campagnes'],
    ['investissement', 'investissements'],
  ],
  id: [
    ['pelanggan', 'pelanggan-pelanggan', 'pelanggannya'],
    ['konten', 'konten-konten', 'kontennya'],
    ['komentar', 'komentar-komentar', 'komentarnya'],
    ['hubungan', 'hubungan-hubungan', 'hubungannya'],
    ['audiens', 'audiensnya'],
    ['platform', 'platform-platform', 'platformnya'],
    ['jaringan', 'jaringan-jaringan', 'jaringannya'],
    ['pengikut', 'pengikut-pengikut', 'pengikutnya'],
    ['kontak', 'kontak-kontak'],
    ['percakapan', 'percakapan-percakapan'],
    ['merek', 'merek-merek', 'mereknya'],
    ['postingan', 'postingan-postingan'],
    ['tujuan', 'tujuannya'],
    ['strategi', 'strategi-strategi', 'strateginya'],
    ['teman', 'teman-teman'],
    ['rekan', 'rekan-rekan'],
    ['pesan', 'pesan-pesan'],
    ['perusahaan', 'perusahaan-perusahaan', 'perusahaannya'],
    ['perbedaan', 'perbedaannya'],
    ['persamaan', 'persamaannya'],
    ['kampanye', 'kampanye-kampanye'],
    ['pemasar', 'pemasar-pemasar', 'pemasarnya'],
    ['media', 'media-media'],
    ['bagian', 'bagian-bagian', 'bagiannya'],
  ],
};

/** A form's stems as search reads it: each folded word stemmed in the language. */
const stemsOf = (language: Language, form: string) => [
  ...new Set(words(form).map((word) => stemIn(language, word))),
];

describe.each(Object.entries(NOUNS) as Array<[Language, Array<[string, ...string[]]>]>)(
  'stems in %s',
  (language, nouns) => {
    it('gives each noun of the concept base and its plurals one stem', () => {
      const differing = nouns.flatMap(([singular, ...plurals]) =>
        plurals
          .filter((plural) => stemsOf(language, plural).join() !== stemsOf(language, singular).join())
          .map(
            (plural) =>
              `${singular} → ${stemsOf(language, singular)}, ${plural} → ${stemsOf(language, plural)}`,
          ),
      );
      expect(differing).toEqual([]);
    });

    it('stems alike however the noun is cased or accented', () => {
      const forms = nouns.flat();
      fc.assert(
        fc.property(fc.constantFrom(...forms), fc.boolean(), (form, upper) => {
          const typed = upper ? form.toUpperCase() : form.normalize('NFD').replace(/\p{M}/gu, '');
          expect(stemsOf(language, typed)).toEqual(stemsOf(language, form));
        }),
        { numRuns: 300, seed: 20261206 },
      );
    });
  },
);

describe('domain rules', () => {
  it.each<[Language, string, string[]]>([
    ['en', 'marketer', ['market', 'marketing']],
    ['de', 'marketer', ['markt', 'marketing']],
    ['id', 'pemasar', ['pasar', 'pemasaran']],
    ['id', 'bagian', ['berbagi', 'membagikan']],
  ])('in %s, "%s" is not %j', (language, word, others) => {
    for (const other of others) expect(stemIn(language, word)).not.toBe(stemIn(language, other));
  });

  it('keeps numbers and short words whole', () => {
    expect(stemIn('en', 'b2b')).toBe('b2b');
    expect(stemIn('en', 'roi')).toBe('roi');
  });
});
