import type { Translation } from '../messages.ts';
import type { threadModerationEn } from './thread-moderation.en.ts';

export const threadModerationEs: Translation<typeof threadModerationEn> = {
  'modtools.label': 'Moderación',
  'modtools.group': 'Moderación del comentario de {name}',
  'modtools.approve': 'Aprobar',
  'modtools.decline': 'Rechazar…',
  'modtools.hide': 'Ocultar…',
  'modtools.restore': 'Restablecer',
  'modtools.edit': 'Editar con una nota…',
  'modtools.editTitle': 'Editar el comentario de {name}',
  'modtools.editLabel': 'El comentario, tal como lo corriges',
  'modtools.note': 'Nota que se muestra bajo el comentario',
  'modtools.noteHint': 'Los lectores la ven bajo el comentario, por ejemplo: «Datos personales retirados».',
  'modtools.noteRequired': 'Escribe la nota que verán los lectores.',
  'modtools.bodyRequired': 'El comentario no puede quedar vacío.',
  'modtools.save': 'Guardar la edición',
  'modtools.lock': 'Bloquear el tema',
  'modtools.unlock': 'Desbloquear el tema',
  'modtools.done.approve': 'Comentario aprobado.',
  'modtools.done.decline': 'Comentario rechazado.',
  'modtools.done.hide': 'Comentario ocultado. Los lectores ven que un moderador lo retiró.',
  'modtools.done.restore': 'Comentario restablecido.',
  'modtools.done.edit': 'Tu edición se guardó, con su nota.',
  'modtools.done.lock': 'Tema bloqueado: ya no se pueden publicar comentarios.',
  'modtools.done.unlock': 'Tema desbloqueado: se pueden volver a publicar comentarios.',
};
