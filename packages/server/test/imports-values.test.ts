import t from 'tap';
import { normalizeHeader } from '../src/modules/imports/parse/headers.ts';
import { localeOf } from '../src/modules/imports/parse/marketplace-locale.ts';
import { parseCount, parseDate, parseMoney, parsePercent, type ValueContext } from '../src/modules/imports/parse/values.ts';

const US: ValueContext = { locale: localeOf('US'), decimal: 'dot' };
const UK: ValueContext = { locale: localeOf('UK'), decimal: 'dot' };
const DE: ValueContext = { locale: localeOf('DE'), decimal: 'comma' };
const JP: ValueContext = { locale: localeOf('JP'), decimal: 'dot' };
const AE: ValueContext = { locale: localeOf('AE'), decimal: 'dot' };

t.test('headers meet on one key whatever their spelling', async (t) => {
  const sessions = normalizeHeader('Sessions - Total');
  t.equal(normalizeHeader('Sessions – Total'), sessions, 'en dash');
  t.equal(normalizeHeader('sessions — total'), sessions, 'em dash and case');
  t.equal(normalizeHeader('\ufeffSessions  -  Total '), sessions, 'BOM and spaces');
  t.equal(normalizeHeader('7 Day Total Sales '), '7 day total sales', 'trailing space');
  t.equal(normalizeHeader('（親）ASIN'), normalizeHeader('(親)ASIN'), 'full-width parentheses');
  t.equal(normalizeHeader('Featured Offer (Buy Box) percentage'), normalizeHeader('Featured Offer (Buy Box) Percentage'));
  t.equal(normalizeHeader('seller_sku'), normalizeHeader('seller sku'));
});

t.test('money: symbols, codes, grouping and decimal commas', async (t) => {
  t.same(parseMoney('$2,309,707.02', US), { amount: '2309707.02', currency: 'USD' });
  t.same(parseMoney('£12.50', UK), { amount: '12.50', currency: 'GBP' });
  t.same(parseMoney('AED 4,426.00', AE), { amount: '4426.00', currency: 'AED' });
  t.same(parseMoney('1.234,56 €', DE), { amount: '1234.56', currency: 'EUR' });
  t.same(parseMoney('1.234,56 EUR', US), { amount: '1234.56', currency: 'EUR' }, 'both separators settle it whatever the style');
  t.same(parseMoney('￥1,200', JP), { amount: '1200', currency: 'JPY' });
  t.same(parseMoney('¥76,800', JP), { amount: '76800', currency: 'JPY' });
  t.same(parseMoney('-$3.10', US), { amount: '-3.10', currency: 'USD' });
  t.same(parseMoney('($3.10)', US), { amount: '-3.10', currency: 'USD' });
  t.same(parseMoney('$5.00', localeOf('CA') && { locale: localeOf('CA'), decimal: 'dot' }), { amount: '5.00', currency: 'CAD' }, 'a bare $ is the marketplace dollar');
  t.same(parseMoney('CA$5.00', US), { amount: '5.00', currency: 'CAD' });
  t.same(parseMoney('19.99', US, 'USD'), { amount: '19.99', currency: 'USD' });
  t.same(parseMoney(1.4300000000000002, UK), { amount: '1.43', currency: 'GBP' }, 'XLSX float noise');
  t.equal(parseMoney('', US), null);
  t.equal(parseMoney('--', US), null);
  t.throws(() => parseMoney('twelve dollars', US), /not a number/);
  t.throws(() => parseMoney('$1,23,4.00', US), /not a number/);
});

t.test('counts: grouping, quotes gone, never fractions', async (t) => {
  t.equal(parseCount('5,824', US), 5824);
  t.equal(parseCount('59,330', US), 59330);
  t.equal(parseCount('1.204', DE), 1204, 'a German thousands dot');
  t.equal(parseCount('0', US), 0);
  t.equal(parseCount(42, US), 42);
  t.equal(parseCount('', US), null);
  t.throws(() => parseCount('12.5', US), /not a whole number/);
  t.throws(() => parseCount('many', US), /not a number/);
});

t.test('percentages are fractions', async (t) => {
  t.equal(parsePercent('78.87%', US), 0.7887);
  t.equal(parsePercent('1,050.00%', US), 10.5);
  t.equal(parsePercent('96,40%', DE), 0.964);
  t.equal(parsePercent(0.1735, US), 0.1735, 'XLSX percentage cells are fractions already');
  t.equal(parsePercent('', US), null, 'an empty ACoS cell');
});

t.test('dates: ISO, US and day-first slashes, month names, Excel serials, instants', async (t) => {
  t.equal(parseDate('2024-09-21', US), '2024-09-21');
  t.equal(parseDate('9/21/24', US), '2024-09-21', 'month first in the US');
  t.equal(parseDate('24/09/2022', UK), '2022-09-24');
  t.equal(parseDate('24/09/2022', US), '2022-09-24', 'a day over 12 settles the order anywhere');
  t.equal(parseDate('03/04/2024', UK), '2024-04-03', 'day first outside the US and Canada');
  t.equal(parseDate('03/04/2024', US), '2024-03-04');
  t.equal(parseDate('21.09.2024', DE), '2024-09-21');
  t.equal(parseDate('2024/09/21', JP), '2024-09-21');
  t.equal(parseDate('Feb 1, 2020', US), '2020-02-01');
  t.equal(parseDate('1 Feb 2020', UK), '2020-02-01');
  t.equal(parseDate('1. Dez. 2020', DE), '2020-12-01');
  t.equal(parseDate(45556, US), '2024-09-21', 'an Excel serial');
  t.equal(parseDate('45556', US), '2024-09-21');
  t.equal(parseDate(new Date(Date.UTC(2023, 4, 20)), UK), '2023-05-20', 'an XLSX date cell');
  t.equal(parseDate('2023-05-20T00:00:00.000Z', UK), '2023-05-20');
  t.equal(parseDate('2024-09-22T05:10:00+00:00', US), '2024-09-21', 'an instant falls on the Pacific day in the US');
  t.equal(parseDate('2024-09-22T05:10:00+00:00', UK), '2024-09-22');
  t.equal(parseDate('', US), null);
  t.throws(() => parseDate('2024-02-30', US), /not a valid date/);
  t.throws(() => parseDate('13/13/2024', US), /not a valid date/);
  t.throws(() => parseDate('yesterday', US), /not a date/);
  t.throws(() => parseDate(12, US), /not a date/);
});
