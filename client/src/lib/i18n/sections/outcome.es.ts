import type { Translation } from '../messages.ts';
import type { outcomeEn } from './outcome.en.ts';

export const outcomeEs: Translation<typeof outcomeEn> = {
  'outcome.title': 'Resultados',
  'outcome.intro': 'Lo que surgió del debate.',
  'outcome.topicSummary': 'Resumen del debate',
  'outcome.dialogueSummary': 'Resumen del diálogo',
  'outcome.approvedOn': 'Aprobado el {date}.',
  'outcome.quotes': 'Comentarios seleccionados',
  'outcome.quotesIntro': 'Los comentarios que los moderadores eligieron para el informe, con las palabras de sus autores.',
  'outcome.quoteCount.one': '{count} comentario seleccionado',
  'outcome.quoteCount.other': '{count} comentarios seleccionados',
};
