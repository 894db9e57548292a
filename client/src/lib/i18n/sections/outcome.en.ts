// The messages of a dialogue's outcome as the public reads it: approved summaries and selected comments.
// Its keys and {placeholders} are the ones fr and es must have; `.one`/`.other` keys are plural forms.
export const outcomeEn = {
  'outcome.title': 'Outcome',
  'outcome.intro': 'What came out of the discussion.',
  'outcome.topicSummary': 'Summary of the discussion',
  'outcome.dialogueSummary': 'Summary of the dialogue',
  'outcome.approvedOn': 'Approved on {date}.',
  'outcome.quotes': 'Selected comments',
  'outcome.quotesIntro': 'Comments the moderators chose for the report, in their authors’ own words.',
  'outcome.quoteCount.one': '{count} selected comment',
  'outcome.quoteCount.other': '{count} selected comments',
} as const;
