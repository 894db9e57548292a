import type { Language } from '../../shared/common.constants.ts';
import type { PracticeAction } from '../../shared/practices.constants.ts';

// Every fixed phrase of the e-mails, in English, French and Spanish. {name} placeholders are
// filled by templates.ts; nothing here is HTML.

export interface MailPhrases {
  greeting: string;
  signature: string;
  /** the footer: why this mail came, and how to stop it */
  why: Record<'account' | 'replies' | 'mentions' | 'moderation' | 'quotes' | 'digest', string>;
  unsubscribe: string;
  /** the link of account mail, which turns off every notice and the digest, not that mail */
  unsubscribeAll: string;
  preferences: string;
  /** what comes between a label and its link in the plain-text footer (French puts a space before the colon) */
  colon: string;
  passwordReset: { subject: string; body: string; button: string; ignore: string };
  verifyEmail: { subject: string; body: string; button: string; ignore: string };
  reply: { subject: string; body: string; button: string };
  mention: { subject: string; body: string; button: string };
  moderation: { subject: Record<'approve' | 'decline' | 'hide', string>; body: Record<'approve' | 'decline' | 'hide', string>; reason: string; button: string };
  /** a moderator's decision on a good practice the recipient submitted ({title}: the practice's) */
  practice: { subject: Record<PracticeAction, string>; body: Record<PracticeAction, string>; reason: string; button: string };
  quoted: { subject: string; body: string; button: string; withdraw: string; withdrawButton: string };
  digest: {
    subject: Record<'daily' | 'weekly', string>;
    body: Record<'daily' | 'weekly', string>;
    newComments: { one: string; other: string };
    button: string;
  };
}

