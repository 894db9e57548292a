import type { Translation } from '../messages.ts';
import type { threadEn } from './thread.en.ts';

export const threadEs: Translation<typeof threadEn> = {
  'thread.order': 'Orden de los comentarios',
  'thread.order.oldest': 'Más antiguos primero',
  'thread.order.newest': 'Más recientes primero',
  'thread.showReplies.one': 'Mostrar {count} respuesta',
  'thread.showReplies.other': 'Mostrar {count} respuestas',
  'thread.hideReplies': 'Ocultar respuestas',
  'thread.write': 'Escribir un comentario',
  'thread.permalink': 'enlace a este comentario',
  'thread.copyLink': 'Copiar el enlace',
  'thread.copyLinkOf': 'Copiar el enlace al comentario de {name}',
  'thread.linkCopied': 'Enlace copiado.',
  'thread.windowNote': 'Los comentarios se añaden a la página a medida que se desplaza.',
  'thread.loadingMore': 'Cargando más comentarios…',
  'thread.missing': 'El comentario al que apunta este enlace no se muestra aquí: puede que se haya retirado u ocultado.',
  'thread.submitPractice': 'Proponer como buena práctica',
  'thread.submitPracticeOf': 'Proponer como buena práctica: el comentario de {name}',
};
