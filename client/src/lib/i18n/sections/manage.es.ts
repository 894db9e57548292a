import type { Translation } from '../messages.ts';
import type { manageEn } from './manage.en.ts';

export const manageEs: Translation<typeof manageEn> = {
  'manage.navLabel': 'Gestionar este diálogo',
  'manage.entryTitle': 'Gestionar este diálogo',
  'manage.entryModerator': 'Usted modera este diálogo.',
  'manage.entryOrganizer': 'Usted organiza este diálogo.',
  'manage.topics': 'Temas',
  'manage.texts': 'Textos',
  'manage.curation': 'Comentarios seleccionados',
  'manage.summaries': 'Resúmenes',
  'manage.stats': 'Estadísticas',
  'manage.export': 'Exportar',
  'manage.settings': 'Configuración',
  'manage.queue': 'Cola de moderación',
  'manage.onlyModerators': 'Esta página es para los moderadores y organizadores de este diálogo.',
  'manage.onlyOrganizers': 'Esta página es para los organizadores de este diálogo.',
  'manage.signInFirst': 'Inicie sesión como moderador u organizador de este diálogo para ver esta página.',
  'manage.backToDialogue': 'Volver al diálogo',
  'manageError.consent': 'El autor no permite que se le cite de esta forma. Elija una de las atribuciones que siguen disponibles.',
  'manageError.excerpt': 'El texto seleccionado no se encuentra en el comentario. Seleccione un pasaje del propio texto del comentario.',
  'manageError.notPublished': 'Este comentario ya no está publicado, por lo que no puede citarse.',
  'manageError.conflict': 'Otra persona guardó una nueva versión mientras usted editaba.',
  'manageError.forbidden': 'No tiene permiso para hacer esto aquí.',
  'manageError.notFound': 'Esto ya no existe: quizá se eliminó entretanto. Vuelva a cargar la página.',
  'manageError.invalid': 'No se aceptó. Revíselo e inténtelo de nuevo.',
  'manageError.generic': 'Algo falló por nuestra parte. No se cambió nada; inténtelo de nuevo en un momento.',
};
