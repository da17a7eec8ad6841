import t from 'tap';
import { loadConfig } from '../src/config.ts';

t.test('defaults work on a laptop', async (t) => {
  const c = loadConfig({});
  t.match(c, { PORT: 3000, HOST: '127.0.0.1', SELLEROPS_DATA_DIR: './.sellerops', LOG_LEVEL: 'info' });
  t.equal(c.DATABASE_URL, undefined, 'no DATABASE_URL: the embedded database');
});

t.test('values are read and converted', async (t) => {
  const c = loadConfig({ PORT: '8080', LOG_LEVEL: 'debug', DATABASE_URL: 'postgres://u@h/db', RATE_LIMIT_PER_MINUTE: '100' });
  t.match(c, { PORT: 8080, LOG_LEVEL: 'debug', DATABASE_URL: 'postgres://u@h/db', RATE_LIMIT_PER_MINUTE: 100 });
});

t.test('a bad value stops start-up with a message naming it', async (t) => {
  t.throws(() => loadConfig({ PORT: 'eighty' }), { name: 'ConfigError', message: /PORT="eighty": Expected integer/ });
  try {
    loadConfig({ PORT: '70000', LOG_LEVEL: 'loud' });
    t.fail('should throw');
  } catch (err) {
    t.match((err as Error).message, /PORT/);
    t.match((err as Error).message, /LOG_LEVEL/);
  }
  try {
    loadConfig({ DATABASE_URL: 'mysql://root:pw@h/db' });
    t.fail('should throw');
  } catch (err) {
    t.match((err as Error).message, /DATABASE_URL=\(hidden\)/);
    t.notMatch((err as Error).message, /pw/, 'the URL (and its password) is not echoed');
  }
  t.throws(() => loadConfig({ SELLEROPS_BOOTSTRAP_KEY: 'short' }), /SELLEROPS_BOOTSTRAP_KEY/);
});
