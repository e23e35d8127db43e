import { afterEach, describe, expect, it } from 'vitest'
import { parsePlatformTime } from '../../src/shared/platform-time'
import {
  MINUTE,
  type Platform,
  SECOND,
  TZ,
  runUntilCallsEnded,
  startPlatform,
} from './platform-test-kit'

let platform: Platform | undefined
afterEach(async () => {
  await platform?.app.close()
  platform = undefined
})

const DAY = { beginTime: '2024-06-03 00:00:00', endTime: '2024-06-03 23:59:59' }
const LIST_FIELDS =
  'callId callTypeName callType ani dnis displayNumber campaignName groupCampaignName batchName ' +
  'customerRosterId beginTime customerId result resultCode talkLength endTypeName endType c0 c1 c2'
const DETAIL_FIELDS =
  'callId ani dnis callType callTypeName trunkName trunkMember beginTime customerNo customerAreaCode ' +
  'customerRingLength customerAnswerTime result resultCode firstIvrNo firstIvrAnswerTime firstStationNo ' +
  'firstStationRingTime firstStationAnswerTime firstAgentNo lastQueueNo lastQueueLength lastRoutePoint ' +
  'endTime endType endTypeName hangupDevice conferenced transferred relateCall domain callLength ' +
  'talkLength timeId displayNumber batchName customerRosterId groupCampaignName campaignName satisfaction'
const ROBOT_FIELDS =
  'callId callTypeName ani dnis batchId batchName round rosterId beginTime endTime customerAnswerTime ' +
  'result conclusion intent talkLength chatBotTemplate ivrNo campaignId'
const keys = (fields: string) => fields.split(' ').sort()

type ListItem = Record<string, unknown> & { callId: string; beginTime: string; ani: string }
type Page = { total?: number; list: ListItem[] }
type PlatformErrorBody = { errorCode: number; errorMessage: string; instanceId?: string }

async function get(p: Platform, path: string, query: Record<string, string>, token: string) {
  const search = new URLSearchParams(query)
  return p.app.inject({ url: `${path}?${search}`, headers: { wellcloud_token: token } })
}
const calls = (p: Platform, q: Record<string, string>, token: string) =>
  get(p, '/api/cdr/2.0/calls/open', { domain: 'test.cc', isOrder: '1', ...q }, token)

describe('access token', () => {
  it('is issued for the right credentials (JSON or form), refused otherwise, and expires', async () => {
    const p = (platform = startPlatform(['--token-ttl-sec', '120']))
    const json = await p.app.inject({
      method: 'POST',
      url: '/accesstoken/apply',
      payload: { appId: 'demo-app', appSecret: 'demo-secret', apiKey: 'demo-key' },
    })
    expect(json.statusCode).toBe(200)
    expect(json.json()).toEqual({
      accessToken: expect.stringMatching(/^\S{20,}$/) as string,
      expiresIn: 120,
    })
    const form = await p.app.inject({
      method: 'POST',
      url: '/accesstoken/apply',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'appId=demo-app&appSecret=demo-secret&apiKey=demo-key',
    })
    expect(form.statusCode).toBe(200)
    const wrong = await p.app.inject({
      method: 'POST',
      url: '/accesstoken/apply',
      payload: { appId: 'demo-app', appSecret: 'guess', apiKey: 'demo-key' },
    })
    expect(wrong.statusCode).toBe(401)
    expect(wrong.json()).toMatchObject({ errorCode: 401 })
    const missing = await p.app.inject({
      method: 'POST',
      url: '/accesstoken/apply',
      payload: { appId: 'demo-app', appSecret: 'demo-secret' },
    })
    expect(missing.statusCode).toBe(400)
    expect(missing.json<PlatformErrorBody>().errorMessage).toMatch(/^apiKey:/)

    const token = json.json<{ accessToken: string }>().accessToken
    expect((await calls(p, DAY, token)).statusCode).toBe(200)
    expect((await calls(p, DAY, 'forged')).statusCode).toBe(401)
    expect(
      (await p.app.inject(`/api/cdr/2.0/calls/open?${new URLSearchParams(DAY)}`)).statusCode,
    ).toBe(401)
    p.wallAdvance(119 * SECOND)
    expect((await calls(p, DAY, token)).statusCode).toBe(200)
    p.wallAdvance(2 * SECOND)
    const expired = await calls(p, DAY, token)
    expect(expired.statusCode).toBe(401)
    expect(expired.json()).toMatchObject({ errorCode: 401 })
    expect((await calls(p, DAY, await p.token())).statusCode).toBe(200)
  })
})

