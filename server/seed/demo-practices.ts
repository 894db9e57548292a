import type { Language } from '../../shared/common.constants.ts';
import type { PracticeContinent, PracticeStatus } from '../../shared/practices.constants.ts';
import { continentOfCountries } from '../../shared/practices.constants.ts';
import type { CountryCode } from '../../shared/countries.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Ctx } from '../context.ts';
import { newId } from '../lib/ids.ts';
import { renderMarkdown } from '../lib/markdown.ts';
import { MINUTE, toIso } from '../lib/time.ts';
import { insertPractice } from '../practices/practices.repository.ts';

/** The demo dialogue's managed list of practice themes. */
export const DEMO_PRACTICE_THEMES = [
  'social inclusion',
  'education',
  'labour market',
  'media and public perception',
  'diaspora engagement',
  'health',
  'language learning',
  'local government',
];

interface DemoPractice {
  /** a demo participant's key in demo.ts */
  submitter: string;
  title: string;
  organization: string;
  countries: CountryCode[];
  themes: string[];
  description: string;
  link: string;
  contact: string | null;
  language: Language;
  status: PracticeStatus;
  /** the demo comment (its index in demo.ts) the practice was drawn from */
  fromComment?: number;
}

// Written for the demo: the organizations, towns and results are invented, and each description
// says so. Nothing here comes from IOM or UNAOC documents.
const PRACTICES: DemoPractice[] = [
  {
    submitter: 'amina',
    title: 'Coopératives d’épargne lancées par des migrants de retour',
    organization: 'Association Kër Yaakaar (fictive)',
    countries: ['SN', 'ML'],
    themes: ['diaspora engagement', 'labour market', 'local government'],
    description:
      'Des migrants revenus dans leur commune ouvrent une **coopérative d’épargne** avec leurs voisins : cotisations hebdomadaires, comptes tenus en public, ' +
      'petits prêts décidés en assemblée.\n\n- une formation de trois samedis à la tenue des comptes\n- la mairie prête une salle et affiche les bilans\n\n' +
      '_Exemple écrit pour la démonstration : l’association et ses résultats sont fictifs._',
    link: 'https://example.org/practices/savings-cooperatives',
    contact: 'kery.yaakaar@example.org',
    language: 'fr',
    status: 'published',
    fromComment: 0,
  },
  {
    submitter: 'lucia',
    title: 'Mentorías laborales entre profesionales migrantes y empresas locales',
    organization: 'Red Puentes de Empleo (ficticia)',
    countries: ['CL', 'PE'],
    themes: ['labour market', 'social inclusion'],
    description:
      'Cada profesional recién llegado forma pareja durante seis meses con una persona del mismo oficio en una empresa local. ' +
      'Se reúnen dos veces al mes; la red ayuda además a homologar títulos.\n\n' +
      '_Ejemplo escrito para la demostración: la red y sus cifras son inventadas._',
    link: 'https://example.org/practices/employment-mentoring',
    contact: null,
    language: 'es',
    status: 'published',
  },
  {
    submitter: 'tomas',
    title: 'Family counselling before departure and after return for seafarers’ households',
    organization: 'Harbourside Family Resource Centre (fictional)',
    countries: ['PH'],
    themes: ['diaspora engagement', 'education', 'health'],
    description:
      'Before a contract starts, the seafarer and the family plan the household budget together; after return, a counsellor helps them share decisions again. ' +
      'Evening sessions, run in the port town’s school.\n\n_Sample entry written for this demo; the centre is fictional._',
    link: 'https://example.org/practices/seafarer-families',
    contact: 'harbourside@example.org',
    language: 'en',
    status: 'published',
  },
  {
    submitter: 'lucia',
    title: 'Neighbourhood language cafés run by volunteers',
    organization: 'Lindenberg Language Café Network (fictional)',
    countries: ['DE', 'AT'],
    themes: ['language learning', 'social inclusion'],
    description:
      'Once a week, a café in each neighbourhood keeps tables for conversation: newcomers practise the language with residents, with no course and no fee. ' +
      'Volunteers bring games and local newspapers.\n\n_Sample entry written for this demo; the network is fictional._',
    link: 'https://example.org/practices/language-cafes',
    contact: null,
    language: 'en',
    status: 'published',
  },
  {
    submitter: 'tomas',
    title: 'Newcomer health navigators in community clinics',
    organization: 'Prairie Health Navigators Collective (fictional)',
    countries: ['CA'],
    themes: ['health', 'social inclusion'],
    description:
      'Former newcomers, trained as navigators, meet new arrivals at the clinic, explain how appointments and coverage work and go with them to the first visit, ' +
      'in their own language.\n\n_Sample entry written for this demo; the collective is fictional._',
    link: 'https://example.org/practices/health-navigators',
    contact: null,
    language: 'en',
    status: 'published',
  },
  {
    submitter: 'amina',
    title: 'Migrant voices on community radio',
    organization: 'Southern Waves Community Radio (fictional)',
    countries: ['NZ', 'AU'],
    themes: ['media and public perception', 'language learning'],
    description:
      'A weekly hour presented by migrant residents in turn: stories of arrival, music, and a short lesson in their language for listeners. ' +
      'Episodes are shared with partner stations.\n\n_Sample entry written for this demo; the station is fictional._',
    link: 'https://example.org/practices/community-radio',
    contact: 'southern.waves@example.org',
    language: 'en',
    status: 'published',
  },
  {
    submitter: 'lucia',
    title: 'Aulas puente para niñas y niños que llegan a mitad de curso',
    organization: 'Colectivo Escuela Abierta (ficticio)',
    countries: ['MX', 'GT'],
    themes: ['education', 'language learning'],
    description:
      'Durante sus primeras semanas, quienes llegan a mitad de curso pasan parte del día en un aula puente con una maestra de apoyo y el resto con su grupo. ' +
      'Las familias visitan la escuela antes del primer día.\n\n_Ejemplo escrito para la demostración: el colectivo es inventado._',
    link: 'https://example.org/practices/bridge-classrooms',
    contact: null,
    language: 'es',
    status: 'published',
  },
  {
    submitter: 'amina',
    title: 'A council of foreign residents that advises the town hall',
    organization: 'Westhaven Residents’ Council (fictional)',
    countries: ['NL'],
    themes: ['local government', 'social inclusion'],
    description:
      'Residents without a vote elect twelve members who give the municipal council an opinion on every plan that concerns them, in public session.\n\n' +
      '_Sample entry written for this demo; the council is fictional._',
    link: 'https://example.org/practices/residents-council',
    contact: null,
    language: 'en',
    status: 'submitted',
  },
];

