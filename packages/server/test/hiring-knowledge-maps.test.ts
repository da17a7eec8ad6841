import t from 'tap';
import { sql } from 'kysely';
import { compareWithFramework } from '../src/modules/hiring/knowledge-maps/compare.ts';
import { parseMarkdownOutline } from '../src/modules/hiring/knowledge-maps/markdown-outline.ts';
import { parseOpml } from '../src/modules/hiring/knowledge-maps/opml.ts';
import { TreeFormatError } from '../src/modules/hiring/knowledge-maps/tree.ts';
import { makeCandidate } from './helpers/hiring-factories.ts';
import { createTestApp } from './helpers/index.ts';
import { makeMember } from './helpers/factories.ts';

const FRAMEWORK = {
  title: 'Ops',
  children: [
    { title: 'Keyword research', keywords: ['keywords'], children: [{ title: 'Reverse ASIN' }, { title: 'Search volume' }] },
    { title: 'Advertising', keywords: ['ppc'], children: [{ title: 'Bids', keywords: ['bidding'] }, { title: 'ACoS' }, { title: 'Placements', keywords: ['top of search'] }] },
    { title: 'Finance', children: [{ title: 'Cash cycle' }] },
  ],
};

t.test('Markdown outlines: headings and nested lists make one tree; sloppy outlines are refused with the line', async (t) => {
  const tree = parseMarkdownOutline(['# My experience', '', '## Advertising', '- ACoS and TACoS', '  - weekly check', '- Bidding', '## Keywords', '1. Reverse ASIN lookups'].join('\n'));
  t.same(tree, {
    title: 'My experience',
    children: [
      { title: 'Advertising', children: [{ title: 'ACoS and TACoS', children: [{ title: 'weekly check' }] }, { title: 'Bidding' }] },
      { title: 'Keywords', children: [{ title: 'Reverse ASIN lookups' }] },
    ],
  });
  const flat = parseMarkdownOutline('- ACoS\n- Bidding\n- Reverse ASIN');
  t.same(flat, { title: 'Knowledge map', children: [{ title: 'ACoS' }, { title: 'Bidding' }, { title: 'Reverse ASIN' }] }, 'several top-level items hang under a plain root');

  const refuse = (text: string, pattern: RegExp) => t.throws(() => parseMarkdownOutline(text), pattern);
  refuse('# A\nsome prose here', /line 2: is neither a heading nor a list item/);
  refuse('# A\n### C', /line 2: skips from level 1 to level 3/);
  refuse('- a\n  - b\n      - c', /line 3: skips from level 2 to level 4/);
  refuse('- a\n  - b\n   - c', /line 3: indent of 3 spaces is not a multiple of 2/);
  refuse('- a\n\t- b', /tabs/);
  refuse('', /no headings or list items/);
  refuse('- a\n- ', /line 2: is neither a heading nor a list item|has no text/);
  refuse('```\n- a\n```', /code blocks/);
});

