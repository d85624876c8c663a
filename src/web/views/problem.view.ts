/** Pages for what went wrong: a missing page that helps the reader on, and an error page without internals. */
import { html } from './html.ts';
import { layout } from './layout.ts';

/** The 404 page. */
export function notFoundPage(path: string): string {
  const body = html`<h1>Page not found</h1>
<p>There is no page at <code>${path}</code>. It may have been mistyped, or the document may be listed under another address.</p>
<ul>
  <li>Search for it with the box above — an index number in any spelling (<code>ASA 17/013/2002</code>) opens its document.</li>
  <li><a href="/search?sort=date">Browse every document, newest first</a>.</li>
  <li><a href="/">Go to the front page</a>.</li>
</ul>`;
  return layout({ title: 'Page not found', body, noindex: true });
}

/** The page shown for an error; it names no internals. */
export function errorPage(status: number, message: string): string {
  const body = html`<h1>${status >= 500 ? 'Something went wrong' : 'This request cannot be answered'}</h1>
<p>${message}</p>
<p><a href="/">Go to the front page</a> or try again in a moment.</p>`;
  return layout({ title: 'Error', body, noindex: true });
}
