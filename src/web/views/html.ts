/**
 * HTML built with a tagged template that escapes every interpolated value,
 * unless the value is already Html (built the same way). Escaping is the
 * default; the only way to put markup in a page is to write it in a template.
 */
import { escapeHtml } from '../../archive/document.presenter.ts';

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Interpolation = Html | string | number | boolean | null | undefined | Interpolation[];

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** Builds escaped HTML from a template literal. */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1]!;
  return new Html(out);
}

/** Marks markup produced by a trusted, escaping producer (a presenter's snippet) as Html. */
export function trusted(markup: string): Html {
  return new Html(markup);
}