t.test('OPML: outlines become the tree; broken XML is refused with its line', async (t) => {
  const opml = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>Map</title></head><body>
  <outline text="Amazon ops &amp; me">
    <outline text="Advertising"><outline text="ACoS"/><outline text="Top of search placement"/></outline>
    <outline text="Keyword research"/>
  </outline>
</body></opml>`;
  t.same(parseOpml(opml), {
    title: 'Amazon ops & me',
    children: [{ title: 'Advertising', children: [{ title: 'ACoS' }, { title: 'Top of search placement' }] }, { title: 'Keyword research' }],
  });
  t.throws(() => parseOpml('<opml><body><outline text="a"></body></opml>'), /line 1: not well-formed XML/);
  t.ok(
    (() => {
      try {
        parseOpml('<opml>');
      } catch (error) {
        return error instanceof TreeFormatError;
      }
      return false;
    })(),
    'a format error, which the service turns into 422',
  );
  t.throws(() => parseOpml('<opml><body><outline text="a">\n</outline>\n<outline text="b"></body></opml>'), /line 3/);
  t.throws(() => parseOpml('<html><body/></html>'), /root element must be <opml>/);
  t.throws(() => parseOpml('<opml><body></body></opml>'), /at least one <outline>/);
  t.throws(() => parseOpml('<opml><body><outline/></body></opml>'), /needs a text attribute/);
  t.throws(() => parseOpml('<!DOCTYPE x [<!ENTITY a "b">]><opml><body><outline text="&a;"/></body></opml>'), /DOCTYPE/);
});

t.test('comparison by hand: coverage per branch, depth, breadth, structure, missing areas', async (t) => {
  // Structured: two groups, each holding one framework branch.
  const structured = compareWithFramework(
    {
      title: 'me',
      children: [
        { title: 'Advertising', children: [{ title: 'ACoS targets' }, { title: 'Bidding on top of search' }] },
        { title: 'Keywords', children: [{ title: 'Reverse ASIN' }] },
      ],
    },
    FRAMEWORK,
  );
  // Areas: 2 + 3 + 1 = 6. Covered: Reverse ASIN; ACoS, Bids (bidding), Placements (top of search) = 4.
  t.equal(structured.coverage, 0.67, '4 of 6 areas');
  t.same(structured.branches, [
    { title: 'Keyword research', areas: 2, covered: 1, coverage: 0.5, deepest_match: 2 },
    { title: 'Advertising', areas: 3, covered: 3, coverage: 1, deepest_match: 2 },
    { title: 'Finance', areas: 1, covered: 0, coverage: 0, deepest_match: 0 },
  ]);
  t.equal(structured.node_count, 5);
  t.equal(structured.depth, 2);
  t.equal(structured.breadth, 2);
  // grouping: no loose top-level leaves -> 1; coherence: Advertising group 2/2, Keywords group has 1 assigned (< 2, not counted) -> 1.
  t.same(structured.structure, { score: 1, grouping: 1, coherence: 1, label: 'structured' });
  t.same(structured.missing_areas, [
    { path: ['Keyword research', 'Search volume'], title: 'Search volume' },
    { path: ['Finance'], title: 'Finance' },
  ]);

  // The same facts as a flat list: same coverage, no structure.
  const flat = compareWithFramework({ title: 'me', children: [{ title: 'ACoS targets' }, { title: 'Bidding on top of search' }, { title: 'Reverse ASIN' }] }, FRAMEWORK);
  t.equal(flat.coverage, 0.67);
  t.same(flat.structure, { score: 0, grouping: 0, coherence: 0, label: 'flat' });
  t.equal(flat.depth, 1);

  // A group that mixes branches: 'Stuff' holds ACoS (advertising), Reverse ASIN and Search volume (keywords).
  // grouping = 1 - 1 loose leaf / 5 nodes = 0.8; coherence = 2/3; score = (0.8 + 0.667) / 2 = 0.73
  const mixed = compareWithFramework(
    { title: 'me', children: [{ title: 'Stuff', children: [{ title: 'ACoS' }, { title: 'Reverse ASIN' }, { title: 'search volumes' }] }, { title: 'Cash cycle' }] },
    FRAMEWORK,
  );
  t.same(mixed.structure, { score: 0.73, grouping: 0.8, coherence: 0.67, label: 'structured' });
  t.equal(mixed.branches[0]!.covered, 2, 'plurals match: "search volumes" covers Search volume');
});

t.test('POST /v1/knowledge-maps in three formats, compared with the starter framework', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  const starter = await h.request({ method: 'POST', url: '/v1/knowledge-frameworks', payload: { starter: 'amazon_operations' } });
  t.equal(starter.statusCode, 201);
  const framework = starter.json();
  t.equal(framework.library_key, 'amazon_operations');
  const branches = framework.tree.children.map((b: { title: string }) => b.title);
  t.ok(branches.includes('Keyword research') && branches.includes('Advertising') && branches.includes('Inventory and supply chain'), 'the starter follows the master SOP');
  t.equal((await h.request({ method: 'GET', url: `/v1/knowledge-frameworks/${framework.id}` })).json().tree.title, 'Amazon operations');

  const candidate = await makeCandidate(h);
  const markdown = ['# What I know', '## 广告 PPC', '- ACoS and TACoS', '- Top of search placement bids', '## Inventory', '- Reorder point and safety stock', '- FBA shipment plans'].join('\n');
  const fromMarkdown = await h.request({ method: 'POST', url: '/v1/knowledge-maps', payload: { framework_id: framework.id, candidate_id: candidate.id, format: 'markdown', text: markdown } });
  t.equal(fromMarkdown.statusCode, 201);
  const map = fromMarkdown.json();
  t.equal(map.tree.title, 'What I know');
  const advertising = map.comparison.branches.find((b: { title: string }) => b.title === 'Advertising');
  t.equal(advertising.covered, 2, 'ACoS metrics and bids/placements');
  t.equal(map.comparison.structure.label, 'structured');
  t.ok(map.comparison.missing_areas.some((a: { path: string[] }) => a.path.join('/') === 'Finance'), 'finance is missing entirely');
  t.type(map.comparison.training_source, 'string', 'the SOP templates are where training comes from');
  t.ok(
    map.comparison.suggested_training.every((s: { templates: unknown[] }) => s.templates.length === 0),
    'no SOP template is installed in this workspace, so none is suggested',
  );

  const member = await makeMember(h);
  const opml = '<opml version="2.0"><body><outline text="ACoS"/><outline text="Keyword research"/><outline text="Cash flow"/></body></opml>';
  const fromOpml = await h.request({ method: 'POST', url: '/v1/knowledge-maps', payload: { framework_id: framework.id, member_id: member.id, format: 'opml', text: opml } });
  t.equal(fromOpml.statusCode, 201);
  t.equal(fromOpml.json().comparison.structure.label, 'flat', 'a flat list of facts');
  t.equal(fromOpml.json().member_id, member.id);

  const fromJson = await h.request({ method: 'POST', url: '/v1/knowledge-maps', payload: { framework_id: framework.id, member_id: member.id, format: 'json', tree: { title: 'x', children: [{ title: 'Listing', children: [{ title: 'Title' }, { title: 'Main image' }] }] } } });
  t.equal(fromJson.statusCode, 201);
  t.equal(fromJson.json().comparison.branches.find((b: { title: string }) => b.title === 'Listing').covered, 2);
  t.same((await h.request({ method: 'GET', url: `/v1/knowledge-maps/${fromJson.json().id}` })).json().comparison, fromJson.json().comparison, 'stored as answered');

  const both = await h.request({ method: 'POST', url: '/v1/knowledge-maps', payload: { framework_id: framework.id, member_id: member.id, candidate_id: candidate.id, format: 'json', tree: { title: 'x' } } });
  t.equal(both.statusCode, 422, 'one subject only');
  const textForJson = await h.request({ method: 'POST', url: '/v1/knowledge-maps', payload: { framework_id: framework.id, member_id: member.id, format: 'json', text: '- a' } });
  t.equal(textForJson.statusCode, 422);
  const custom = await h.request({ method: 'POST', url: '/v1/knowledge-frameworks', payload: { name: 'Small', tree: { title: 'Root', children: [{ title: 'Ads' }] } } });
  t.equal(custom.statusCode, 201);
  t.equal((await h.request({ method: 'POST', url: '/v1/knowledge-frameworks', payload: { tree: { title: 'Root', children: [{ title: 'Ads' }] } } })).statusCode, 422, 'a tree needs a name');
  t.equal((await h.request({ method: 'POST', url: '/v1/knowledge-frameworks', payload: { name: 'x', starter: 'amazon_operations', tree: { title: 'R' } } })).statusCode, 422, 'tree or starter, not both');
  t.equal((await h.request({ method: 'GET', url: '/v1/knowledge-frameworks' })).json().data.length, 2);
});

t.test('suggested training comes from SOP templates whose name or category match the gaps, when the table exists', async (t) => {
  const h = await createTestApp();
  t.teardown(h.close);
  // The SOP module's table, as that module creates it; created here when this database lacks it.
  await sql`create table if not exists sop_templates (
    workspace_id text not null, id text not null, key text not null, name text not null, category text not null,
    purpose text not null, latest_version integer not null, library_key text,
    created_at timestamptz not null default now(), updated_at timestamptz not null default now(), version integer not null default 1)`.execute(h.app.db);
  const template = (id: string, name: string, category: string) =>
    sql`insert into sop_templates (workspace_id, id, key, name, category, purpose, latest_version) values (${h.workspaceId}, ${id}, ${id}, ${name}, ${category}, 'training', 1)`.execute(h.app.db);
  await template('sop_T1', 'Keyword research workflow', 'keywords');
  await template('sop_T2', 'Long-term reorder plan', 'inventory');
  await template('sop_T3', 'Weekly finance close', 'finance');
  const other = await h.createWorkspace('Company B');
  await sql`insert into sop_templates (workspace_id, id, key, name, category, purpose, latest_version) values (${other.workspaceId}, 'sop_B', 'b', 'Finance of B', 'finance', 'x', 1)`.execute(h.app.db);

  const framework = (await h.request({ method: 'POST', url: '/v1/knowledge-frameworks', payload: { name: 'Small', tree: { title: 'Ops', children: [{ title: 'Keyword research', children: [{ title: 'Reverse ASIN' }] }, { title: 'Finance', children: [{ title: 'Cash cycle' }] }, { title: 'Advertising' }] } } })).json();
  const candidate = await makeCandidate(h);
  const res = await h.request({ method: 'POST', url: '/v1/knowledge-maps', payload: { framework_id: framework.id, candidate_id: candidate.id, format: 'markdown', text: '- Advertising campaigns' } });
  t.equal(res.statusCode, 201);
  const comparison = res.json().comparison;
  t.equal(comparison.training_source, 'sop_templates');
  t.same(comparison.suggested_training, [
    { area: 'Keyword research', templates: [{ id: 'sop_T1', name: 'Keyword research workflow', category: 'keywords' }] },
    { area: 'Finance', templates: [{ id: 'sop_T3', name: 'Weekly finance close', category: 'finance' }] },
  ], "only this workspace's templates, matched to the missing areas");
});
