import type { Affiliation, Language } from '../../shared/common.ts';
import type { Attribution } from '../../shared/quote-consent.ts';
import type { WindowDays } from '../lib/calendar.ts';

/**
 * Every fixed phrase of the annex, in English, French and Spanish (ANNEX.md). Pure: nothing here
 * reads the clock or the database, so each rule is tested on its own.
 *
 * Typography: English quotes in “…”; French in « … » with no-break spaces inside the marks and
 * before a colon; Spanish in «…», the first-level marks the RAE recommends. French uses the
 * typographic apostrophe (’).
 */

const NBSP = '\u00A0';

const NUMBER_WORDS: Record<Language, readonly string[]> = {
  en: ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'],
  fr: ['un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix'],
  es: ['uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve', 'diez'],
};

/** One to ten as a word ("four", "quatre", "cuatro"); any other number in digits. */
export function numberWord(n: number, lang: Language): string {
  return Number.isInteger(n) && n >= 1 && n <= 10 ? NUMBER_WORDS[lang][n - 1]! : String(n);
}

const MONTHS: Record<Language, readonly string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
  es: ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'],
};

interface CalendarDate {
  year: number;
  month: string;
  day: string;
}

function calendarDate(day: string, lang: Language): CalendarDate {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  // French writes the first of the month as an ordinal: « le 1er août ».
  const dayText = lang === 'fr' && date === 1 ? '1er' : String(date);
  return { year, month: MONTHS[lang][month - 1]!, day: dayText };
}

/**
 * The window as a compact range with its preposition: "From 12 to 25 July", "Du 1er au 9 août",
 * "Del 28 de junio al 5 de julio"; "On 12 July" for a single day. Years appear only when the range
 * crosses a year or lies in a year other than the export's.
 */
export function dateRange({ first, last }: WindowDays, lang: Language, exportYear: number): string {
  const a = calendarDate(first, lang);
  const b = calendarDate(last, lang);
  const crossesYear = a.year !== b.year;
  const showYear = crossesYear || a.year !== exportYear;
  const sameMonth = !crossesYear && first.slice(0, 7) === last.slice(0, 7);
  if (first === last) {
    if (lang === 'fr') return `Le ${a.day} ${a.month}${showYear ? ` ${a.year}` : ''}`;
    if (lang === 'es') return `El ${a.day} de ${a.month}${showYear ? ` de ${a.year}` : ''}`;
    return `On ${a.day} ${a.month}${showYear ? ` ${a.year}` : ''}`;
  }
  if (lang === 'fr') {
    const from = sameMonth ? a.day : `${a.day} ${a.month}${crossesYear ? ` ${a.year}` : ''}`;
    return `Du ${from} au ${b.day} ${b.month}${showYear ? ` ${b.year}` : ''}`;
  }
  if (lang === 'es') {
    const from = sameMonth ? a.day : `${a.day} de ${a.month}${crossesYear ? ` de ${a.year}` : ''}`;
    return `Del ${from} al ${b.day} de ${b.month}${showYear ? ` de ${b.year}` : ''}`;
  }
  const from = sameMonth ? a.day : `${a.day} ${a.month}${crossesYear ? ` ${a.year}` : ''}`;
  return `From ${from} to ${b.day} ${b.month}${showYear ? ` ${b.year}` : ''}`;
}

export interface RoundedCount {
  value: number;
  /** true when rounding removed something, so the text says "more than" */
  more: boolean;
}

/** Below 100 the exact count; from 100 on, rounded down to two significant figures (357 → 350). */
export function roundVisits(count: number): RoundedCount {
  if (count < 100) return { value: count, more: false };
  const step = 10 ** (Math.floor(Math.log10(count)) - 1);
  const value = Math.floor(count / step) * step;
  return { value, more: value < count };
}

const LOCALES: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES' };

/** A count with the language's digit grouping ("1,200", "1 200", "12.000"). */
export function formatNumber(n: number, lang: Language): string {
  return new Intl.NumberFormat(LOCALES[lang]).format(n);
}

