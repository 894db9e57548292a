/** The first-party cookie that tells visitors apart without keeping their IP address. */
export const VISITOR_COOKIE = 'vid';
const VISITOR_ID = /^[a-z2-7]{24}$/;

export function visitorIdFrom(cookies: Record<string, string | undefined>): string | null {
  const vid = cookies[VISITOR_COOKIE];
  return vid && VISITOR_ID.test(vid) ? vid : null;
}
