// The messages of a dialogue's page about itself: when it runs, in which languages, how it is
// moderated. Its keys and {placeholders} are the ones fr and es must have.
export const aboutEn = {
  'about.window': 'When',
  'about.yourTime': 'In your time zone ({zone})',
  'about.dialogueTime': 'In the dialogue’s time zone ({zone})',
  'about.languages': 'Languages',
  'about.languagesBody': 'Comments may be written in {languages}. The interface is available in English, French and Spanish.',
  'about.moderation': 'Moderation',
  'about.moderation.post':
    'Comments appear as soon as they are posted. Moderators read them afterwards and remove those that break the rules, leaving a note in their place.',
  'about.moderation.pre': 'Every comment is read by a moderator before it appears. Until it is approved, only its author sees it, marked as waiting.',
  'about.editWindow': 'Authors can edit or withdraw their comments during the {minutes} after posting.',
  'about.reports':
    'If a comment seems offensive, off topic or reveals personal data, use “Report” under it. Moderators review every report; the author is not told who reported it.',
  'about.host': 'The dialogue takes place on the forum of {host}.',
  'about.back': 'Back to the topics',
} as const;