function visitedPhrase(count: number, lang: Language): string {
  const { value, more } = roundVisits(count);
  const n = formatNumber(value, lang);
  if (lang === 'fr') return value === 1 ? 'une fois' : `${more ? 'plus de ' : ''}${n} fois`;
  if (lang === 'es') return value === 1 ? 'una vez' : `${more ? 'más de ' : ''}${n} veces`;
  return value === 1 ? 'once' : `${more ? 'more than ' : ''}${n} times`;
}

/** "From 12 to 25 July, the online forum was visited more than 350 times." */
export function reachSentence(days: WindowDays, visits: number, lang: Language, exportYear: number): string {
  const range = dateRange(days, lang, exportYear);
  if (visits <= 0) {
    if (lang === 'fr') return `${range}, le forum en ligne n’a reçu aucune visite.`;
    if (lang === 'es') return `${range}, el foro en línea no recibió ninguna visita.`;
    return `${range}, the online forum received no visits.`;
  }
  const visited = visitedPhrase(visits, lang);
  if (lang === 'fr') return `${range}, le forum en ligne a été visité ${visited}.`;
  if (lang === 'es') return `${range}, el foro en línea fue visitado ${visited}.`;
  return `${range}, the online forum was visited ${visited}.`;
}

export interface LeadInInput {
  topicCount: number;
  /** the dialogue's annexLeadIn, e.g. "In the week preceding the workshop" ('' for none) */
  leadIn: string;
  /** the dialogue's hostDescription, e.g. "the Online Community on Migration and Integration" */
  host: string;
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** The sentence before the numbered topics, ending with a colon. */
export function leadInSentence({ topicCount, leadIn, host }: LeadInInput, lang: Language): string {
  const opening = leadIn.trim().replace(/[\s,]+$/, '');
  const word = numberWord(topicCount, lang);
  const one = topicCount === 1;
  let clause: string;
  if (lang === 'fr') {
    const forum = host ? `au forum de ${host}` : 'au forum en ligne';
    clause = one
      ? `le thème de discussion suivant a été proposé ${forum}${NBSP}:`
      : `les ${word} thèmes de discussion suivants ont été proposés ${forum}${NBSP}:`;
  } else if (lang === 'es') {
    const forum = host ? `al foro de ${host}` : 'al foro en línea';
    clause = one ? `se propuso ${forum} el siguiente tema de debate:` : `se propusieron ${forum} los ${word} temas de debate siguientes:`;
  } else {
    const forum = host ? `the forum of ${host}` : 'the online forum';
    clause = one ? `the following discussion topic was proposed to ${forum}:` : `the following ${word} discussion topics were proposed to ${forum}:`;
  }
  return opening ? `${opening}, ${clause}` : capitalize(clause);
}

interface FixedPhrases {
  title: (theme: string) => string;
  summaryIntro: string;
  summary: string;
  selectedComments: string;
  quoteLabel: string;
  topicHeading: (n: number, question: string) => string;
  open: string;
  close: string;
}

export const PHRASES: Record<Language, FixedPhrases> = {
  en: {
    title: (theme) => `“Virtual Dialogue” on ${theme}`,
    summaryIntro: 'A short summary is provided below of the main points raised in response to the above questions.',
    summary: 'Summary',
    selectedComments: 'Selected comments',
    quoteLabel: 'Quote:',
    topicHeading: (n, question) => `Topic ${n}: ${question}`,
    open: '“',
    close: '”',
  },
  fr: {
    title: (theme) => `«${NBSP}Dialogue virtuel${NBSP}» sur ${theme}`,
    summaryIntro: 'Un bref résumé des principaux points soulevés en réponse aux questions ci-dessus figure ci-après.',
    summary: 'Résumé',
    selectedComments: 'Commentaires choisis',
    quoteLabel: `Citation${NBSP}:`,
    topicHeading: (n, question) => `Thème ${n}${NBSP}: ${question}`,
    open: `«${NBSP}`,
    close: `${NBSP}»`,
  },
  es: {
    title: (theme) => `«Diálogo virtual» sobre ${theme}`,
    summaryIntro: 'A continuación figura un breve resumen de los principales puntos planteados en respuesta a las preguntas anteriores.',
    summary: 'Resumen',
    selectedComments: 'Comentarios seleccionados',
    quoteLabel: 'Cita:',
    topicHeading: (n, question) => `Tema ${n}: ${question}`,
    open: '«',
    close: '»',
  },
};

/** Affiliations as they read inside a sentence; "other" says nothing and is left out. */
const AFFILIATION_LABELS: Record<Language, Record<Affiliation, string | null>> = {
  en: {
    government: 'government',
    international_organization: 'international organization',
    ngo: 'NGO or civil society',
    academia: 'academia',
    private_sector: 'private sector',
    media: 'media',
    migrant_association: 'migrant or diaspora association',
    other: null,
  },
  fr: {
    government: 'gouvernement',
    international_organization: 'organisation internationale',
    ngo: 'ONG ou société civile',
    academia: 'milieu universitaire',
    private_sector: 'secteur privé',
    media: 'médias',
    migrant_association: 'association de migrants ou de la diaspora',
    other: null,
  },
  es: {
    government: 'gobierno',
    international_organization: 'organización internacional',
    ngo: 'ONG o sociedad civil',
    academia: 'ámbito académico',
    private_sector: 'sector privado',
    media: 'medios de comunicación',
    migrant_association: 'asociación de migrantes o de la diáspora',
    other: null,
  },
};

export function affiliationLabel(affiliation: string | null, lang: Language): string | null {
  const labels = AFFILIATION_LABELS[lang] as Record<string, string | null>;
  return affiliation !== null && Object.hasOwn(labels, affiliation) ? labels[affiliation]! : null;
}

/** ICU's names, except where they read badly in a sentence ("Congo - Kinshasa", "Hong Kong SAR China"). */
const COUNTRY_NAME_OVERRIDES: Record<Language, Record<string, string>> = {
  en: { CD: 'Democratic Republic of the Congo', CG: 'Congo', HK: 'Hong Kong', MO: 'Macao', MM: 'Myanmar', PS: 'Palestine' },
  fr: { CD: 'République démocratique du Congo', CG: 'Congo', HK: 'Hong Kong', MO: 'Macao', MM: 'Myanmar', PS: 'Palestine' },
  es: { HK: 'Hong Kong', MO: 'Macao', MM: 'Myanmar', PS: 'Palestina' },
};

/** English names that take "the" after "from". */
const WITH_ARTICLE_EN = new Set([
  'AE',
  'BS',
  'CD',
  'CF',
  'CK',
  'DO',
  'FK',
  'FO',
  'GB',
  'GM',
  'KM',
  'KY',
  'MH',
  'MV',
  'NL',
  'PH',
  'SB',
  'SC',
  'TC',
  'UM',
  'US',
  'VG',
  'VI',
]);

const regionNames = new Map<Language, Intl.DisplayNames>();

export function countryName(code: string, lang: Language): string {
  const override = COUNTRY_NAME_OVERRIDES[lang][code];
  if (override) return override;
  let names = regionNames.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([LOCALES[lang]], { type: 'region', fallback: 'code' });
    regionNames.set(lang, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

export interface QuotedAuthor {
  displayName: string;
  country: string;
  affiliation: string | null;
}

/**
 * The line under a quote, for the attribution in force (already narrowed to the author's consent):
 * by name "— Ana Gómez, Mexico"; by country, which the consent defines as country and affiliation,
 * "— participant from Spain (NGO or civil society)"; none, no line.
 */
export function attributionLine(attribution: Attribution, author: QuotedAuthor, lang: Language): string | null {
  if (attribution === 'none') return null;
  const country = countryName(author.country, lang);
  if (attribution === 'name') return `— ${author.displayName.trim()}, ${country}`;
  const affiliation = affiliationLabel(author.affiliation, lang);
  if (lang === 'fr') return `— participant (${country}${affiliation ? `, ${affiliation}` : ''})`;
  return `— ${participantFrom(author.country, lang)}${affiliation ? ` (${affiliation})` : ''}`;
}

/**
 * An author who shows only their country, named as threads name them: "participant from the
 * Philippines", "participant(e) – Espagne", "participante de España".
 */
export function participantFrom(countryCode: string, lang: Language): string {
  const country = countryName(countryCode, lang);
  if (lang === 'fr') return `participant(e) – ${country}`;
  if (lang === 'es') return `participante de ${country}`;
  return `participant from ${WITH_ARTICLE_EN.has(countryCode) ? 'the ' : ''}${country}`;
}
