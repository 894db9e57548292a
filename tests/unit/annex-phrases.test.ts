import { describe, expect, it } from 'vitest';
import type { Language } from '../../shared/common.ts';
import { startOfLocalDay, windowDays } from '../../server/lib/calendar.ts';
import {
  attributionLine,
  countryName,
  dateRange,
  leadInSentence,
  numberWord,
  PHRASES,
  reachSentence,
  roundVisits,
} from '../../server/exports/annex.phrases.ts';

const NBSP = '\u00A0';
const NNBSP = '\u202F';

describe('numberWord', () => {
  it.each<[Language, string[]]>([
    ['en', ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']],
    ['fr', ['un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix']],
    ['es', ['uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve', 'diez']],
  ])('writes one to ten as words in %s', (lang, words) => {
    expect(words.map((_, i) => numberWord(i + 1, lang))).toEqual(words);
  });

  it('writes numbers above ten (and zero) in digits', () => {
    for (const lang of ['en', 'fr', 'es'] as const) {
      expect(numberWord(11, lang)).toBe('11');
      expect(numberWord(24, lang)).toBe('24');
      expect(numberWord(0, lang)).toBe('0');
    }
  });
});

describe('dateRange', () => {
  const range = (first: string, last: string, exportYear = 2026) => ({
    en: dateRange({ first, last }, 'en', exportYear),
    fr: dateRange({ first, last }, 'fr', exportYear),
    es: dateRange({ first, last }, 'es', exportYear),
  });

  it('writes a range within one month with the month once', () => {
    expect(range('2026-07-12', '2026-07-25')).toEqual({ en: 'From 12 to 25 July', fr: 'Du 12 au 25 juillet', es: 'Del 12 al 25 de julio' });
  });

  it('names both months of a range across months', () => {
    expect(range('2026-06-28', '2026-07-05')).toEqual({
      en: 'From 28 June to 5 July',
      fr: 'Du 28 juin au 5 juillet',
      es: 'Del 28 de junio al 5 de julio',
    });
  });

  it('names both years of a range across a year', () => {
    expect(range('2026-12-28', '2027-01-09', 2027)).toEqual({
      en: 'From 28 December 2026 to 9 January 2027',
      fr: 'Du 28 décembre 2026 au 9 janvier 2027',
      es: 'Del 28 de diciembre de 2026 al 9 de enero de 2027',
    });
  });

  it('adds the year once when the range is not in the export’s year', () => {
    expect(range('2010-07-12', '2010-07-25')).toEqual({
      en: 'From 12 to 25 July 2010',
      fr: 'Du 12 au 25 juillet 2010',
      es: 'Del 12 al 25 de julio de 2010',
    });
    expect(range('2025-06-28', '2025-07-05').en).toBe('From 28 June to 5 July 2025');
  });

  it('writes the first of the month as 1er in French only', () => {
    expect(range('2026-08-01', '2026-08-09')).toEqual({ en: 'From 1 to 9 August', fr: 'Du 1er au 9 août', es: 'Del 1 al 9 de agosto' });
    expect(range('2026-08-25', '2026-09-01').fr).toBe('Du 25 août au 1er septembre');
  });

  it('writes a one-day window as a single date', () => {
    expect(range('2026-07-12', '2026-07-12')).toEqual({ en: 'On 12 July', fr: 'Le 12 juillet', es: 'El 12 de julio' });
  });
});

describe('windowDays', () => {
  it('ends a window that closes at local midnight on the day before', () => {
    // 12 July 00:00 to 26 July 00:00 in Geneva (UTC+2 in summer)
    expect(windowDays('2026-07-11T22:00:00.000Z', '2026-07-25T22:00:00.000Z', 'Europe/Zurich')).toEqual({ first: '2026-07-12', last: '2026-07-25' });
    expect(windowDays('2026-07-12T00:00:00.000Z', '2026-07-26T00:00:00.000Z', 'UTC')).toEqual({ first: '2026-07-12', last: '2026-07-25' });
  });

  it('keeps the closing day when the window closes after midnight', () => {
    expect(windowDays('2026-07-12T00:00:00.000Z', '2026-07-26T00:00:01.000Z', 'UTC')).toEqual({ first: '2026-07-12', last: '2026-07-26' });
  });

  it('counts days in the dialogue’s time zone, which can shift a day either way', () => {
    const opensAt = '2026-07-12T03:00:00.000Z';
    const closesAt = '2026-07-25T16:00:00.000Z';
    expect(windowDays(opensAt, closesAt, 'UTC')).toEqual({ first: '2026-07-12', last: '2026-07-25' });
    // 11 July 23:00 in New York; 26 July 01:00 in Tokyo
    expect(windowDays(opensAt, closesAt, 'America/New_York')).toEqual({ first: '2026-07-11', last: '2026-07-25' });
    expect(windowDays(opensAt, closesAt, 'Asia/Tokyo')).toEqual({ first: '2026-07-12', last: '2026-07-26' });
    // midnight in New York (UTC−4) ends the day before
    expect(windowDays(opensAt, '2026-07-26T04:00:00.000Z', 'America/New_York').last).toBe('2026-07-25');
  });

  it('finds where each local day starts, half-hour zones and skipped midnights included', () => {
    expect(new Date(startOfLocalDay('2026-07-12', 'Europe/Zurich')).toISOString()).toBe('2026-07-11T22:00:00.000Z');
    expect(new Date(startOfLocalDay('2026-07-12', 'Asia/Kolkata')).toISOString()).toBe('2026-07-11T18:30:00.000Z');
    expect(new Date(startOfLocalDay('2026-07-12', 'Pacific/Kiritimati')).toISOString()).toBe('2026-07-11T10:00:00.000Z');
    // Chile moves its clocks from 00:00 to 01:00: the day starts at 01:00 local
    expect(new Date(startOfLocalDay('2026-09-06', 'America/Santiago')).toISOString()).toBe('2026-09-06T04:00:00.000Z');
  });
});

describe('roundVisits', () => {
  it.each([
    [0, 0, false],
    [7, 7, false],
    [99, 99, false],
    [100, 100, false],
    [101, 100, true],
    [357, 350, true],
    [1234, 1200, true],
    [1200, 1200, false],
    [9999, 9900, true],
    [10000, 10000, false],
    [12345, 12000, true],
  ])('%i page views → %i (more than: %s)', (count, value, more) => {
    expect(roundVisits(count)).toEqual({ value, more });
  });
});

describe('reachSentence', () => {
  const july = { first: '2026-07-12', last: '2026-07-25' };

  it('says "more than" only when rounding removed something', () => {
    expect(reachSentence(july, 357, 'en', 2026)).toBe('From 12 to 25 July, the online forum was visited more than 350 times.');
    expect(reachSentence(july, 1200, 'en', 2026)).toBe('From 12 to 25 July, the online forum was visited 1,200 times.');
    expect(reachSentence(july, 1234, 'en', 2026)).toBe('From 12 to 25 July, the online forum was visited more than 1,200 times.');
    expect(reachSentence(july, 99, 'en', 2026)).toBe('From 12 to 25 July, the online forum was visited 99 times.');
    expect(reachSentence(july, 12345, 'en', 2026)).toBe('From 12 to 25 July, the online forum was visited more than 12,000 times.');
  });

  it('has French and Spanish equivalents with their digit grouping', () => {
    expect(reachSentence(july, 357, 'fr', 2026)).toBe('Du 12 au 25 juillet, le forum en ligne a été visité plus de 350 fois.');
    expect(reachSentence(july, 1234, 'fr', 2026)).toBe(`Du 12 au 25 juillet, le forum en ligne a été visité plus de 1${NNBSP}200 fois.`);
    expect(reachSentence(july, 7, 'fr', 2026)).toBe('Du 12 au 25 juillet, le forum en ligne a été visité 7 fois.');
    expect(reachSentence(july, 357, 'es', 2026)).toBe('Del 12 al 25 de julio, el foro en línea fue visitado más de 350 veces.');
    expect(reachSentence(july, 12345, 'es', 2026)).toBe('Del 12 al 25 de julio, el foro en línea fue visitado más de 12.000 veces.');
    expect(reachSentence(july, 100, 'es', 2026)).toBe('Del 12 al 25 de julio, el foro en línea fue visitado 100 veces.');
  });

  it('writes one visit and no visit as words', () => {
    expect(reachSentence(july, 1, 'en', 2026)).toBe('From 12 to 25 July, the online forum was visited once.');
    expect(reachSentence(july, 1, 'fr', 2026)).toBe('Du 12 au 25 juillet, le forum en ligne a été visité une fois.');
    expect(reachSentence(july, 1, 'es', 2026)).toBe('Del 12 al 25 de julio, el foro en línea fue visitado una vez.');
    expect(reachSentence(july, 0, 'en', 2026)).toBe('From 12 to 25 July, the online forum received no visits.');
    expect(reachSentence(july, 0, 'fr', 2026)).toBe('Du 12 au 25 juillet, le forum en ligne n’a reçu aucune visite.');
    expect(reachSentence(july, 0, 'es', 2026)).toBe('Del 12 al 25 de julio, el foro en línea no recibió ninguna visita.');
  });
});

describe('leadInSentence', () => {
  const host = 'the Online Community on Migration and Integration';

  it('continues the dialogue’s lead-in, with the number of topics as a word', () => {
    expect(leadInSentence({ topicCount: 4, leadIn: 'In the week preceding the workshop', host }, 'en')).toBe(
      'In the week preceding the workshop, the following four discussion topics were proposed to the forum of the Online Community on Migration and Integration:',
    );
    expect(leadInSentence({ topicCount: 4, leadIn: 'Au cours de la semaine précédant l’atelier,', host: 'la Communauté en ligne' }, 'fr')).toBe(
      `Au cours de la semaine précédant l’atelier, les quatre thèmes de discussion suivants ont été proposés au forum de la Communauté en ligne${NBSP}:`,
    );
    expect(leadInSentence({ topicCount: 4, leadIn: 'En la semana anterior al taller', host: 'la Comunidad en línea' }, 'es')).toBe(
      'En la semana anterior al taller, se propusieron al foro de la Comunidad en línea los cuatro temas de debate siguientes:',
    );
  });

  it('starts with a capital without a lead-in, and names the online forum without a host', () => {
    expect(leadInSentence({ topicCount: 4, leadIn: '', host }, 'en')).toBe(
      'The following four discussion topics were proposed to the forum of the Online Community on Migration and Integration:',
    );
    expect(leadInSentence({ topicCount: 3, leadIn: '  ', host: '' }, 'en')).toBe('The following three discussion topics were proposed to the online forum:');
    expect(leadInSentence({ topicCount: 3, leadIn: '', host: '' }, 'fr')).toBe(
      `Les trois thèmes de discussion suivants ont été proposés au forum en ligne${NBSP}:`,
    );
    expect(leadInSentence({ topicCount: 3, leadIn: '', host: '' }, 'es')).toBe('Se propusieron al foro en línea los tres temas de debate siguientes:');
  });

  it('uses the singular for one topic and digits above ten', () => {
    expect(leadInSentence({ topicCount: 1, leadIn: '', host: '' }, 'en')).toBe('The following discussion topic was proposed to the online forum:');
    expect(leadInSentence({ topicCount: 1, leadIn: '', host: '' }, 'fr')).toBe(`Le thème de discussion suivant a été proposé au forum en ligne${NBSP}:`);
    expect(leadInSentence({ topicCount: 1, leadIn: '', host: '' }, 'es')).toBe('Se propuso al foro en línea el siguiente tema de debate:');
    expect(leadInSentence({ topicCount: 12, leadIn: '', host: '' }, 'en')).toBe('The following 12 discussion topics were proposed to the online forum:');
  });
});

describe('fixed labels', () => {
  it('has every label in the three languages', () => {
    expect(PHRASES.en.topicHeading(2, 'Why?')).toBe('Topic 2: Why?');
    expect(PHRASES.fr.topicHeading(2, 'Pourquoi ?')).toBe(`Thème 2${NBSP}: Pourquoi ?`);
    expect(PHRASES.es.topicHeading(2, '¿Por qué?')).toBe('Tema 2: ¿Por qué?');
    expect([PHRASES.en.summary, PHRASES.fr.summary, PHRASES.es.summary]).toEqual(['Summary', 'Résumé', 'Resumen']);
    expect([PHRASES.en.selectedComments, PHRASES.fr.selectedComments, PHRASES.es.selectedComments]).toEqual([
      'Selected comments',
      'Commentaires choisis',
      'Comentarios seleccionados',
    ]);
    expect([PHRASES.en.quoteLabel, PHRASES.fr.quoteLabel, PHRASES.es.quoteLabel]).toEqual(['Quote:', `Citation${NBSP}:`, 'Cita:']);
    expect(PHRASES.en.title('Migration and Social Change')).toBe('“Virtual Dialogue” on Migration and Social Change');
    expect(PHRASES.fr.title('Migration et changement social')).toBe(`«${NBSP}Dialogue virtuel${NBSP}» sur Migration et changement social`);
    expect(PHRASES.es.title('Migración y cambio social')).toBe('«Diálogo virtual» sobre Migración y cambio social');
  });
});

describe('attributionLine', () => {
  const ana = { displayName: 'Ana Gómez', country: 'MX', affiliation: 'ngo' };

  it('names the author with their country when the attribution is by name', () => {
    expect(attributionLine('name', ana, 'en')).toBe('— Ana Gómez, Mexico');
    expect(attributionLine('name', ana, 'fr')).toBe('— Ana Gómez, Mexique');
    expect(attributionLine('name', ana, 'es')).toBe('— Ana Gómez, México');
  });

  it('gives country and affiliation when the attribution is by country', () => {
    expect(attributionLine('country', ana, 'en')).toBe('— participant from Mexico (NGO or civil society)');
    expect(attributionLine('country', ana, 'fr')).toBe('— participant (Mexique, ONG ou société civile)');
    expect(attributionLine('country', ana, 'es')).toBe('— participante de México (ONG o sociedad civil)');
  });

  it('leaves out an affiliation that says nothing, and uses "the" where English needs it', () => {
    expect(attributionLine('country', { ...ana, affiliation: null }, 'en')).toBe('— participant from Mexico');
    expect(attributionLine('country', { ...ana, affiliation: 'other' }, 'es')).toBe('— participante de México');
    expect(attributionLine('country', { ...ana, country: 'US', affiliation: 'government' }, 'en')).toBe('— participant from the United States (government)');
    expect(attributionLine('country', { ...ana, country: 'CD', affiliation: null }, 'en')).toBe('— participant from the Democratic Republic of the Congo');
  });

  it('prints no line for an anonymous quote', () => {
    for (const lang of ['en', 'fr', 'es'] as const) expect(attributionLine('none', ana, lang)).toBeNull();
  });

  it('localizes country names', () => {
    expect([countryName('ES', 'en'), countryName('ES', 'fr'), countryName('ES', 'es')]).toEqual(['Spain', 'Espagne', 'España']);
    expect(countryName('XK', 'en')).toBe('Kosovo');
  });
});
