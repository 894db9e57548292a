import { hashPassword } from '../auth/passwords.ts';
import { insertUser } from '../auth/users.repository.ts';
import type { Viewer } from '../auth/viewer.ts';
import { postComment } from '../comments/comments.service.ts';
import type { DialogueTranslations, TopicTranslations } from '../../shared/dialogues.ts';
import { NO_EMAIL_NOTIFICATIONS } from '../../shared/mail.constants.ts';
import type { Ctx } from '../context.ts';
import { createDialogue, createTopic } from '../dialogues/dialogues.service.ts';
import { newId, randomToken } from '../lib/ids.ts';
import { DAY, nowIso, toIso } from '../lib/time.ts';
import { DEMO_PRACTICE_THEMES, seedDemoPractices } from './demo-practices.ts';

export const DEMO_SLUG = 'idm-2010-migration-and-social-change';

/** The four questions of the 2010 workshop, in English, and as translated for the demo. */
const TOPICS: { question: string; translations: TopicTranslations }[] = [
  {
    question: 'How does migration lead to social change in countries of origin and of destination?',
    translations: {
      fr: { question: 'Comment la migration entraîne-t-elle des changements sociaux dans les pays d’origine et de destination\u00A0?' },
      es: { question: '¿Cómo conduce la migración al cambio social en los países de origen y de destino?' },
    },
  },
  {
    question: 'In what ways can policymakers, civil society and the media deconstruct negative perceptions of migrants and counteract xenophobia?',
    translations: {
      fr: {
        question:
          'De quelle manière les responsables politiques, la société civile et les médias peuvent-ils déconstruire les perceptions négatives des migrants et combattre la xénophobie\u00A0?',
      },
      es: {
        question:
          '¿De qué manera pueden los responsables políticos, la sociedad civil y los medios de comunicación desmontar las percepciones negativas de los migrantes y contrarrestar la xenofobia?',
      },
    },
  },
  {
    question: 'What policies can help to better integrate migrant children, both first and second generation?',
    translations: {
      fr: {
        question: 'Quelles politiques peuvent aider à mieux intégrer les enfants migrants, de la première comme de la deuxième génération\u00A0?',
      },
      es: { question: '¿Qué políticas pueden ayudar a integrar mejor a los niños migrantes, tanto de primera como de segunda generación?' },
    },
  },
  {
    question: 'How can we enhance migrants’ social contributions to society, and promote social inclusion?',
    translations: {
      fr: { question: 'Comment renforcer les contributions sociales des migrants à la société et promouvoir l’inclusion sociale\u00A0?' },
      es: { question: '¿Cómo podemos potenciar las contribuciones sociales de los migrantes a la sociedad y promover la inclusión social?' },
    },
  },
];

/** The dialogue's texts in its other two languages (the base fields are in English). */
const TRANSLATIONS: DialogueTranslations = {
  fr: {
    title: 'Migration et changement social',
    theme: 'Migration et changement social',
    description:
      'Un dialogue virtuel en marge de l’atelier du Dialogue international sur la migration (IDM 2010), à Genève. ' +
      'Praticiens, responsables politiques et universitaires qui ne peuvent pas y assister en personne partagent leurs connaissances, leur expérience et leurs bonnes pratiques sur quatre questions.',
    hostDescription: 'la Communauté en ligne sur la migration et l’intégration',
    annexLabel: 'Annexe',
    annexLeadIn: 'Au cours de la semaine précédant l’atelier',
  },
  es: {
    title: 'Migración y cambio social',
    theme: 'Migración y cambio social',
    description:
      'Un diálogo virtual paralelo al taller del Diálogo Internacional sobre la Migración (IDM 2010), en Ginebra. ' +
      'Profesionales, responsables políticos y académicos que no pueden asistir en persona comparten conocimientos, experiencias y buenas prácticas sobre cuatro preguntas.',
    hostDescription: 'la Comunidad en línea sobre Migración e Integración',
    annexLabel: 'Anexo',
    annexLeadIn: 'En la semana anterior al taller',
  },
};

