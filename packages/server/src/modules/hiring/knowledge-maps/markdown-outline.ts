import { TreeFormatError, rootOf, type TreeNode } from './tree.ts';

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const LIST_ITEM = /^( *)(?:[-*+]|\d{1,3}[.)])\s+(.*?)\s*$/;

interface Pending {
  level: number;
  node: TreeNode & { children: TreeNode[] };
}

/**
 * A Markdown outline -> tree. Strict on purpose, so a sloppy export is refused with
 * the line to fix rather than silently mis-nested: every non-blank line is a heading
 * (`#` to `######`) or a list item (`-`, `*`, `+`, `1.`), list items nest by a
 * consistent indent (the first indented item sets it), no level may be skipped, and
 * tabs are refused because their width is ambiguous. List items under a heading sit
 * one level below it.
 */
export function parseMarkdownOutline(text: string): TreeNode {
  const top: TreeNode[] = [];
  const stack: Pending[] = [];
  let headingLevel = 0;
  let indentUnit = 0;

  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    if (raw.trim() === '') return;
    if (/^\s*(```|~~~)/.test(raw)) throw new TreeFormatError('code blocks are not part of an outline', lineNo);
    if (/^\s*\t/.test(raw)) throw new TreeFormatError('indent with spaces, not tabs', lineNo);

    let level: number;
    let title: string;
    const heading = HEADING.exec(raw);
    const item = heading ? null : LIST_ITEM.exec(raw);
    if (heading) {
      level = heading[1]!.length;
      title = heading[2]!;
      headingLevel = level;
    } else if (item) {
      const indent = item[1]!.length;
      if (indent > 0 && indentUnit === 0) indentUnit = indent;
      if (indent > 0 && indent % indentUnit !== 0) throw new TreeFormatError(`indent of ${indent} spaces is not a multiple of ${indentUnit}`, lineNo);
      level = headingLevel + 1 + (indentUnit ? indent / indentUnit : 0);
      title = item[2]!;
    } else {
      throw new TreeFormatError('is neither a heading nor a list item', lineNo);
    }
    title = title.replace(/\*\*|__|`/g, '').trim();
    if (!title) throw new TreeFormatError('has no text', lineNo);

    while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop();
    const parentLevel = stack.length ? stack[stack.length - 1]!.level : 0;
    if (level > parentLevel + 1) throw new TreeFormatError(`skips from level ${parentLevel} to level ${level}`, lineNo);
    const node = { title, children: [] as TreeNode[] };
    if (stack.length) stack[stack.length - 1]!.node.children.push(node);
    else top.push(node);
    stack.push({ level, node });
  });

  if (top.length === 0) throw new TreeFormatError('the outline has no headings or list items');
  return rootOf(top.map(dropEmptyChildren));
}

function dropEmptyChildren(node: TreeNode): TreeNode {
  const children = (node.children ?? []).map(dropEmptyChildren);
  return children.length ? { title: node.title, children } : { title: node.title };
}
