import type { Ctx } from '../context.ts';
import type { App } from '../types.ts';

/** Following topics, and the names to @mention in one (placeholder: its helper fills it). */
export async function followRoutes(_app: App, _options: { ctx: Ctx }): Promise<void> {}
