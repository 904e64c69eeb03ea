/**
 * Word lists that search needs besides the concept base. All entries are folded
 * (lower case, no accents), as `fold` in normalize.ts produces them.
 *
 * - stopwords: grammar, question words and chat filler ("hey, quick question"). They never
 *   decide a topic, but they tell the language of a question.
 * - subject words: the two subjects themselves. Every topic mentions them, so they decide
 *   nothing on their own, but a question that names them is on topic.
 * - comparison words: "difference", "vs", "same". A question made only of these and the
 *   subjects asks for the overview.
 * - chore words: the tasks people do with social media or networking rather than ask about
 *   them: posts to draft or schedule, logins, approvals, rotas, job openings, lunches and
 *   events, cables and printers; and occasion words, the day it is due. A question with one
 *   is about the chore unless a topic clearly stands out or it compares the two subjects.
 */
import type { Language } from './languages.js';

const list = (text: string): ReadonlySet<string> => new Set(text.trim().split(/\s+/));

export const STOPWORDS: Record<Language, ReadonlySet<string>> = {
  en: list(`
    a an the is are was were be been being am do does did doing done to of in on at for from by with
    about as into onto than then and or but not no nor so if it its this that these those there here
    what whats which who whom whose why how when where can cant could should would will wont shall may
    might must i im me my mine we us our ours you your yours he she him her his they them their theirs
    one just only also very really more most much many some any all both each other such own too again
    please pls thanks thank thx hi hey hello hiya yo bot socialvs tell explain show give know want need
    get got gets wants needs gives okay ok quick question questions let lets help say said think thing things
    something anything up down out over under s t d ll re ve someone somebody anyone anybody
    simple simply exactly basically actually right correct true kind sort
    tbh lol btw fyi imo idk q still before after`),
  id: list(`
    apa apakah itu ini yang dan atau di ke dari untuk dengan pada adalah ialah merupakan saya aku kami
    kita anda kamu kau mereka dia ia bagaimana gimana mengapa kenapa kapan dimana mana siapa bisa dapat
    harus akan sudah telah belum tidak tak nggak gak enggak bukan ada juga saja aja lebih sangat amat
    seperti dalam oleh tentang mau ingin tanya bertanya dong deh ya yah halo hai hallo tolong minta
    mohon bener benar sih kah jadi sebagai agar supaya buat bagi para nih tuh lagi sekali hal
    tolong jelaskan terima kasih makasih mas mbak pak bu kak sebenarnya sebenernya sebetulnya persis tepatnya cara
    yg gitu gini kan biar dapet sebelum sesudah setelah udah blm dgn utk tdk ga gk kalo kalau kayak banget bgt emang lho loh
    daripada mending mendingan terus trus berapa tapi tp karena krn lg sdh udh gmn knp dr jg masih kok`),
  de: list(`
    der die das den dem des ein eine einer eines einem einen und oder aber nicht kein keine keinen ist
    sind war waren sein bin bist seid hat haben hast wird werden wurde kann kannst konnen muss mussen
    soll sollte sollten darf mit von vom zu zum zur fur auf aus bei beim in im an am als wie was wer
    wen wem wessen warum wieso weshalb wann wo woran worin welche welcher welches welchen ich mich mir
    wir uns unser unsere unseren unserem unserer du dich dir ihr ihre ihnen sie es er man mein meine meinen meinem meiner meines dein deine sich so auch nur noch
    schon sehr mehr viel viele bitte danke hallo hi hey moin servus frage fragen kurze kurz zusammen
    gibt etwas eigentlich uberhaupt denn doch mal da dass ob uber ueber fuer alles genau erklar erklaren wirklich
    jemand stimmt meint meinte sagt sagte nen um ums geht eher davon jeweils vor nach sollen fragt
    andere anderen anderes grunde beim furs ans aufs ins wenn weil dann also worum gehts gibts ne halt eben ja`),
  fr: list(`
    le la les l un une des du de d et ou mais ne pas n est sont etre ete a ont avoir ai as avons avez
    c ce cet cette ces ceci cela ca qui que qu quoi quel quelle quels quelles comment pourquoi quand
    je j me m moi nous vous tu te t toi il elle ils elles on se s sa son ses leur leurs mon ma mes
    notre nos votre vos au aux en dans par pour sur avec sans plus tres bien aussi y bonjour salut
    merci svp stp petite question faire fait peut peux peuvent doit dois faut veut voudrais chose
    exactement vraiment quelqu lequel laquelle alors tous ceux avant apres si comme donc puis`),
};