describe('CDRs (§4.4, §4.5)', () => {
  it('pages the calls it ran, total on page 1 only, in a stable order both ways', async () => {
    const p = (platform = startPlatform())
    p.sim.start()
    await runUntilCallsEnded(p, 40)
    const token = await p.token()
    const logged = p.sim.callLog.query({ from: 0, to: Number.MAX_SAFE_INTEGER })

    const pages: Page[] = []
    for (let page = 1; ; page++) {
      const res = await calls(p, { ...DAY, p: String(page), s: '7' }, token)
      expect(res.statusCode).toBe(200)
      const body = res.json<Page>()
      pages.push(body)
      if (body.list.length < 7) break
    }
    expect(pages[0]!.total).toBe(logged.length)
    expect(pages.slice(1).every((pg) => !('total' in pg))).toBe(true)
    const all = pages.flatMap((pg) => pg.list)
    expect(all.map((c) => c.callId).sort()).toEqual(logged.map((r) => r.callId).sort())
    for (const item of all) expect(Object.keys(item).sort()).toEqual(keys(LIST_FIELDS))
    const begins = all.map((c) => parsePlatformTime(c.beginTime, TZ)!)
    expect(begins).toEqual([...begins].sort((a, b) => a - b))
    expect(all[0]!.beginTime).toMatch(/^2024-06-03 \d\d:\d\d:\d\d$/)

    const desc = await calls(p, { ...DAY, isOrder: '0', s: '100' }, token)
    expect(desc.json<Page>().list.map((c) => c.callId)).toEqual(all.map((c) => c.callId).reverse())

    // A page past the end is empty; filters narrow exactly.
    const past = await calls(p, { ...DAY, p: '99' }, token)
    expect(past.json()).toEqual({ list: [] })
    const ani = all[0]!.ani
    const byAni = (await calls(p, { ...DAY, ani, s: '100' }, token)).json<Page>()
    expect(byAni.list.length).toBeGreaterThan(0)
    expect(byAni.list.every((c) => c.ani === ani)).toBe(true)
    // The range is by begin time, both ends inclusive to the second.
    const firstBegin = all[0]!.beginTime
    const one = await calls(p, { beginTime: firstBegin, endTime: firstBegin }, token)
    expect(one.json<Page>().list.map((c) => c.callId)).toContain(all[0]!.callId)
  })

  it('refuses bad queries with the platform’s codes', async () => {
    const p = (platform = startPlatform())
    const token = await p.token()
    const expectError = async (q: Record<string, string>, status: number, code: number) => {
      const res = await calls(p, q, token)
      expect(res.statusCode).toBe(status)
      const body = res.json<PlatformErrorBody>()
      expect(body).toMatchObject({ errorCode: code, instanceId: expect.any(String) as string })
      return body.errorMessage
    }
    expect(await expectError({ ...DAY, s: '101' }, 400, 400)).toMatch(/^s:/)
    expect(await expectError({ ...DAY, p: '0' }, 400, 400)).toMatch(/^p:/)
    expect(await expectError({ ...DAY, beginTime: '2024/06/03 00:00' }, 400, 400)).toMatch(
      /^beginTime:/,
    )
    expect(await expectError({ ...DAY, isOrder: '' }, 400, 400)).toMatch(/^isOrder:/)
    expect(await expectError({ endTime: DAY.endTime }, 400, 400)).toMatch(/^beginTime:/)
    await expectError({ beginTime: DAY.endTime, endTime: DAY.beginTime }, 400, 14004)
    // The seed sizes no 14001: by default a long range within one month is answered.
    const wholeMonth = await calls(
      p,
      { beginTime: '2024-05-01 00:00:00', endTime: '2024-05-31 23:59:59' },
      token,
    )
    expect(wholeMonth.statusCode).toBe(200)
    const split = await expectError(
      { beginTime: '2024-05-31 12:00:00', endTime: '2024-06-01 12:00:00' },
      400,
      14015,
    )
    expect(split).toContain('2024-06-01 00:00:00')
    // 1 to 31 June is one database: fine.
    const june = await calls(
      p,
      { beginTime: '2024-06-01 00:00:00', endTime: '2024-06-30 23:59:59' },
      token,
    )
    expect(june.statusCode).toBe(200)
    await expectError({ ...DAY, domain: 'other.cc' }, 401, 401)
  })

  it('plays the CDR limits it is given: a 14001 span, one database, a 14015 naming no time', async () => {
    const expectCode = async (args: string[], q: Record<string, string>, code: number | null) => {
      const p = (platform = startPlatform(args))
      const res = await calls(p, q, await p.token())
      await p.app.close()
      platform = undefined
      if (code === null) return expect(res.statusCode).toBe(200)
      expect(res.statusCode).toBe(400)
      return res.json<PlatformErrorBody>()
    }
    const may = { beginTime: '2024-05-01 00:00:00', endTime: '2024-05-31 23:59:59' }
    const across = { beginTime: '2024-05-31 12:00:00', endTime: '2024-06-01 12:00:00' }
    // The seed's own example of a 14001 answer says "没有权限", so the simulator does too.
    expect(await expectCode(['--cdr-max-span-days', '7'], may, 14001)).toMatchObject({
      errorCode: 14001,
      errorMessage: '没有权限',
    })
    await expectCode(['--cdr-databases', 'none'], across, null)
    const plain = await expectCode(['--cdr-split-message', 'plain'], across, 14015)
    expect(plain).toMatchObject({
      errorCode: 14015,
      errorMessage: '不得跨库查询，必须分成两部分查询',
    })
  })

  it('finds calls on each side of a month boundary, split as the platform requires', async () => {
    // 23:30 on 31 May in Shanghai: the floor plays into June.
    const p = (platform = startPlatform([], 8, Date.UTC(2024, 4, 31, 15, 30)))
    p.sim.start()
    for (let i = 0; i < 90; i++) p.clock.advance(MINUTE)
    await p.flush()
    const token = await p.token()
    const may = await calls(
      p,
      { beginTime: '2024-05-31 00:00:00', endTime: '2024-05-31 23:59:59', s: '100' },
      token,
    )
    const june = await calls(
      p,
      { beginTime: '2024-06-01 00:00:00', endTime: '2024-06-01 23:59:59', s: '100' },
      token,
    )
    const mayCount = may.json<Page>().total!
    const juneCount = june.json<Page>().total!
    expect(mayCount).toBeGreaterThan(0)
    expect(juneCount).toBeGreaterThan(0)
    expect(mayCount + juneCount).toBe(p.sim.callLog.size)
    const across = await calls(
      p,
      { beginTime: '2024-05-31 23:00:00', endTime: '2024-06-01 02:00:00' },
      token,
    )
    expect(across.json()).toMatchObject({ errorCode: 14015 })
  })

  it('serves one CDR by callId with the §4.4.2 fields, and 14011 for an unknown one', async () => {
    const p = (platform = startPlatform())
    p.sim.start()
    await runUntilCallsEnded(p, 10)
    const token = await p.token()
    const record = p.sim.callLog.latest(50).find((r) => r.answerTime !== null)!
    const res = await get(p, `/api/cdr/2.0/calls/open/call/${record.callId}`, {}, token)
    expect(res.statusCode).toBe(200)
    const cdr = res.json<Record<string, unknown>>()
    expect(Object.keys(cdr).sort()).toEqual(keys(DETAIL_FIELDS))
    expect(cdr).toMatchObject({
      callId: record.callId,
      ani: record.ani,
      domain: 'test.cc',
      talkLength: record.talkLength,
      firstAgentNo: record.agentId,
      conferenced: 0,
      transferred: 0,
    })
    expect(parsePlatformTime(cdr.endTime, TZ)).toBe(Math.floor(record.endTime / 1000) * 1000)
    expect(cdr.callLength).toBeCloseTo((record.endTime - record.startTime) / 1000, 2)
    const unknown = await get(p, '/api/cdr/2.0/calls/open/call/no-such-call', {}, token)
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json()).toMatchObject({ errorCode: 14011 })
  })
})

