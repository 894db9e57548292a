// The messages every organizer's and moderator's screen shares: the way between them, who may
// see them, and the server's refusals. Loaded with those screens (./manage.ts).
// Its keys and {placeholders} are the ones the French and Spanish versions must have; keys
// ending in .one/.other are plural forms.
export const manageEn = {
  'manage.navLabel': 'Manage this dialogue',
  'manage.entryTitle': 'Manage this dialogue',
  'manage.entryModerator': 'You moderate this dialogue.',
  'manage.entryOrganizer': 'You organize this dialogue.',
  'manage.topics': 'Topics',
  'manage.texts': 'Texts',
  'manage.curation': 'Selected comments',
  'manage.summaries': 'Summaries',
  'manage.stats': 'Statistics',
  'manage.export': 'Export',
  'manage.settings': 'Settings',
  'manage.queue': 'Moderation queue',
  'manage.onlyModerators': 'This page is for the moderators and organizers of this dialogue.',
  'manage.onlyOrganizers': 'This page is for the organizers of this dialogue.',
  'manage.signInFirst': 'Sign in as a moderator or an organizer of this dialogue to see this page.',
  'manage.backToDialogue': 'Back to the dialogue',
  'manageError.consent': 'The author does not allow being quoted this way. Choose one of the attributions still offered.',
  'manageError.excerpt': 'The selected text was not found in the comment. Select one passage of the comment’s own text.',
  'manageError.notPublished': 'This comment is no longer published, so it cannot be quoted.',
  'manageError.conflict': 'Someone else saved a new version while you were editing.',
  'manageError.forbidden': 'You are not allowed to do this here.',
  'manageError.notFound': 'This no longer exists: it may have been removed meanwhile. Reload the page.',
  'manageError.invalid': 'This was not accepted. Check it and try again.',
  'manageError.generic': 'Something went wrong on our side. Nothing was changed; try again in a moment.',
} as const;
