// The messages of the quoted author's page: their words as quoted, and withdrawing consent for them.
// Its keys and {placeholders} are the ones fr and es must have.
export const consentEn = {
  'consent.title': 'Your words in the report',
  'consent.signInFirst': 'Sign in with the account that wrote the comment to see this quote and decide about it.',
  'consent.intro': 'A moderator chose these words of yours, on the topic “{topic}” of the dialogue “{dialogue}”, as a quote for the dialogue’s report:',
  'consent.quoteLabel': 'The quote',
  'consent.seeComment': 'See your comment in the discussion',
  'consent.explain':
    'If you do not want these words in the report, withdraw your consent. The quote is then left out of every export of the dialogue, for good, and the moderators see that you withdrew it, with your reason if you give one. Your comment itself stays in the discussion.',
  'consent.reason': 'Your reason (optional)',
  'consent.reasonHint': 'For the moderators only. At most {max} characters.',
  'consent.submit': 'Withdraw my consent',
  'consent.done': 'Done: this quote will be left out of the report.',
  'consent.already': 'You withdrew your consent for this quote on {date}: it is left out of the report.',
  'consent.yourReason': 'Your reason: {reason}',
  'consent.notMine': 'Only the author of the quoted comment can withdraw consent for this quote.',
  'consent.notYours': 'This quote is of someone else’s words. To decide about it, sign in with the account that wrote the comment.',
  'consent.gone': 'This quote no longer exists: a moderator removed it, so it is in no report.',
} as const;