describe('robot CDRs (§4.6)', () => {
  const robot = (p: Platform, q: Record<string, string>, token: string) =>
    get(
      p,
      '/api/cdr/2.0/open/calls/robot',
      { domain: 'test.cc', isOrder: '1', campaignId: 'camp-01', ...q },
      token,
    )
  const JUNE_2 = { beginTime: '2024-06-02 00:00:00', endTime: '2024-06-02 23:59:59' }

  it('serves the same robot calls for a day, paged, with the §4.6.2 fields', async () => {
    const p = (platform = startPlatform())
    const token = await p.token()
    const first = await robot(p, { ...JUNE_2, s: '100' }, token)
    expect(first.statusCode).toBe(200)
    const day = first.json<Page>()
    expect(day.total).toBe(30)
    expect(day.list).toHaveLength(30)
    for (const c of day.list) expect(Object.keys(c).sort()).toEqual(keys(ROBOT_FIELDS))
    expect((await robot(p, { ...JUNE_2, s: '100' }, token)).body).toBe(first.body)
    const page2 = (await robot(p, { ...JUNE_2, p: '2' }, token)).json<Page>()
    expect(page2).not.toHaveProperty('total')
    expect(page2.list.map((c) => c.callId)).toEqual(day.list.slice(10, 20).map((c) => c.callId))
    const desc = (await robot(p, { ...JUNE_2, isOrder: '0', s: '100' }, token)).json<Page>()
    expect(desc.list.map((c) => c.callId)).toEqual(day.list.map((c) => c.callId).reverse())
    const uncounted = (await robot(p, { ...JUNE_2, isCount: 'false' }, token)).json<Page>()
    expect(uncounted).not.toHaveProperty('total')

    const answered = (await robot(p, { ...JUNE_2, resultCode: '0', s: '100' }, token)).json<Page>()
    expect(answered.list.length).toBeGreaterThan(5)
    expect(answered.list.every((c) => c.result === '接通' && c.conclusion !== null)).toBe(true)
    const levelA = (
      await robot(p, { ...JUNE_2, uuiKey: 'currentCallLevel', uuiValue: 'A', s: '100' }, token)
    ).json<Page>()
    expect(levelA.list.length).toBeLessThan(answered.list.length)

    // Today: only the calls that are over by simulated now (09:00) — none yet.
    const today = (await robot(p, DAY, token)).json<Page>()
    expect(today.total).toBe(0)
    const other = (await robot(p, { ...JUNE_2, campaignId: 'camp-99' }, token)).json<Page>()
    expect(other).toEqual({ total: 0, list: [] })
  })

  it('needs a campaignId and keeps the range rules of §4.5', async () => {
    const p = (platform = startPlatform())
    const token = await p.token()
    const res = await get(
      p,
      '/api/cdr/2.0/open/calls/robot',
      { ...JUNE_2, domain: 'test.cc' }, // isOrder may be left out here
      token,
    )
    expect(res.statusCode).toBe(400)
    expect(res.json<PlatformErrorBody>().errorMessage).toMatch(/^campaignId:/)
    const across = await robot(
      p,
      { beginTime: '2024-05-31 00:00:00', endTime: '2024-06-01 00:00:00' },
      token,
    )
    expect(across.json()).toMatchObject({ errorCode: 14015 })
    expect((await robot(p, { ...JUNE_2, s: '500' }, token)).statusCode).toBe(400)
  })
})
