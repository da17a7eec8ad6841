import t from 'tap';
import { createTestApp } from './helpers/index.ts';
import { makeResource, relate } from './helpers/resource-factories.ts';

const h = await createTestApp();
t.teardown(h.close);

const account = (key: string) => makeResource(h, 'seller_account', { key, name: key });
const server = (key: string, ip: string) => makeResource(h, 'cloud_server', { key, name: key, attributes: { provider: 'AWS', ip } });

t.test('association risk: direct sharing, sharing through a path, and one IP on two servers', async (t) => {
  const [us, eu, jp, ca, clean] = await Promise.all(['acct-us', 'acct-eu', 'acct-jp', 'acct-ca', 'acct-clean'].map(account));
  const phone = await makeResource(h, 'phone_number', { key: 'phone-1' });
  const profileUs = await makeResource(h, 'browser_profile', { key: 'profile-us' });
  const profileJp = await makeResource(h, 'browser_profile', { key: 'profile-jp' });
  const vpsA = await server('vps-a', '47.88.10.1');
  const vpsB = await server('vps-b', '47.88.10.1');
  const tool = await makeResource(h, 'tool', { key: 'helium' });
  const cardCa = await makeResource(h, 'credit_card', { key: 'card-ca' });

  // us and eu share a phone directly (in either direction of the relation).
  await relate(h, us!, 'verified_with', phone);
  await relate(h, phone, 'uses', eu!);
  // us -> profile-us -> vps-a and jp -> profile-jp -> vps-b: one IP, so one shared identifier.
  await relate(h, us!, 'uses', profileUs);
  await relate(h, profileUs, 'hosted_on', vpsA);
  await relate(h, jp!, 'uses', profileJp);
  await relate(h, profileJp, 'hosted_on', vpsB);
  // jp also runs on vps-a directly: still the same IP, still one identifier.
  await relate(h, jp!, 'hosted_on', vpsA);
  // A tool shared by everyone identifies nobody.
  for (const a of [us, eu, jp, ca, clean]) await relate(h, a!, 'uses', tool);
  // ca's own card links it to nobody.
  await relate(h, ca!, 'paid_with', cardCa);

  const res = await h.request({ method: 'GET', url: `/v1/resources/${us!.id}/associations` });
  t.equal(res.statusCode, 200);
  const data = res.json().data;
  t.same(data.map((a: { other_account: { key: string }; shared_count: number }) => [a.other_account.key, a.shared_count]), [['acct-eu', 1], ['acct-jp', 1]]);
  const jpPair = data.find((a: { other_account: { key: string } }) => a.other_account.key === 'acct-jp');
  t.same(jpPair.shared[0].identifier, 'ip:47.88.10.1');
  t.equal(jpPair.shared[0].kind, 'cloud_server');
  t.same(jpPair.shared[0].account_path.map((r: { key: string }) => r.key), ['acct-us', 'profile-us', 'vps-a'], 'the path from the account');
  t.same(jpPair.shared[0].other_path.map((r: { key: string }) => r.key), ['acct-jp', 'vps-a'], 'the shortest path from the other');
  const euPair = data.find((a: { other_account: { key: string } }) => a.other_account.key === 'acct-eu');
  t.same(euPair.shared.map((s: { identifier: string }) => s.identifier), ['phone-1']);

  // eu now also uses us's browser profile: two identifiers (the profile and the IP behind it).
  await relate(h, eu!, 'uses', profileUs);
  const risks = await h.request({ method: 'GET', url: '/v1/association-risks' });
  t.equal(risks.statusCode, 200);
  const pairs = risks.json().data.map((a: { account: { key: string }; other_account: { key: string }; shared_count: number }) => [[a.account.key, a.other_account.key].sort().join(' + '), a.shared_count]);
  t.same(pairs, [['acct-eu + acct-us', 3], ['acct-eu + acct-jp', 1], ['acct-jp + acct-us', 1]], 'worst first');
  t.notOk(risks.body.includes('acct-ca') || risks.body.includes('acct-clean'), 'accounts that share nothing identifying are not listed');

  const page = await h.request({ method: 'GET', url: '/v1/association-risks?limit=2' });
  t.equal(page.json().data.length, 2);
  const rest = await h.request({ method: 'GET', url: `/v1/association-risks?limit=2&cursor=${page.json().next_cursor}` });
  t.same(rest.json().data.map((a: { shared_count: number }) => a.shared_count), [1]);
  t.equal(rest.json().next_cursor, null);

  const notAccount = await h.request({ method: 'GET', url: `/v1/resources/${phone.id}/associations` });
  t.equal(notAccount.statusCode, 422);
  t.ok(vpsB && ca && clean);
});
