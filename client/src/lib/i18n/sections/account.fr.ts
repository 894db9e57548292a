import type { Translation } from '../messages.ts';
import type { accountEn } from './account.en.ts';

// French typography: a no-break space (\u00a0) before a colon, a question mark and inside guillemets.
export const accountFr: Translation<typeof accountEn> = {
  'account.forgot.title': 'Mot de passe oublié\u00a0?',
  'account.forgot.intro':
    'Indiquez l’adresse e-mail de votre compte. Nous y enverrons un lien pour choisir un nouveau mot de passe\u00a0; le lien est valable une heure.',
  'account.forgot.submit': 'M’envoyer le lien',
  'account.forgot.sentTitle': 'Consultez votre messagerie',
  'account.forgot.sent':
    'Si un compte existe pour {email}, nous y avons envoyé un lien pour choisir un nouveau mot de passe. Il est valable une heure. Rien reçu\u00a0? Regardez dans vos indésirables, ou redemandez dans quelques minutes.',
  'account.forgot.again': 'Utiliser une autre adresse',
  'account.backToSignIn': 'Retour à la connexion',

  'account.reset.title': 'Choisissez un nouveau mot de passe',
  'account.reset.intro': 'Vous vous connecterez désormais avec ce mot de passe. Tous les appareils connectés à votre compte sont déconnectés.',
  'account.reset.submit': 'Enregistrer le nouveau mot de passe',
  'account.reset.done': 'Votre mot de passe est changé. Connectez-vous avec votre nouveau mot de passe.',
  'account.reset.invalid': 'Ce lien ne fonctionne plus\u00a0: il a déjà servi, ou il a expiré (un lien est valable une heure). Demandez-en un nouveau.',
  'account.reset.noToken': 'Cette page s’ouvre depuis le lien de l’e-mail que nous vous avons envoyé.',
  'account.reset.askAgain': 'Demander un nouveau lien',

  'account.verify.title': 'Confirmez votre adresse e-mail',
  'account.verify.intro': 'Appuyez sur le bouton pour confirmer que cette adresse e-mail est la vôtre.',
  'account.verify.submit': 'Confirmer mon adresse',
  'account.verify.done': 'Merci\u00a0: votre adresse e-mail est confirmée.',
  'account.verify.invalid':
    'Ce lien ne fonctionne plus\u00a0: il a déjà servi, ou il a expiré (un lien est valable une semaine). Demandez-en un nouveau depuis votre profil.',
  'account.verify.toProfile': 'Aller à votre profil',
  'account.verify.toDialogues': 'Aller aux dialogues',

  'account.email.title': 'Votre adresse e-mail',
  'account.email.verified': 'Confirmée.',
  'account.email.unverified': 'Pas encore confirmée. Certains dialogues demandent une adresse confirmée avant de publier.',
  'account.email.send': 'M’envoyer le lien',
  'account.email.sent': 'Nous avons envoyé un lien à {email}. Ouvrez-le pour confirmer votre adresse.',
  'account.email.already': 'Votre adresse est déjà confirmée.',

  'account.prefs.title': 'Ce que nous vous envoyons par e-mail',
  'account.prefs.intro':
    'Nous vous écrivons toujours au sujet de votre compte lui-même, par exemple pour un nouveau mot de passe. Choisissez ce dont vous voulez être informé(e) en plus.',
  'account.prefs.when': 'M’écrire quand',
  'account.prefs.replies': 'quelqu’un répond à l’un de mes commentaires',
  'account.prefs.mentions': 'quelqu’un me mentionne (@nom)',
  'account.prefs.moderation': 'un modérateur décide au sujet de l’un de mes commentaires',
  'account.prefs.quotes': 'un modérateur cite mes propos dans un rapport',
  'account.prefs.digest': 'Nouvelles des sujets que je suis',
  'account.prefs.digest.off': 'Jamais',
  'account.prefs.digest.daily': 'Une fois par jour',
  'account.prefs.digest.weekly': 'Une fois par semaine',
  'account.prefs.save': 'Enregistrer les réglages e-mail',
  'account.prefs.saved': 'Vos réglages e-mail sont enregistrés.',

  'account.data.title': 'Vos données',
  'account.data.intro':
    'Téléchargez tout ce que le forum conserve à votre sujet, dans un fichier JSON\u00a0: votre profil, vos commentaires et leurs versions antérieures, vos signalements, notifications et abonnements, et les citations de vos propos.',
  'account.data.download': 'Télécharger mes données',

  'account.delete.title': 'Supprimer votre compte',
  'account.delete.intro': 'Votre profil, votre adresse e-mail et vos réglages sont supprimés, et vous êtes déconnecté(e) partout. Cette action est définitive.',
  'account.delete.comments': 'Vos commentaires',
  'account.delete.keep': 'Les conserver, signés «\u00a0Ancien(ne) participant(e)\u00a0»',
  'account.delete.keepHint':
    'Les discussions gardent leur sens pour les autres\u00a0; rien n’affiche plus votre nom. Les rapports ne peuvent les citer qu’anonymement.',
  'account.delete.withdraw': 'Les retirer tous',
  'account.delete.withdrawHint': 'Chacun est remplacé par une mention de retrait\u00a0; les réponses restent.',
  'account.delete.submit': 'Supprimer mon compte',
  'account.delete.really': 'Supprimer votre compte définitivement\u00a0?',
  'account.delete.reallyKeep': 'Vos commentaires restent, signés «\u00a0Ancien(ne) participant(e)\u00a0». Cette action est définitive.',
  'account.delete.reallyWithdraw': 'Tous vos commentaires sont retirés. Cette action est définitive.',
  'account.delete.yes': 'Oui, supprimer mon compte',
  'account.delete.lastOrganizer': 'Vous êtes le dernier organisateur\u00a0: nommez quelqu’un d’autre organisateur avant de partir.',
  'account.delete.done': 'Votre compte est supprimé. Merci de votre participation.',

  'account.participate.unverified':
    'Ce dialogue demande aux participants de confirmer leur adresse e-mail avant de publier. Ouvrez le lien que nous vous avons envoyé, ou demandez-en un nouveau.',
  'account.participate.sent': 'Nous avons envoyé un lien à {email}. Ouvrez-le, puis revenez ici.',
  'account.participate.check': 'Je l’ai confirmée',
  'account.participate.stillUnverified': 'Votre adresse n’est pas encore confirmée\u00a0: ouvrez d’abord le lien de l’e-mail.',

  'account.settings.requireVerified': 'Seuls les participants à l’adresse e-mail confirmée peuvent publier',
  'account.settings.requireVerifiedHint': 'Chacun reçoit un lien à l’inscription et peut en demander un nouveau. Les modérateurs ne sont pas concernés.',
};