export const SUBJECT_WORDS: ReadonlySet<string> = list(`
  social socials sociale sociales sociaux sosial sozial soziale sozialen sozialer soziales
  media medias medium medien medsos socmed sosmed
  network networks networking networked netzwerk netzwerke netzwerken netzwerks networken
  jejaring jaringan reseau reseaux reseautage rs sm`);

export const COMPARISON_WORDS: ReadonlySet<string> = list(`
  difference differences different differ differs differently distinguish distinction compare compared
  comparing comparison contrast same identical alike between apart vs versus
  perbedaan perbedaannya beda bedanya berbeda membedakan bandingkan dibandingkan banding perbandingan
  antara serupa sama
  unterschied unterschiede unterscheiden unterscheidet unterschiedlich vergleich vergleichen gleich
  gleiche dasselbe zwischen
  differente differentes differents comparaison comparer distinguer entre pareil meme memes`);

export const CHORE_WORDS: ReadonlySet<string> = list(`
  password passwords login logins logon credentials admin hacked locked lockout
  draft drafts drafting caption captions schedule scheduled scheduling reschedule calendar
  approve approves approved approval approving signoff deadline deadlines invoice invoices
  duty oncall shifts rota roster vacation holiday
  job jobs role roles vacancy vacancies openings applicant applicants hire hiring
  recruit recruiting recruiter interview interviews salary resume cv
  lunch dinner breakfast catering vegetarian vegan menu venue rsvp event events meetup agenda
  cable cables printer printers wifi router plug projector laptop meeting meetings room
  passwort passworter zugang zugangsdaten gehackt entwurf bildunterschrift einplanen redaktionsplan
  kalender genehmigen genehmigt freigeben freigabe frist dienst bereitschaft schicht urlaub
  stelle stellen stellenanzeige bewerbung bewerbungen bewerben bewerber vorstellungsgesprach gehalt
  mittagessen abendessen fruhstuck vegetarisch veranstaltung anmeldung
  kabel stecker drucker wlan steckdose beamer besprechung besprechungsraum
  identifiants mdp connexion pirate brouillon legende legendes programmer planifier rediger calendrier
  valider valide validation echeance astreinte permanence conges
  candidature candidater candidat recrutement embauche entretien
  dejeuner diner repas vegetarien evenement soiree inscription
  imprimante routeur reunion salle
  sandi diretas draf jadwal jadwalkan dijadwalkan kalender setujui menyetujui persetujuan tenggat
  piket cuti lowongan loker lamar melamar pelamar rekrutmen wawancara gaji
  makan siang acara undangan kabel colokan rapat ruang
  report reporting dashboard bericht rapport laporan
  upload uploads uploaded uploading logo logos translate translated translation template templates
  spreadsheet spreadsheets owner owns covering
  hochladen hochgeladen ubersetzen ubersetzt ubersetzung vorlage vorlagen tabelle kummert
  telecharger traduire traduit traduction modele modeles recap occupe paie
  unggah terjemahkan terjemahan templat
  access akses zugriff acces giveaway giveaways gewinnspiel mixer afterwork stammtisch
  proofread proofreading gegenlesen korrekturlesen relire relecture
  contract contracts renew renewal subscription licence license export exports exporting vpn impressum
  vertrag vertrage verlangern abonnement lizenz exportieren ausschreibung rechnung
  contrat contrats renouveler exporter facture factures
  kontrak perpanjang langganan lisensi ekspor tagihan acc
  utm qr regenerate consent expense expenses reimburse licensed copyright music audio song
  icon icons svg svgs signature broken footer seating rename keywords thumbnail thumbnails subtitles
  spesen abrechnen musik urheberrecht sitzplan signatur kaputt defekt umbenennen untertitel
  rembourser musique icone icones casse renommer miniature lagu ikon rusak
  reel reels story stories carousel karussell carrousel libur emploi cdi cdd gathering hotel retainer
  verified verify verification verifiziert badge delete deleted supprimer loschen hapus
  typo typos tippfehler webinar webinars
  schon belum blm live
  folder folders ordner dossier legal juridique rechtsabteilung pegang posters plakat plakate affiches
  einwilligung consentement repost reposten reposter regram verspatet
  postpone postponed pending dipending tunda ditunda verschieben verschoben decaler repousser raum retro
  comma commas punctuation komma kommas zeichensetzung druberschauen druberlesen virgule ponctuation koma
  signup registration pendaftaran escalate escalade eskalieren eskalasi moderation moderate moderieren
  troll trolls masquer crm sync standup huddle`);

