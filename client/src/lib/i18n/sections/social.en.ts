// The messages of staying in touch: the notification bell's replies, mentions and quotes, following
// a topic, and @mention suggestions in the composer.
// Its keys and {placeholders} are the ones fr and es must have; `.one`/`.other` keys are plural forms.
export const socialEn = {
  'social.empty':
    'Nothing yet. When someone replies to you or mentions you, quotes your words, or a moderator decides on one of your comments, you are told here.',
  'social.reply': '{name} replied to you',
  'social.mention': '{name} mentioned you',
  'social.someone': 'A former participant',
  'social.quoted': 'Your words were quoted:',
  'social.withdraw': 'Withdraw my consent',
  'social.withdrawing': 'Withdrawing…',
  'social.withdrawn': 'Consent withdrawn: this quote is left out of every export.',
  'social.withdrawFailed': 'Your consent could not be withdrawn just now. Please try again.',
  'social.practicePublished': 'Your good practice was published in the library.',
  'social.practiceReturned': 'Your good practice was returned to you: {reason}',
  'social.practiceReturnedNoReason': 'Your good practice was returned to you.',
  'social.practiceUnpublished': 'Your good practice was taken out of the library: {reason}',
  'social.practiceUnpublishedNoReason': 'Your good practice was taken out of the library.',
  'social.follow': 'Follow',
  'social.following': 'Following',
  'social.followHint': 'Followed topics’ new comments come in your e-mail digest.',
  'social.followed': 'You follow this topic.',
  'social.unfollowed': 'You no longer follow this topic.',
  'social.followFailed': 'This could not be changed just now. Please try again.',
  'social.mentionList': 'People to mention',
  'social.mentionCount.one': '{count} person to mention. Up and down arrows to choose, Enter to insert, Escape to close.',
  'social.mentionCount.other': '{count} people to mention. Up and down arrows to choose, Enter to insert, Escape to close.',
} as const;
