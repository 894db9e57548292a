// The messages of the account's screens: a forgotten password, a confirmed address, the e-mail
// settings, my data, deleting my account, and the notice of a dialogue that asks for a confirmed
// address. Its keys and {placeholders} are the ones fr and es must have.
export const accountEn = {
  'account.forgot.title': 'Forgot your password?',
  'account.forgot.intro': 'Give the e-mail address of your account. We will send it a link to choose a new password; the link works for one hour.',
  'account.forgot.submit': 'Send me the link',
  'account.forgot.sentTitle': 'Check your mail',
  'account.forgot.sent':
    'If an account exists for {email}, we sent it a link to choose a new password. It works for one hour. Nothing there? Look in your spam folder, or ask again in a few minutes.',
  'account.forgot.again': 'Use another address',
  'account.backToSignIn': 'Back to sign in',

  'account.reset.title': 'Choose a new password',
  'account.reset.intro': 'You will sign in with this password from now on. Every device signed in to your account is signed out.',
  'account.reset.submit': 'Save the new password',
  'account.reset.done': 'Your password is changed. Sign in with your new password.',
  'account.reset.invalid': 'This link does not work any more: it was used already, or it expired (a link works for one hour). Ask for a new one.',
  'account.reset.noToken': 'This page opens from the link in the e-mail we sent you.',
  'account.reset.askAgain': 'Ask for a new link',

  'account.verify.title': 'Confirm your e-mail address',
  'account.verify.intro': 'Press the button to confirm that this e-mail address is yours.',
  'account.verify.submit': 'Confirm my address',
  'account.verify.done': 'Thank you: your e-mail address is confirmed.',
  'account.verify.invalid':
    'This link does not work any more: it was used already, or it expired (a link works for a week). Ask for a new one from your profile.',
  'account.verify.toProfile': 'Go to your profile',
  'account.verify.toDialogues': 'Go to the dialogues',

  'account.email.title': 'Your e-mail address',
  'account.email.verified': 'Confirmed.',
  'account.email.unverified': 'Not confirmed yet. Some dialogues ask for a confirmed address before you post.',
  'account.email.send': 'Send me the link',
  'account.email.sent': 'We sent a link to {email}. Open it to confirm your address.',
  'account.email.already': 'Your address is confirmed already.',

  'account.prefs.title': 'What we e-mail you',
  'account.prefs.intro': 'We always e-mail you about your account itself, such as a new password. Choose what else you want to hear about.',
  'account.prefs.when': 'E-mail me when',
  'account.prefs.replies': 'someone replies to one of my comments',
  'account.prefs.mentions': 'someone mentions me (@name)',
  'account.prefs.moderation': 'a moderator decides on one of my comments',
  'account.prefs.quotes': 'a moderator quotes my words for a report',
  'account.prefs.digest': 'News of the topics I follow',
  'account.prefs.digest.off': 'Never',
  'account.prefs.digest.daily': 'Once a day',
  'account.prefs.digest.weekly': 'Once a week',
  'account.prefs.save': 'Save e-mail settings',
  'account.prefs.saved': 'Your e-mail settings are saved.',

  'account.data.title': 'Your data',
  'account.data.intro':
    'Download everything the forum stores about you as a JSON file: your profile, your comments and their earlier versions, your reports, notifications and follows, and the quotes of your words.',
  'account.data.download': 'Download my data',

  'account.delete.title': 'Delete your account',
  'account.delete.intro': 'Your profile, your e-mail address and your settings are deleted, and you are signed out everywhere. This cannot be undone.',
  'account.delete.comments': 'Your comments',
  'account.delete.keep': 'Keep them, signed “Former participant”',
  'account.delete.keepHint': 'The discussions still make sense to others; nothing shows your name any more. Reports may quote them only anonymously.',
  'account.delete.withdraw': 'Withdraw them all',
  'account.delete.withdrawHint': 'Each is replaced by a note that it was withdrawn; the replies to it stay.',
  'account.delete.submit': 'Delete my account',
  'account.delete.really': 'Delete your account for good?',
  'account.delete.reallyKeep': 'Your comments stay, signed “Former participant”. This cannot be undone.',
  'account.delete.reallyWithdraw': 'Every comment of yours is withdrawn. This cannot be undone.',
  'account.delete.yes': 'Yes, delete my account',
  'account.delete.lastOrganizer': 'You are the last organizer: make someone else an organizer before you leave.',
  'account.delete.done': 'Your account is deleted. Thank you for taking part.',

  'account.participate.unverified':
    'This dialogue asks participants to confirm their e-mail address before posting. Open the link we sent you, or ask for a new one.',
  'account.participate.sent': 'We sent a link to {email}. Open it, then come back here.',
  'account.participate.check': 'I have confirmed it',
  'account.participate.stillUnverified': 'Your address is not confirmed yet: open the link in the e-mail first.',

  'account.settings.requireVerified': 'Only participants with a confirmed e-mail address may post',
  'account.settings.requireVerifiedHint': 'Everyone is sent a link when they register, and can ask for a new one. Moderators are not asked.',
} as const;
