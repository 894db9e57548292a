import { IdParams } from '../../shared/common.ts';
import { PeopleList, PeopleQuery, Person, RoleChangeBody } from '../../shared/users.ts';
import type { Ctx } from '../context.ts';
import { errors } from '../http.ts';
import { requireRole } from '../plugins/auth.ts';
import type { App } from '../types.ts';
import { changeRole, findPeople } from './people.service.ts';

/** Organizers find people, see what they did, and make them organizers or participants again. */
export async function peopleRoutes(app: App, { ctx }: { ctx: Ctx }): Promise<void> {
  const organizer = requireRole('organizer');

  app.get(
    '/api/users',
    {
      onRequest: organizer,
      schema: {
        tags: ['people'],
        summary:
          'People by name: `q` is part of a display name or e-mail address, any case; `role=moderator` also finds anyone appointed to a dialogue. Each with e-mail, appointments (`moderates`), comments in any status and suspension; cursor-paginated',
        querystring: PeopleQuery,
        response: { 200: PeopleList, ...errors(400, 401, 403) },
      },
    },
    async (request) => findPeople(ctx, request.viewer!, request.query),
  );

  app.patch(
    '/api/users/:id',
    {
      onRequest: organizer,
      schema: {
        tags: ['people'],
        summary:
          'Make someone an organizer, or a participant again (a moderator while appointed to a dialogue); the last organizer stays one (409 `last_organizer`). Audited as `user.role`; their open pages get the new rights at once',
        params: IdParams,
        body: RoleChangeBody,
        response: { 200: Person, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => changeRole(ctx, request.viewer!, request.params.id, request.body),
  );
}
