import type { Ctx } from '../context.ts';
import type { App } from '../types.ts';

/** Password reset, address verification, my data, deleting my account (placeholder: its helper fills it). */
export async function accountRoutes(_app: App, _options: { ctx: Ctx }): Promise<void> {}
