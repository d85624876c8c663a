/** Markdown documents, parsed with remark (CommonMark and GitHub tables). */
import type { Nodes, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Block } from '../blocks.ts';

const parser = unified().use(remarkParse).use(remarkGfm);

function plainText(node: Nodes): string {
  if (node.type === 'break') return '\n';
  if (node.type === 'html') return node.value.replace(/<[^>]*>/g, '');
  if ('value' in node) return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  return '';
}

function collect(nodes: RootContent[], blocks: Block[]): void {
  for (const node of nodes) {
    switch (node.type) {
      case 'heading':
        blocks.push({ kind: 'heading', depth: node.depth, text: plainText(node).trim() });
        break;
      case 'list':
      case 'listItem':
      case 'blockquote':
        collect(node.children, blocks);
        break;
      case 'table':
        for (const row of node.children) {
          blocks.push({ kind: 'paragraph', text: row.children.map((cell) => plainText(cell).trim()).join(' | ') });
        }
        break;
      case 'thematicBreak':
      case 'definition':
      case 'yaml':
        break;
      default: {
        const text = plainText(node).trim();
        if (text !== '') blocks.push({ kind: 'paragraph', text });
      }
    }
  }
}

/** Reads Markdown into blocks: its headings and the plain text of every other block. */
export function readMarkdown(text: string): Block[] {
  const tree = parser.parse(text);
  const blocks: Block[] = [];
  collect(tree.children, blocks);
  return blocks.filter((block) => block.text !== '');
}