/** Reporting what someone asked or said: whoever stands just before it is the asker ("klien nanya", "client asked"). */
export const REPORTING_WORDS: ReadonlySet<string> = list(`
  asked asks says said told fragt fragte sagt meint nanya nanyain bilang ditanya`);

/**
 * Who asked and where the answer goes: "my boss keeps saying", "klien nanya", "for the
 * onboarding deck", "pour la slide de ma stagiaire". The asker's situation, never what is
 * asked, so these words are read as grammar: they neither count for a topic nor leave a
 * question unexplained.
 */
export const FRAME_WORDS: ReadonlySet<string> = new Set([
  ...REPORTING_WORDS,
  ...list(`
  saying keeps liner oneliner
  boss bosses cfo ceo cmo coo intern interns trainee trainees newbie mentor colleague coworker
  slide slides deck decks onboarding wiki sop workshop allhands intro
  gefragt sagte meinte chef chefin azubi azubis praktikant praktikantin
  kollege kollegin folie folien
  ngomong bos atasan magang anak direksi
  cheffe patron patronne stagiaire stagiaires alternant collegue diapo`),
]);

/** French "demande" reports a question after a pronoun ("me demande", "m'a demandé", "se demande"); alone it asks for support. */
export const REPORTING_PRONOUNS: ReadonlySet<string> = list('me m se nous vous te');

/** Words that, beside a subject word, say where it happens: "online networking", "réseautage en ligne". */
export const SUBJECT_MODIFIERS: ReadonlySet<string> = list('online digital daring ligne');

/** "About", after a chore and its object: what follows is the object's theme ("proofread my post about networking vs social media"). */
export const ABOUT_WORDS: ReadonlySet<string> = list('about tentang ttg uber zum sur concernant');

/** Asking someone to do something, anywhere in a message: "pls", "kann das jemand", "qqn peut corriger". */
export const REQUEST_WORDS: ReadonlySet<string> = list(`
  please pls plz someone somebody anyone fix bitte jemand fixen svp stp qqn quelqu corriger
  tolong rapihin benerin`);

/** Phrases whose chore word is grammar there: "par rapport à" (compared with), not a report. */
export const NOT_CHORE_PHRASES: readonly string[] = ['par rapport'];

/** Chores of more than one word, whose words alone are not: "mot de passe", not "je passe par mon réseau". */
export const CHORE_PHRASES: readonly string[] = [
  'mot de passe',
  'mots de passe',
  // A job, not a post: "le poste de community manager est ouvert ?"
  'le poste de',
  'un poste de',
  // Is a piece of work done: "is the post live yet?"
  'live yet',
  'online yet',
  'up yet',
  'out yet',
  'done yet',
  'ready yet',
  'approved yet',
  'posted yet',
  'published yet',
  'sent yet',
  // Chatter: a message sent to the wrong place.
  'salah grup',
  'salah kirim',
  'wrong channel',
  'wrong chat',
  'falscher kanal',
  'falscher chat',
  'mauvais canal',
  'mauvaise conversation',
];

/** Platforms by name: two of them compared ("TikTok vs Instagram for the promo") are two other things. */
export const PLATFORM_WORDS: ReadonlySet<string> = list(`
  facebook fb instagram insta ig tiktok linkedin youtube yt twitter x snapchat pinterest threads
  whatsapp wa telegram xing reddit`);

/**
 * The two sides in the asker's own words: people and contacts for networking, posts, pages
 * and followers for media. Set against each other in one question ("our page posts grow
 * slowly but contacts answer at once") they name the subjects as "networking vs media"
 * does, and frame the question rather than decide its topic.
 */
