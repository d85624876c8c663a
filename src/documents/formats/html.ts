/** HTML documents, parsed with rehype: their text and headings, never their markup. */
import type { Element, ElementContent, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import type { Block } from '../blocks.ts';

const parser = unified().use(rehypeParse);

// Never document text: code, embedded objects, controls and navigation menus.
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg', 'iframe', 'object', 'button', 'select', 'form', 'nav']);
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'header', 'hr', 'html', 'li', 'main', 'ol', 'p', 'pre',
  'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
]);
const HEADING = /^h([1-6])$/;

function isBlock(node: ElementContent): node is Element {
  return node.type === 'element' && BLOCKS.has(node.tagName);
}

function hasBlockChild(node: Element): boolean {
  return node.children.some((child) => child.type === 'element' && (BLOCKS.has(child.tagName) || hasBlockChild(child)));
}

/** An element's text, leaving out skipped elements however deep they are nested. */
function textOf(node: Element): string {
  const prune = (element: Element): Element => ({
    ...element,
    children: element.children
      .filter((child) => !(child.type === 'element' && SKIPPED.has(child.tagName)))
      .map((child) => (child.type === 'element' ? prune(child) : child)),
  });
  return toText(prune(node)).trim();
}

function walk(node: Element, blocks: Block[]): void {
  let inline: ElementContent[] = [];
  const flush = (): void => {
    if (inline.length === 0) return;
    const text = textOf({ type: 'element', tagName: 'p', properties: {}, children: inline });
    if (text !== '') blocks.push({ kind: 'paragraph', text });
    inline = [];
  };
  for (const child of node.children) {
    if (child.type === 'element' && SKIPPED.has(child.tagName)) continue;
    if (!isBlock(child)) {
      if (child.type !== 'comment') inline.push(child);
      continue;
    }
    flush();
    const heading = HEADING.exec(child.tagName);
    if (heading) {
      const text = textOf(child);
      if (text !== '') blocks.push({ kind: 'heading', depth: Number(heading[1]), text });
    } else if (child.tagName === 'tr') {
      const cells = child.children.filter(isBlock).map(textOf);
      if (cells.some((cell) => cell !== '')) blocks.push({ kind: 'paragraph', text: cells.join(' | ') });
    } else if (hasBlockChild(child)) {
      walk(child, blocks);
    } else {
      const text = textOf(child);
      if (text !== '') blocks.push({ kind: 'paragraph', text });
    }
  }
  flush();
}

function findTitle(tree: Root): string | null {
  let title: string | null = null;
  const visit = (nodes: Root['children'] | ElementContent[]): void => {
    for (const node of nodes) {
      if (title !== null || node.type !== 'element') continue;
      if (node.tagName === 'title') title = toText(node).trim() || null;
      else visit(node.children);
    }
  };
  visit(tree.children);
  return title;
}

/** Reads HTML into blocks; a page with no `<h1>` takes its `<title>` as its first heading. */
export function readHtml(text: string): Block[] {
  const tree = parser.parse(text);
  const blocks: Block[] = [];
  const root: Element = { type: 'element', tagName: 'body', properties: {}, children: tree.children.filter((n): n is ElementContent => n.type === 'element' || n.type === 'text') };
  walk(root, blocks);
  const title = findTitle(tree);
  if (title && !blocks.some((block) => block.kind === 'heading' && block.depth === 1)) {
    blocks.unshift({ kind: 'heading', depth: 1, text: title });
  }
  return blocks;
}
