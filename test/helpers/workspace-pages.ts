/**
 * The workspace pages as their integration tests meet them: the web app with
 * two compartments, three people signed in — a researcher and a viewer of
 * East Asia, and a researcher of the Americas who must see none of it — and
 * the gazetteer loaded; then what a reader sees of a page, where a form sent
 * the browser, and who the services take a browser's session to be.
 */
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Actor } from '../../src/access/policy.ts';
import { signedIn, type Browser } from './session.ts';
import { createWebApp, mainOf, visibleText, type WebApp } from './web.ts';

export interface WorkspacePages {
  web: WebApp;
  researcher: Browser;
  viewer: Browser;
  outsider: Browser;
}

/** Builds the app and signs the three in. Slow (the gazetteer): call it in a beforeAll with a long time-out. */
export async function openWorkspacePages(): Promise<WorkspacePages> {
  const web = await createWebApp();
  for (const name of ['East Asia', 'Americas']) await web.vigil.users.addCompartment({ id: null, label: 'test' }, name);
  const researcher = await signedIn(web, { email: 'rita@example.org', role: 'researcher', compartments: ['East Asia'] });
  const viewer = await signedIn(web, { email: 'vic@example.org', role: 'viewer', compartments: ['East Asia'] });
  const outsider = await signedIn(web, { email: 'oscar@example.org', role: 'researcher', compartments: ['Americas'] });
  // The gazetteer fills its tables on first use; once per file, here, rather than inside a test.
  await web.vigil.places.ensureLoaded();
  return { web, researcher, viewer, outsider };
}

/** What a reader sees in a page's main part. */
export const seen = (response: LightMyRequestResponse): string => visibleText(mainOf(response.body));

/** The reference a create or update redirected to, under `/workspace/<path>/`. */
export function redirectedTo(response: LightMyRequestResponse, path: string): string {
  expect(response.statusCode, response.body.slice(0, 2000)).toBe(303);
  const location = String(response.headers.location);
  expect(location.startsWith(`/workspace/${path}/`)).toBe(true);
  return location.slice(`/workspace/${path}/`.length).split('#')[0]!;
}

/** The actor the services see behind a browser's session, for setting up records without the forms. */
export async function actorOf(web: WebApp, browser: Browser): Promise<Actor> {
  return (await web.vigil.signIn.resolve(browser.cookies.get('vigil_session')))!.actor!;
}
