import type { Translation } from '../messages.ts';
import type { socialEn } from './social.en.ts';

export const socialEs: Translation<typeof socialEn> = {
  'social.empty':
    'Nada por ahora. Cuando alguien le responda o le mencione, cite sus palabras, o un moderador decida sobre uno de sus comentarios, se le avisará aquí.',
  'social.reply': '{name} le respondió',
  'social.mention': '{name} le mencionó',
  'social.someone': 'Un antiguo participante',
  'social.quoted': 'Se citaron sus palabras:',
  'social.withdraw': 'Retirar mi consentimiento',
  'social.withdrawing': 'Retirando…',
  'social.withdrawn': 'Consentimiento retirado: esta cita queda fuera de toda exportación.',
  'social.withdrawFailed': 'No se pudo retirar su consentimiento en este momento. Inténtelo de nuevo.',
  'social.practicePublished': 'Su buena práctica se publicó en la biblioteca.',
  'social.practiceReturned': 'Se le devolvió su buena práctica: {reason}',
  'social.practiceReturnedNoReason': 'Se le devolvió su buena práctica.',
  'social.practiceUnpublished': 'Su buena práctica se retiró de la biblioteca: {reason}',
  'social.practiceUnpublishedNoReason': 'Su buena práctica se retiró de la biblioteca.',
  'social.follow': 'Seguir',
  'social.following': 'Siguiendo',
  'social.followHint': 'Los comentarios nuevos de los temas que sigue llegan en su resumen por correo electrónico.',
  'social.followed': 'Sigue este tema.',
  'social.unfollowed': 'Ya no sigue este tema.',
  'social.followFailed': 'No se pudo hacer este cambio en este momento. Inténtelo de nuevo.',
  'social.mentionList': 'Personas para mencionar',
  'social.mentionCount.one': '{count} persona para mencionar. Flechas arriba y abajo para elegir, Intro para insertar, Escape para cerrar.',
  'social.mentionCount.other': '{count} personas para mencionar. Flechas arriba y abajo para elegir, Intro para insertar, Escape para cerrar.',
};
