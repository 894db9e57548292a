import type { Translation } from '../messages.ts';
import type { accountEn } from './account.en.ts';

export const accountEs: Translation<typeof accountEn> = {
  'account.forgot.title': '¿Olvidó su contraseña?',
  'account.forgot.intro':
    'Indique la dirección de correo electrónico de su cuenta. Le enviaremos un enlace para elegir una contraseña nueva; el enlace es válido durante una hora.',
  'account.forgot.submit': 'Enviarme el enlace',
  'account.forgot.sentTitle': 'Revise su correo',
  'account.forgot.sent':
    'Si existe una cuenta para {email}, le hemos enviado un enlace para elegir una contraseña nueva. Es válido durante una hora. ¿No ha llegado nada? Mire en la carpeta de correo no deseado o vuelva a pedirlo dentro de unos minutos.',
  'account.forgot.again': 'Usar otra dirección',
  'account.backToSignIn': 'Volver a iniciar sesión',

  'account.reset.title': 'Elija una contraseña nueva',
  'account.reset.intro': 'A partir de ahora iniciará sesión con esta contraseña. Se cerrará la sesión en todos los dispositivos conectados a su cuenta.',
  'account.reset.submit': 'Guardar la contraseña nueva',
  'account.reset.done': 'Su contraseña ha cambiado. Inicie sesión con su contraseña nueva.',
  'account.reset.invalid': 'Este enlace ya no funciona: ya se usó o caducó (un enlace es válido durante una hora). Pida uno nuevo.',
  'account.reset.noToken': 'Esta página se abre desde el enlace del correo que le enviamos.',
  'account.reset.askAgain': 'Pedir un enlace nuevo',

  'account.verify.title': 'Confirme su dirección de correo',
  'account.verify.intro': 'Pulse el botón para confirmar que esta dirección de correo es suya.',
  'account.verify.submit': 'Confirmar mi dirección',
  'account.verify.done': 'Gracias: su dirección de correo está confirmada.',
  'account.verify.invalid': 'Este enlace ya no funciona: ya se usó o caducó (un enlace es válido durante una semana). Pida uno nuevo desde su perfil.',
  'account.verify.toProfile': 'Ir a su perfil',
  'account.verify.toDialogues': 'Ir a los diálogos',

  'account.email.title': 'Su dirección de correo',
  'account.email.verified': 'Confirmada.',
  'account.email.unverified': 'Aún no confirmada. Algunos diálogos piden una dirección confirmada antes de publicar.',
  'account.email.send': 'Enviarme el enlace',
  'account.email.sent': 'Hemos enviado un enlace a {email}. Ábralo para confirmar su dirección.',
  'account.email.already': 'Su dirección ya está confirmada.',

  'account.prefs.title': 'Qué le enviamos por correo',
  'account.prefs.intro': 'Siempre le escribimos sobre su propia cuenta, por ejemplo para una contraseña nueva. Elija de qué más quiere enterarse.',
  'account.prefs.when': 'Escribirme cuando',
  'account.prefs.replies': 'alguien responde a uno de mis comentarios',
  'account.prefs.mentions': 'alguien me menciona (@nombre)',
  'account.prefs.moderation': 'un moderador decide sobre uno de mis comentarios',
  'account.prefs.quotes': 'un moderador cita mis palabras en un informe',
  'account.prefs.digest': 'Novedades de los temas que sigo',
  'account.prefs.digest.off': 'Nunca',
  'account.prefs.digest.daily': 'Una vez al día',
  'account.prefs.digest.weekly': 'Una vez a la semana',
  'account.prefs.save': 'Guardar los ajustes de correo',
  'account.prefs.saved': 'Sus ajustes de correo se han guardado.',

  'account.data.title': 'Sus datos',
  'account.data.intro':
    'Descargue todo lo que el foro guarda sobre usted en un archivo JSON: su perfil, sus comentarios y sus versiones anteriores, sus denuncias, notificaciones y seguimientos, y las citas de sus palabras.',
  'account.data.download': 'Descargar mis datos',

  'account.delete.title': 'Eliminar su cuenta',
  'account.delete.intro': 'Se eliminan su perfil, su dirección de correo y sus ajustes, y se cierra su sesión en todas partes. No se puede deshacer.',
  'account.delete.comments': 'Sus comentarios',
  'account.delete.keep': 'Conservarlos, firmados «Exparticipante»',
  'account.delete.keepHint':
    'Las conversaciones siguen teniendo sentido para los demás; nada muestra ya su nombre. Los informes solo pueden citarlos de forma anónima.',
  'account.delete.withdraw': 'Retirarlos todos',
  'account.delete.withdrawHint': 'Cada uno se sustituye por una nota de que fue retirado; las respuestas se mantienen.',
  'account.delete.submit': 'Eliminar mi cuenta',
  'account.delete.really': '¿Eliminar su cuenta definitivamente?',
  'account.delete.reallyKeep': 'Sus comentarios se mantienen, firmados «Exparticipante». No se puede deshacer.',
  'account.delete.reallyWithdraw': 'Se retiran todos sus comentarios. No se puede deshacer.',
  'account.delete.yes': 'Sí, eliminar mi cuenta',
  'account.delete.lastOrganizer': 'Usted es el último organizador: nombre organizador a otra persona antes de irse.',
  'account.delete.done': 'Su cuenta se ha eliminado. Gracias por participar.',

  'account.participate.unverified':
    'Este diálogo pide a los participantes que confirmen su dirección de correo antes de publicar. Abra el enlace que le enviamos o pida uno nuevo.',
  'account.participate.sent': 'Hemos enviado un enlace a {email}. Ábralo y vuelva aquí.',
  'account.participate.check': 'Ya la he confirmado',
  'account.participate.stillUnverified': 'Su dirección aún no está confirmada: abra primero el enlace del correo.',

  'account.settings.requireVerified': 'Solo pueden publicar los participantes con una dirección de correo confirmada',
  'account.settings.requireVerifiedHint': 'Todos reciben un enlace al registrarse y pueden pedir uno nuevo. A los moderadores no se les pide.',
};
