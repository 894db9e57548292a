import type { Translation } from '../messages.ts';
import type { consentEn } from './consent.en.ts';

export const consentEs: Translation<typeof consentEn> = {
  'consent.title': 'Sus palabras en el informe',
  'consent.signInFirst': 'Inicie sesión con la cuenta que escribió el comentario para ver esta cita y decidir sobre ella.',
  'consent.intro': 'Un moderador eligió estas palabras suyas, sobre el tema «{topic}» del diálogo «{dialogue}», como cita para el informe del diálogo:',
  'consent.quoteLabel': 'La cita',
  'consent.seeComment': 'Ver su comentario en la discusión',
  'consent.explain':
    'Si no quiere estas palabras en el informe, retire su consentimiento. La cita queda entonces excluida para siempre de todas las exportaciones del diálogo, y los moderadores ven que la retiró, con su motivo si lo da. Su comentario sigue en la discusión.',
  'consent.reason': 'Su motivo (opcional)',
  'consent.reasonHint': 'Solo para los moderadores. Como máximo {max} caracteres.',
  'consent.submit': 'Retirar mi consentimiento',
  'consent.done': 'Hecho: esta cita quedará fuera del informe.',
  'consent.already': 'Retiró su consentimiento para esta cita el {date}: queda fuera del informe.',
  'consent.yourReason': 'Su motivo: {reason}',
  'consent.notMine': 'Solo el autor del comentario citado puede retirar su consentimiento para esta cita.',
  'consent.notYours': 'Esta cita recoge palabras de otra persona. Para decidir sobre ella, inicie sesión con la cuenta que escribió el comentario.',
  'consent.gone': 'Esta cita ya no existe: un moderador la retiró, así que no figura en ningún informe.',
};