/**
 * The demo's library of good practices: published ones on every continent in three languages, and
 * one waiting for review, each searchable as a submitted practice is.
 */
export async function seedDemoPractices(
  ctx: Ctx,
  demo: { organizer: Viewer; dialogueId: string; people: ReadonlyMap<string, Viewer>; commentIds: readonly string[] },
): Promise<void> {
  const start = Date.now() - PRACTICES.length * MINUTE;
  await ctx.write(async (trx) => {
    for (const [index, practice] of PRACTICES.entries()) {
      const at = toIso(start + index * MINUTE);
      const published = practice.status === 'published';
      await insertPractice(trx, {
        id: newId(),
        title: practice.title,
        organization: practice.organization,
        countries: JSON.stringify(practice.countries),
        continent: continentOfCountries(practice.countries) as PracticeContinent,
        themes: JSON.stringify(practice.themes),
        description: practice.description,
        description_html: renderMarkdown(practice.description),
        link: practice.link,
        contact: practice.contact,
        language: practice.language,
        dialogue_id: demo.dialogueId,
        source_comment_id: practice.fromComment === undefined ? null : (demo.commentIds[practice.fromComment] ?? null),
        status: practice.status,
        return_reason: null,
        submitted_by: demo.people.get(practice.submitter)!.id,
        moderated_by: published ? demo.organizer.id : null,
        moderated_at: published ? at : null,
        created_at: at,
        updated_at: at,
        published_at: published ? at : null,
      });
    }
  });
}
