import type { Translation } from '../messages.ts';
import type { aboutEn } from './about.en.ts';

export const aboutEs: Translation<typeof aboutEn> = {
  'about.window': 'Cuándo',
  'about.yourTime': 'En su zona horaria ({zone})',
  'about.dialogueTime': 'En la zona horaria del diálogo ({zone})',
  'about.languages': 'Idiomas',
  'about.languagesBody': 'Los comentarios pueden escribirse en {languages}. La interfaz está disponible en inglés, francés y español.',
  'about.moderation': 'Moderación',
  'about.moderation.post':
    'Los comentarios aparecen en cuanto se publican. La moderación los lee después y retira los que incumplen las normas, dejando una nota en su lugar.',
  'about.moderation.pre':
    'Cada comentario lo lee un moderador antes de que aparezca. Hasta que se aprueba, solo lo ve quien lo escribió, marcado como pendiente.',
  'about.editWindow': 'Quien escribe un comentario puede editarlo o retirarlo en un plazo de {minutes} tras su publicación.',
  'about.reports':
    'Si un comentario le parece ofensivo, fuera de tema o revela datos personales, use «Denunciar» debajo de él. La moderación revisa cada denuncia; quien lo escribió no sabe quién lo denunció.',
  'about.host': 'El diálogo tiene lugar en el foro de {host}.',
  'about.back': 'Volver a los temas',
};
