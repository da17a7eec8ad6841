import t from 'tap';
import { formatFields, formatTable, formatTimestamp } from '../src/table.ts';

t.test('formatTable aligns columns under upper-case headers and trims line ends', async (t) => {
  const rows = [
    { id: 'key_1', name: 'a long name' },
    { id: 'key_22', name: 'b' },
  ];
  const text = formatTable(rows, [
    { header: 'id', cell: (r) => r.id },
    { header: 'name', cell: (r) => r.name },
  ]);
  t.equal(text, ['ID      NAME', 'key_1   a long name', 'key_22  b'].join('\n'));
});

t.test('formatFields aligns values after the longest label', async (t) => {
  t.equal(
    formatFields([
      ['Workspace', 'default'],
      ['API', 'http://x'],
    ]),
    'Workspace  default\nAPI        http://x',
  );
});

t.test('formatTimestamp shows minutes in UTC and a dash for null', async (t) => {
  t.equal(formatTimestamp('2026-11-27T12:05:41.123Z'), '2026-11-27 12:05 UTC');
  t.equal(formatTimestamp(null), '-');
});
