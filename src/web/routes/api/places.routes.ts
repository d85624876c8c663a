/** /api/v1/places: the offline gazetteer, to find the `placeId` of an event or a status. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { PlaceInputError } from '../../../places/place.ts';
import { RecordInputError } from '../../../workspace/record.ts';
import { recordRouteOptions } from './record-api.ts';
import { PlaceList, PlaceQuery } from './record.schemas.ts';

export function registerPlaceApiRoutes(app: FastifyInstance): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const options = recordRouteOptions(app, 'places');

  api.get('/api/v1/places', options('records.read', {
    summary: 'Places in the gazetteer by name',
    description: 'Countries, divisions and cities by English or native name: whole names first, then names that begin with `q`, then names with a word that does, then names that contain it. Each result\'s `id` is a `placeId` for events and statuses. Shown with the data\'s licence attribution.',
    querystring: PlaceQuery,
    response: { 200: PlaceList },
  }), async (request) => {
    const { q, country, kind, limit } = request.query;
    const results = await app.vigil.places.search(q, { country, kind: kind as 'country' | 'division' | 'city' | undefined, limit }).catch((error: unknown) => {
      // A country code that names no country is the caller's input, answered like any other.
      if (error instanceof PlaceInputError) throw new RecordInputError(error.message, error.field);
      throw error;
    });
    return { results, attribution: app.vigil.places.attribution() };
  });
}
