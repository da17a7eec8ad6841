import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { TreeFormatError, rootOf, type TreeNode } from './tree.ts';

interface OutlineElement {
  '@_text'?: string;
  '@_title'?: string;
  outline?: OutlineElement[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  isArray: (name) => name === 'outline',
  // Only the five XML entities are expanded: documents with a DOCTYPE (where custom
  // entities and expansion attacks live) are refused before parsing.
  processEntities: true,
  htmlEntities: false,
  parseAttributeValue: false,
  trimValues: true,
});

/**
 * OPML (what mind-map tools export) -> tree: `<opml><body><outline text="...">` nested.
 * The XML is validated first so a broken file is refused with its line number.
 */
export function parseOpml(text: string): TreeNode {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new TreeFormatError('OPML must not contain a DOCTYPE or entity declarations');
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new TreeFormatError(`not well-formed XML: ${valid.err.msg}`, valid.err.line);
  const doc = parser.parse(text) as { opml?: { body?: { outline?: OutlineElement[] } | string } };
  if (!doc.opml) throw new TreeFormatError('the root element must be <opml>');
  const body = doc.opml.body;
  if (!body || typeof body !== 'object' || !body.outline?.length) throw new TreeFormatError('<opml> must have a <body> with at least one <outline>');
  return rootOf(body.outline.map(toNode));
}

function toNode(element: OutlineElement): TreeNode {
  const title = (element['@_text'] ?? element['@_title'] ?? '').trim();
  if (!title) throw new TreeFormatError('every <outline> needs a text attribute');
  const children = (element.outline ?? []).map(toNode);
  return children.length ? { title, children } : { title };
}
