// The messages of a long thread: its order, folded sub-threads, links to single comments, the way
// to the composer. Its keys and {placeholders} are the ones fr and es must have; `.one`/`.other` keys are plural forms.
export const threadEn = {
  'thread.order': 'Order of the comments',
  'thread.order.oldest': 'Oldest first',
  'thread.order.newest': 'Newest first',
  'thread.showReplies.one': 'Show {count} reply',
  'thread.showReplies.other': 'Show {count} replies',
  'thread.hideReplies': 'Hide replies',
  'thread.write': 'Write a comment',
  'thread.permalink': 'link to this comment',
  'thread.copyLink': 'Copy link',
  'thread.copyLinkOf': 'Copy link to the comment by {name}',
  'thread.linkCopied': 'Link copied.',
  'thread.windowNote': 'Comments are put on the page as you scroll to them.',
  'thread.loadingMore': 'Loading more comments…',
  'thread.missing': 'The comment this link points to is not shown here: it may have been withdrawn or removed.',
  'thread.submitPractice': 'Submit as a good practice',
  'thread.submitPracticeOf': 'Submit as a good practice: the comment by {name}',
} as const;
