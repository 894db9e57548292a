import type { Ctx } from '../context.ts';
import type { App } from '../types.ts';

/** One-click unsubscribe and the organizers' view of the outbox (placeholder: its helper fills it). */
export async function mailRoutes(_app: App, _options: { ctx: Ctx }): Promise<void> {}