export const SIDE_WORDS: Record<'network' | 'media', ReadonlySet<string>> = {
  network: list(`
    contact contacts connect connecting connections people person relationship relationships
    relations peers prospect prospects partner partners dm dms chatting directly personally
    kontak relasi kenalan koneksi hubungan ngobrol langsung
    kontakt kontakte kontakten beziehung beziehungen leute menschen personen kontaktpflege direkt
    personnes gens relationnel partenaire partenaires`),
  media: list(`
    post posts posting postings page content followers follower feed publish publishing share shared sharing
    postingan konten pengikut halaman unggahan bagikan dibagikan membagikan
    beitrag beitrage seite inhalte teilt teilen geteilt
    publication publications contenu contenus abonnes publier partage partager partagez`),
};

/**
 * Asking for a judgement, an expectation or a choice: "should we", "is that normal", "worth
 * it", "for each", "rather". A question with one asks about the two even when it names
 * neither ("followers grow slowly but contacts answer at once: normal?"); a task asks for
 * an action ("can someone", "who has") and has none.
 */
export const JUDGEMENT_WORDS: ReadonlySet<string> = list(`
  should shouldnt better best rather worth normal realistic typical typically usually expect expected
  why each both either advice recommend prioritise prioritize priority
  sebaiknya mending mendingan wajar realistis normalnya biasanya harusnya seharusnya kenapa mengapa
  keduanya masing prioritas sepadan
  soll sollte sollten sollen besser lieber lohnt lohnen realistisch ublich typisch erwarten warum wieso
  weshalb jeweils beide beiden beides wofur priorisieren prioritat
  devrait devrais devrions faudrait mieux plutot vaut realiste habituel habituellement attendre pourquoi
  chacun chacune prioriser priorite conseil conseilles
  approach pendekatan ansatz approche
  fair legit shady ethical boleh aman etis ethisch ethique
  okay grave serios serieux schrag heikel cheating curang triche
  richtig bener benar correct proper properly`);

/** Judgement asked in more than one word: "how long", "berapa lama", "les deux". */
export const JUDGEMENT_PHRASES: readonly string[] = [
  'how long',
  'which one',
  'what for',
  'berapa lama',
  'lebih baik',
  'untuk apa',
  'buat apa',
  'wie lange',
  'combien de temps',
  'les deux',
  'a quoi sert',
  'vaut le coup',
  'mal vu',
  'bad idea',
  'good idea',
  'ide bagus',
  'ide buruk',
  'gute idee',
  'schlechte idee',
  'bonne idee',
  'mauvaise idee',
  'is it ok',
  'right way',
  'the right',
  'darf ich',
  'durfen wir',
  'c est ok',
  'mal a l aise',
];

/**
 * How a request for an action or a lookup opens: "who has…", "where do I…", "can someone…".
 * Naming neither subject, such a question is someone's task ("wer zieht die Gewinner?").
 */
export const TASK_OPENINGS: readonly string[] = [
  'who',
  'whos',
  'where',
  'wheres',
  'when',
  'can someone',
  'can anyone',
  'can you',
  'could you',
  'siapa',
  'dimana',
  'di mana',
  'kapan',
  'bisa tolong',
  'ada yang bisa',
  'tolong',
  'wer',
  'wo',
  'wann',
  'bis wann',
  'kann jemand',
  'kannst du',
  'konnt ihr',
  'qui',
  'ou est',
  'ou sont',
  'quand',
  'tu peux',
  'vous pouvez',
  'quelqu un peut',
];

/**
 * Asking for a count: "how many followers today", "wie viele Likes", "combien d'abonnés",
 * "berapa". A lookup, unless it asks a judgement too ("how many should we expect?"; "combien
 * de temps", "berapa lama" are judgements of their own).
 */
export const COUNT_PHRASES: readonly string[] = [
  'how many',
  'how much',
  'wie viele',
  'wieviele',
  'wie viel',
  'combien',
  'berapa',
  'jumlah',
];

/**
 * Asking whether the two are the same, or different at all: the overview's own question ("are social networking
 * and social media the same thing?"), whatever context comes with it. "The same day" or
 * "le même public" is not, so a bare "same" counts only where the question ends ("…the
 * same?"): an END mark closes the question's words.
 */
export const SAMENESS_WORDS: ReadonlySet<string> = list(`
  interchangeable interchangeably synonym synonyms synonymous
  dasselbe identisch austauschbar synonyme
  pareil identique interchangeables
  identik sinonim`);

