/**
 * The frame every list of records shares — sources, reports, events, people:
 * how many the reader's compartments hold, the filters (a GET form, so a
 * filtered list has an address), the button to record one more, and the
 * table, which scrolls sideways on a small screen rather than squeezing.
 */
import { html, type Html } from '../html.ts';

export interface RecordList {
  /** "Events": the page's heading. */
  title: string;
  /** "/workspace/events": where the filters are sent, and where "Clear" leads. */
  path: string;
  total: number;
  /** How one record and several are called: ['event', 'events']. */
  noun: readonly [one: string, many: string];
  /** Whether a filter is in use, so the count says how many match. */
  filtered: boolean;
  /** Said after the count: "Names are sealed; …". */
  note?: string;
  /** The filter fields, one to a line. */
  filters: Html;
  /** "Record an event": the button to `path/new`, for a reader who may write; null for one who may not. */
  recordLabel: string | null;
  /** The table's column headings. */
  columns: readonly string[];
  /** One `<tr>` a record, its first cell a row heading. */
  rows: Html[];
}

/** A list page's body up to its table; the page adds paging and anything after. */
export function recordList(list: RecordList): Html {
  const counted = `${list.total} ${list.total === 1 ? list.noun[0] : list.noun[1]} in your compartments${list.filtered ? ' match' : ''}.`;
  return html`<h1>${list.title}</h1>
<p>${list.note ? `${counted} ${list.note}` : counted}</p>
<form method="get" action="${list.path}" role="search" class="filters">
  ${list.filters}
  <p><button type="submit" class="primary">Find</button> <a href="${list.path}">Clear</a></p>
</form>
${list.recordLabel ? html`<p><a class="button" href="${list.path}/new">${list.recordLabel}</a></p>` : ''}
<div class="table-wrap" tabindex="0" role="region" aria-label="Table (scrolls sideways on small screens)"><table class="records">
<thead><tr>${list.columns.map((column) => html`<th scope="col">${column}</th>`)}</tr></thead>
<tbody>${list.rows}</tbody>
</table></div>`;
}