// Written for the demo; none of it comes from the workshop's documents.
const PARTICIPANTS = [
  { key: 'amina', displayName: 'Amina K.', country: 'SN', affiliation: 'ngo', organization: 'Dakar Diaspora Forum', nameDisplay: 'name' },
  { key: 'lucia', displayName: 'Lucía R.', country: 'ES', affiliation: 'academia', organization: 'Universidad de ejemplo', nameDisplay: 'country' },
  { key: 'tomas', displayName: 'Tomás P.', country: 'PH', affiliation: 'government', organization: null, nameDisplay: 'name' },
] as const;

const COMMENTS: { topic: number; author: (typeof PARTICIPANTS)[number]['key']; body: string; language: 'en' | 'fr' | 'es'; replyTo?: number }[] = [
  {
    topic: 1,
    author: 'amina',
    language: 'en',
    body: 'In our town, returning migrants started the first **savings cooperatives**. The money mattered, but the new habits of meeting and keeping accounts together mattered more.',
  },
  {
    topic: 1,
    author: 'tomas',
    language: 'en',
    replyTo: 0,
    body: 'We see the same with seafarers’ families: remittances change who decides at home. Has anyone measured how long those changes last after return?',
  },
  {
    topic: 2,
    author: 'lucia',
    language: 'es',
    body: 'Las campañas funcionan mejor cuando los propios migrantes cuentan sus historias en los medios locales, no solo en fechas señaladas sino durante todo el año.',
  },
  {
    topic: 3,
    author: 'amina',
    language: 'fr',
    body: 'Les cours de langue maternelle à l’école aident les enfants à apprendre la langue du pays d’accueil, et les parents se sentent bienvenus.',
  },
];

async function demoParticipant(ctx: Ctx, participant: (typeof PARTICIPANTS)[number]): Promise<Viewer> {
  const id = newId();
  const now = nowIso();
  await insertUser(ctx.db, {
    id,
    email: `${participant.key}@demo.invalid`,
    // Their addresses lead nowhere: the demo's replies and mentions mail nobody.
    email_prefs: JSON.stringify(NO_EMAIL_NOTIFICATIONS),
    // Nobody can sign in as a demo participant: the password is thrown away.
    password_hash: await hashPassword(randomToken()),
    display_name: participant.displayName,
    country: participant.country,
    organization: participant.organization,
    affiliation: participant.affiliation,
    language: 'en',
    quote_consent: 'anonymous',
    name_display: participant.nameDisplay,
    role: 'participant',
    created_at: now,
    updated_at: now,
  });
  return { id, role: 'participant', displayName: participant.displayName, suspendedUntil: null, sessionId: '', moderatedDialogueIds: [] };
}

/** The IDM 2010 dialogue, open from now for two weeks, with its four topics, a few demo comments and a small library of good practices. */
export async function seedDemo(ctx: Ctx, organizer: Viewer): Promise<void> {
  const now = Date.now();
  const dialogue = await createDialogue(ctx, organizer, {
    slug: DEMO_SLUG,
    title: 'Migration and social change',
    theme: 'Migration and Social Change',
    description:
      'A virtual dialogue beside the International Dialogue on Migration workshop (IDM 2010) in Geneva. ' +
      'Practitioners, policymakers and academics who cannot attend in person share knowledge, experience and good practices on four questions.',
    opensAt: toIso(now - 60_000),
    closesAt: toIso(now + 14 * DAY),
    moderation: 'post',
    languages: ['en', 'fr', 'es'],
    timeZone: 'Europe/Zurich',
    hostDescription: 'the Online Community on Migration and Integration',
    annexLabel: 'Annex',
    annexLeadIn: 'In the week preceding the workshop',
    translations: TRANSLATIONS,
    practiceThemes: DEMO_PRACTICE_THEMES,
  });
  const topicIds: string[] = [];
  for (const topic of TOPICS) topicIds.push((await createTopic(ctx, organizer, dialogue.slug, topic)).id);

  const people = new Map<string, Viewer>();
  for (const participant of PARTICIPANTS) people.set(participant.key, await demoParticipant(ctx, participant));
  const posted: string[] = [];
  for (const comment of COMMENTS) {
    const { comment: created } = await postComment(ctx, people.get(comment.author)!, topicIds[comment.topic - 1]!, {
      body: comment.body,
      language: comment.language,
      ...(comment.replyTo !== undefined ? { parentId: posted[comment.replyTo] } : {}),
    });
    posted.push(created.id);
  }
  await seedDemoPractices(ctx, { organizer, dialogueId: dialogue.id, people, commentIds: posted });
}
