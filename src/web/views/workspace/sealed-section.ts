/**
 * The sealed part of a source's or a person's page: their identity or name
 * and their contact. Closed by default; opened only by a form that posts to
 * the reveal address, so every reading goes through the audited reveal and
 * no sealed value is ever in a page that was merely viewed.
 */
import { html, type Html } from '../html.ts';
import { csrfField } from './workspace.layout.ts';

export interface SealedSection {
  /** What is sealed, as a heading says it: "Name and contact". */
  title: string;
  /** Whether any sealed value is recorded at all. */
  recorded: boolean;
  /** The values by label once the reveal has opened them; undefined while they stay sealed. */
  opened?: ReadonlyArray<readonly [label: string, value: string | null]> | undefined;
  /** Where the reveal form posts; null when the reader's role does not open sealed values. */
  revealAction: string | null;
  csrf: string;
}

/** The section with the opened values, the reveal form, or why neither is shown. */
export function sealedSection(section: SealedSection): Html {
  return html`<section class="sealed" aria-labelledby="sealed-heading">
  <h2 id="sealed-heading">${section.title} (sealed)</h2>
  ${section.opened ? html`<dl class="facts">${section.opened.map(([label, value]) => html`<dt>${label}</dt><dd>${value ?? '—'}</dd>`)}</dl>
  <p>This reading was written to the audit chain.</p>`
    : !section.recorded ? html`<p>None recorded.</p>`
    : section.revealAction ? html`<form method="post" action="${section.revealAction}">${csrfField(section.csrf)}<p>Opening them is written to the audit chain.</p><button type="submit" class="primary">Show ${section.title.toLowerCase()}</button></form>`
    : html`<p>Sealed. Your role does not open them.</p>`}
</section>`;
}