export const MAIL_PHRASES: Record<Language, MailPhrases> = {
  en: {
    greeting: 'Hello,',
    signature: 'Virtual Dialogue',
    why: {
      account: 'You receive this message because someone asked for it for your account on Virtual Dialogue.',
      replies: 'You receive this message because you asked to be told by e-mail when someone replies to you.',
      mentions: 'You receive this message because you asked to be told by e-mail when someone mentions you.',
      moderation: 'You receive this message because you asked to be told by e-mail of moderators’ decisions on your comments and good practices.',
      quotes: 'You receive this message because you asked to be told by e-mail when your words are quoted.',
      digest: 'You receive this digest because you follow these topics.',
    },
    unsubscribe: 'Stop these e-mails',
    unsubscribeAll: 'Stop all notices and digests by e-mail',
    preferences: 'Your e-mail settings',
    colon: ': ',
    passwordReset: {
      subject: 'Choose a new password',
      body: 'Someone asked to reset the password of your Virtual Dialogue account. The link below lets you choose a new one; it works once, within one hour.',
      button: 'Choose a new password',
      ignore: 'If you did not ask for this, ignore this message: your password stays as it is.',
    },
    verifyEmail: {
      subject: 'Confirm your e-mail address',
      body: 'Please confirm that this address is yours by opening the link below.',
      button: 'Confirm my address',
      ignore: 'If you did not create an account on Virtual Dialogue, ignore this message.',
    },
    reply: { subject: '{actor} replied to you: {topic}', body: '{actor} replied to your comment on “{topic}”:', button: 'Read the reply' },
    mention: { subject: '{actor} mentioned you: {topic}', body: '{actor} mentioned you in a comment on “{topic}”:', button: 'Read the comment' },
    moderation: {
      subject: { approve: 'Your comment is published', decline: 'Your comment was not published', hide: 'Your comment was removed' },
      body: {
        approve: 'A moderator approved your comment on “{topic}”: everyone can read it now.',
        decline: 'A moderator did not publish your comment on “{topic}”.',
        hide: 'A moderator removed your comment on “{topic}”.',
      },
      reason: 'The moderator’s reason: {reason}',
      button: 'Open the discussion',
    },
    practice: {
      subject: {
        publish: 'Your good practice is published: {title}',
        return: 'Your good practice was returned to you: {title}',
        unpublish: 'Your good practice was taken out of the library: {title}',
      },
      body: {
        publish: 'A moderator published your good practice “{title}”: everyone can find it in the library now.',
        return: 'A moderator returned your good practice “{title}” to you. Change it as the reason says and save it: it is then submitted again.',
        unpublish: 'A moderator took your good practice “{title}” out of the library.',
      },
      reason: 'The moderator’s reason: {reason}',
      button: 'Open your good practice',
    },
    quoted: {
      subject: 'Your words were quoted: {topic}',
      body: 'A moderator selected these words of yours on “{topic}” as a quote for the dialogue’s report:',
      button: 'See your comment',
      withdraw: 'If you do not want this quote in the report, you can withdraw your consent with one click; the quote is then left out of every export.',
      withdrawButton: 'Withdraw my consent for this quote',
    },
    digest: {
      subject: { daily: 'Today in the topics you follow', weekly: 'This week in the topics you follow' },
      body: { daily: 'New comments since yesterday in the topics you follow:', weekly: 'New comments this week in the topics you follow:' },
      newComments: { one: '{count} new comment', other: '{count} new comments' },
      button: 'Read them',
    },
  },
  fr: {
    greeting: 'Bonjour,',
    signature: 'Dialogue virtuel',
    why: {
      account: 'Vous recevez ce message parce qu’il a été demandé pour votre compte sur Dialogue virtuel.',
      replies: 'Vous recevez ce message parce que vous avez demandé à être prévenu par courriel quand quelqu’un vous répond.',
      mentions: 'Vous recevez ce message parce que vous avez demandé à être prévenu par courriel quand quelqu’un vous mentionne.',
      moderation:
        'Vous recevez ce message parce que vous avez demandé à être prévenu par courriel des décisions des modérateurs sur vos commentaires et vos bonnes pratiques.',
      quotes: 'Vous recevez ce message parce que vous avez demandé à être prévenu par courriel quand vos propos sont cités.',
      digest: 'Vous recevez ce résumé parce que vous suivez ces sujets.',
    },
    unsubscribe: 'Ne plus recevoir ces courriels',
    unsubscribeAll: 'Ne plus recevoir aucun avis ni résumé par courriel',
    preferences: 'Vos réglages de courriel',
    colon: '\u00a0: ',
    passwordReset: {
      subject: 'Choisissez un nouveau mot de passe',
      body: 'Quelqu’un a demandé à réinitialiser le mot de passe de votre compte Dialogue virtuel. Le lien ci-dessous vous permet d’en choisir un nouveau ; il sert une seule fois, pendant une heure.',
      button: 'Choisir un nouveau mot de passe',
      ignore: 'Si vous n’avez rien demandé, ignorez ce message : votre mot de passe ne change pas.',
    },
    verifyEmail: {
      subject: 'Confirmez votre adresse électronique',
      body: 'Confirmez que cette adresse est bien la vôtre en ouvrant le lien ci-dessous.',
      button: 'Confirmer mon adresse',
      ignore: 'Si vous n’avez pas créé de compte sur Dialogue virtuel, ignorez ce message.',
    },
    reply: { subject: '{actor} vous a répondu : {topic}', body: '{actor} a répondu à votre commentaire sur « {topic} » :', button: 'Lire la réponse' },
    mention: {
      subject: '{actor} vous a mentionné : {topic}',
      body: '{actor} vous a mentionné dans un commentaire sur « {topic} » :',
      button: 'Lire le commentaire',
    },
    moderation: {
      subject: { approve: 'Votre commentaire est publié', decline: 'Votre commentaire n’a pas été publié', hide: 'Votre commentaire a été retiré' },
      body: {
        approve: 'Un modérateur a approuvé votre commentaire sur « {topic} » : tout le monde peut le lire.',
        decline: 'Un modérateur n’a pas publié votre commentaire sur « {topic} ».',
        hide: 'Un modérateur a retiré votre commentaire sur « {topic} ».',
      },
      reason: 'Motif du modérateur : {reason}',
      button: 'Ouvrir la discussion',
    },
    practice: {
      subject: {
        publish: 'Votre bonne pratique est publiée : {title}',
        return: 'Votre bonne pratique vous a été renvoyée : {title}',
        unpublish: 'Votre bonne pratique a été retirée de la bibliothèque : {title}',
      },
      body: {
        publish: 'Un modérateur a publié votre bonne pratique « {title} » : tout le monde peut maintenant la trouver dans la bibliothèque.',
        return:
          'Un modérateur vous a renvoyé votre bonne pratique « {title} ». Modifiez-la comme l’indique le motif et enregistrez-la : elle est alors soumise à nouveau.',
        unpublish: 'Un modérateur a retiré votre bonne pratique « {title} » de la bibliothèque.',
      },
      reason: 'Motif du modérateur : {reason}',
      button: 'Ouvrir votre bonne pratique',
    },
    quoted: {
      subject: 'Vos propos ont été cités : {topic}',
      body: 'Un modérateur a retenu ces propos que vous avez tenus sur « {topic} » comme citation pour le rapport du dialogue :',
      button: 'Voir votre commentaire',
      withdraw:
        'Si vous ne voulez pas de cette citation dans le rapport, vous pouvez retirer votre consentement en un clic ; elle est alors exclue de tout export.',
      withdrawButton: 'Retirer mon consentement pour cette citation',
    },
    digest: {
      subject: { daily: 'Aujourd’hui dans les sujets que vous suivez', weekly: 'Cette semaine dans les sujets que vous suivez' },
      body: {
        daily: 'Nouveaux commentaires depuis hier dans les sujets que vous suivez :',
        weekly: 'Nouveaux commentaires cette semaine dans les sujets que vous suivez :',
      },
      newComments: { one: '{count} nouveau commentaire', other: '{count} nouveaux commentaires' },
      button: 'Les lire',
    },
  },
  es: {
    greeting: 'Hola:',
    signature: 'Diálogo virtual',
    why: {
      account: 'Recibe este mensaje porque se solicitó para su cuenta en Diálogo virtual.',
      replies: 'Recibe este mensaje porque pidió que se le avisara por correo cuando alguien le respondiera.',
      mentions: 'Recibe este mensaje porque pidió que se le avisara por correo cuando alguien le mencionara.',
      moderation:
        'Recibe este mensaje porque pidió que se le avisara por correo de las decisiones de los moderadores sobre sus comentarios y sus buenas prácticas.',
      quotes: 'Recibe este mensaje porque pidió que se le avisara por correo cuando se citaran sus palabras.',
      digest: 'Recibe este resumen porque sigue estos temas.',
    },
    unsubscribe: 'Dejar de recibir estos correos',
    unsubscribeAll: 'Dejar de recibir avisos y resúmenes por correo',
    preferences: 'Su configuración de correo',
    colon: ': ',
    passwordReset: {
      subject: 'Elija una contraseña nueva',
      body: 'Alguien pidió restablecer la contraseña de su cuenta de Diálogo virtual. El enlace de abajo le permite elegir una nueva; sirve una sola vez, durante una hora.',
      button: 'Elegir una contraseña nueva',
      ignore: 'Si no lo pidió, ignore este mensaje: su contraseña no cambia.',
    },
    verifyEmail: {
      subject: 'Confirme su dirección de correo',
      body: 'Confirme que esta dirección es suya abriendo el enlace de abajo.',
      button: 'Confirmar mi dirección',
      ignore: 'Si no creó una cuenta en Diálogo virtual, ignore este mensaje.',
    },
    reply: { subject: '{actor} le respondió: {topic}', body: '{actor} respondió a su comentario sobre «{topic}»:', button: 'Leer la respuesta' },
    mention: { subject: '{actor} le mencionó: {topic}', body: '{actor} le mencionó en un comentario sobre «{topic}»:', button: 'Leer el comentario' },
    moderation: {
      subject: { approve: 'Su comentario está publicado', decline: 'Su comentario no se publicó', hide: 'Su comentario fue retirado' },
      body: {
        approve: 'Un moderador aprobó su comentario sobre «{topic}»: ya todos pueden leerlo.',
        decline: 'Un moderador no publicó su comentario sobre «{topic}».',
        hide: 'Un moderador retiró su comentario sobre «{topic}».',
      },
      reason: 'Motivo del moderador: {reason}',
      button: 'Abrir la discusión',
    },
    practice: {
      subject: {
        publish: 'Su buena práctica está publicada: {title}',
        return: 'Se le devolvió su buena práctica: {title}',
        unpublish: 'Su buena práctica se retiró de la biblioteca: {title}',
      },
      body: {
        publish: 'Un moderador publicó su buena práctica «{title}»: ya todos pueden encontrarla en la biblioteca.',
        return: 'Un moderador le devolvió su buena práctica «{title}». Modifíquela como indica el motivo y guárdela: entonces se envía de nuevo.',
        unpublish: 'Un moderador retiró su buena práctica «{title}» de la biblioteca.',
      },
      reason: 'Motivo del moderador: {reason}',
      button: 'Abrir su buena práctica',
    },
    quoted: {
      subject: 'Se citaron sus palabras: {topic}',
      body: 'Un moderador seleccionó estas palabras suyas sobre «{topic}» como cita para el informe del diálogo:',
      button: 'Ver su comentario',
      withdraw: 'Si no quiere esta cita en el informe, puede retirar su consentimiento con un clic; la cita queda entonces fuera de toda exportación.',
      withdrawButton: 'Retirar mi consentimiento para esta cita',
    },
    digest: {
      subject: { daily: 'Hoy en los temas que sigue', weekly: 'Esta semana en los temas que sigue' },
      body: { daily: 'Comentarios nuevos desde ayer en los temas que sigue:', weekly: 'Comentarios nuevos esta semana en los temas que sigue:' },
      newComments: { one: '{count} comentario nuevo', other: '{count} comentarios nuevos' },
      button: 'Leerlos',
    },
  },
};
