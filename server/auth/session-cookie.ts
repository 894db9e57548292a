import type { FastifyReply } from 'fastify';
import { SESSION_COOKIE } from './sessions.ts';

const secure = (publicOrigin: string): boolean => publicOrigin.startsWith('https:');

export function setSessionCookie(reply: FastifyReply, publicOrigin: string, token: string, expiresAt: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: secure(publicOrigin),
    path: '/',
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(reply: FastifyReply, publicOrigin: string): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: secure(publicOrigin), path: '/' });
}