/** The end of a question's words, in SAMENESS_PHRASES. */
export const END = '.';

export const SAMENESS_PHRASES: readonly string[] = [
  'same thing',
  'the same .',
  'the same or',
  'one and the same',
  'das gleiche',
  'das selbe',
  'gleiche sache',
  'gleich .',
  'la meme chose',
  'meme chose',
  'one thing',
  'is there a difference',
  'is there any difference',
  'any difference',
  'gibt es einen unterschied',
  'gibts einen unterschied',
  'zwei paar schuhe',
  'y a t il une difference',
  'il y a une difference',
  'une vraie difference',
  'ada bedanya',
  'ada beda',
  'sama aja',
  'sama saja',
  'hal yang sama',
  'itu sama',
  'sama ga',
  'sama gak',
  'sama nggak',
  'sama ya',
  'sama .',
  'another word for',
  'older word for',
  'other word for',
  'one word',
  'actual difference',
  'actual distinction',
  'real distinction',
  'two different things',
  'anderes wort',
  'anderer begriff',
  'dieselbe sache',
  'echten unterschied',
  'wirklichen unterschied',
  'autre mot pour',
  'autre facon de dire',
  'deux choses differentes',
  'kata lain',
  'istilah lain',
  'beda beneran',
  'dua hal berbeda',
];

/**
 * The two referred to as "one … the other": "one is about who you know, the other about
 * what you post", "beim einen … beim anderen", "l'un … l'autre", "yang satu … yang satu lagi".
 * Each pair's first phrase and, at least a word later, its second must be in the question.
 */
export const ONE_AND_OTHER: readonly (readonly [string, string])[] = [
  ['one', 'other'],
  ['einen', 'anderen'],
  ['eine', 'andere'],
  // French elision reads "l'un … l'autre" as "un … autre".
  ['un', 'autre'],
  ['yang satu', 'yang lain'],
  ['yang satu', 'satunya lagi'],
  ['yang satu', 'yang satu lagi'],
];

/** When a chore is due: a question naming a day or a month is about that day's work. */
export const OCCASION_WORDS: ReadonlySet<string> = list(`
  morning pagi matin abend thurs tues weds fri
  today tonight tomorrow yesterday week monday tuesday wednesday thursday friday saturday sunday quarter
  monthly weekly weekend christmas xmas lebaran natal weihnachten ostern noel paques
  january february march april june july august september october november december
  heute morgen gestern woche montag dienstag mittwoch donnerstag freitag samstag sonntag quartal monatlich wochenende
  januar februar marz mai juni juli oktober dezember
  aujourd demain hier semaine lundi mardi mercredi jeudi vendredi samedi dimanche trimestre mensuel hebdo
  janvier fevrier mars avril juin juillet aout septembre octobre novembre decembre
  besok kemarin senin selasa rabu kamis jumat sabtu kuartal bulanan mingguan
  januari februari maret mei juni juli agustus oktober desember`);

/**
 * Chatter that tells a language though no list has it: a keyboard's first row typed as a test
 * ("azerty", "qwertz"), and laughter ("wkwk", "mdr"). Read only as a language hint.
 */
export const LANGUAGE_MARKERS =
  /^(?:(?<fr>azerty\w*|qsdf\w*|mdr+|ptdr+|oups)|(?<de>qwertz\w*)|(?<id>wk(?:wk)+\w*|gajian|dong|sih))$/;

/** Each stopword's languages, built once. */
const STOPWORD_LANGUAGES = new Map<string, Language[]>();
for (const language of Object.keys(STOPWORDS) as Language[]) {
  for (const word of STOPWORDS[language])
    STOPWORD_LANGUAGES.set(word, [...(STOPWORD_LANGUAGES.get(word) ?? []), language]);
}

/** Which language lists contain this (folded) stopword. */
export function stopwordLanguages(word: string): readonly Language[] {
  return STOPWORD_LANGUAGES.get(word) ?? [];
}

/** A stopword of this language (a French "but" is a goal, not an English "but"). */
export function isStopwordIn(word: string, language: Language): boolean {
  return STOPWORDS[language].has(word);
}

export function isStopword(word: string): boolean {
  return STOPWORD_LANGUAGES.has(word);
}
