import { afterEach, describe, expect, it } from 'vitest'
import { ROSTER_MAX_BYTES } from '../../src/shared/outbound'
import { MINUTE, type Platform, startPlatform } from './platform-test-kit'
import { BATCH_DIAL_MAX } from './robot-batches'

let platform: Platform | undefined
afterEach(async () => {
  await platform?.app.close()
  platform = undefined
})

const BOUNDARY = '----roster-test-boundary'

interface Part {
  field: string
  filename?: string
  content: string | Buffer
}

/** A multipart/form-data body, as a browser or curl sends one. */
function multipart(parts: Part[]): Buffer {
  const chunks: Buffer[] = []
  for (const part of parts) {
    const disposition =
      part.filename === undefined
        ? `form-data; name="${part.field}"`
        : `form-data; name="${part.field}"; filename="${part.filename}"`
    const type = part.filename === undefined ? '' : 'Content-Type: text/plain\r\n'
    chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`))
    chunks.push(Buffer.isBuffer(part.content) ? part.content : Buffer.from(part.content))
    chunks.push(Buffer.from('\r\n'))
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`))
  return Buffer.concat(chunks)
}

async function upload(
  p: Platform,
  token: string,
  parts: Part[],
  query: Record<string, string> = {},
  contentType = `multipart/form-data; boundary=${BOUNDARY}`,
) {
  return p.app.inject({
    method: 'POST',
    url: '/api/ros/2.0/batches',
    query,
    headers: { wellcloud_token: token, 'content-type': contentType },
    payload: multipart(parts),
  })
}

const LIST = [
  'r1,loan,13900000001,c-1,city:上海|level:A',
  'r2,loan,13900000002',
  'r3,loan,13900000001', // the same number again: the platform keeps it
  'r4,loan,not-a-number', // a bad line: skipped
  'r5,loan,+8613900000005,c-5',
].join('\n')
const file = (content: string | Buffer = LIST, filename = 'roster.txt'): Part => ({
  field: 'file',
  filename,
  content,
})

interface RobotPage {
  total?: number
  list: Record<string, unknown>[]
}

async function robotCallsOf(
  p: Platform,
  token: string,
  campaignId: string,
  batchId: string,
  more: Record<string, string> = {},
) {
  const res = await p.app.inject({
    method: 'GET',
    url: '/api/cdr/2.0/open/calls/robot',
    query: {
      campaignId,
      batchId,
      beginTime: '2024-06-03 00:00:00',
      endTime: '2024-06-03 23:59:59',
      domain: 'test.cc',
      s: '100',
      ...more,
    },
    headers: { wellcloud_token: token },
  })
  expect(res.statusCode).toBe(200)
  return res.json<RobotPage>()
}

describe('roster upload (seed 003 §5.2)', () => {
  it('answers 201 with the batch, and its entries fill the robot CDRs as simulated time passes', async () => {
    const p = (platform = startPlatform())
    const token = await p.token()
    const res = await upload(p, token, [file()], { templateId: 'camp-02', alias: '回访-6月' })
    expect(res.statusCode).toBe(201)
    const body = res.json<{ data: { alias: string; batchId: string; batchName: string } }>()
    expect(body).toEqual({
      data: {
        alias: '回访-6月',
        batchId: expect.any(String) as string,
        batchName: 'camp-02' + '20240603090000',
      },
      hasData: false,
    })
    const { batchId } = body.data
    // Nothing has been dialled yet.
    expect((await robotCallsOf(p, token, 'camp-02', batchId)).total).toBe(0)
    // Four good entries (the duplicate number kept, the bad line skipped), one every 5–20 s.
    await p.advance(10 * MINUTE)
    const page = await robotCallsOf(p, token, 'camp-02', batchId)
    expect(page.total).toBe(4)
    expect(page.list.map((c) => c.rosterId)).toEqual(['r1', 'r2', 'r3', 'r5'])
    expect(page.list.map((c) => c.dnis)).toEqual([
      '913900000001@test.cc',
      '913900000002@test.cc',
      '913900000001@test.cc',
      '9+8613900000005@test.cc',
    ])
    for (const call of page.list) {
      expect(call).toMatchObject({
        batchId,
        batchName: 'camp-0220240603090000',
        campaignId: 'camp-02',
      })
      expect(['接通', '用户忙', '无人接听', '关机', '空号']).toContain(call.result)
    }
    // Filters work on the batch's calls as on any robot call: its entry's data is in the uui.
    const byUui = await p.app.inject({
      method: 'GET',
      url: '/api/cdr/2.0/open/calls/robot',
      query: {
        campaignId: 'camp-02',
        beginTime: '2024-06-03 00:00:00',
        endTime: '2024-06-03 23:59:59',
        domain: 'test.cc',
        uuiKey: 'city',
        uuiValue: '上海',
      },
      headers: { wellcloud_token: token },
    })
    expect(byUui.json<RobotPage>().list.map((c) => c.rosterId)).toEqual(['r1'])
    // The batch is the campaign's it was uploaded to, no other's.
    expect((await robotCallsOf(p, token, 'camp-01', batchId)).total).toBe(0)
  })

  it('sends a list without templateId to the first campaign, one for a group to its first campaign, alias null when none', async () => {
    const p = (platform = startPlatform())
    const token = await p.token()
    const plain = await upload(p, token, [file()])
    expect(plain.statusCode).toBe(201)
    const data = plain.json<{ data: { alias: null; batchId: string; batchName: string } }>().data
    expect(data.alias).toBeNull()
    expect(data.batchName).toBe('camp-0120240603090000')
    const group = await upload(p, token, [file()], { templateId: 'group-01' })
    const grouped = group.json<{ data: { batchId: string; batchName: string } }>().data
    expect(grouped.batchName).toBe('group-0120240603090000')
    expect(grouped.batchId).not.toBe(data.batchId)
    await p.advance(10 * MINUTE)
    expect((await robotCallsOf(p, token, 'camp-01', data.batchId)).total).toBe(4)
    expect((await robotCallsOf(p, token, 'camp-01', grouped.batchId)).total).toBe(4)
  })

  it('reads only the first file of the form', async () => {
    const p = (platform = startPlatform())
    const token = await p.token()
    const res = await upload(p, token, [
      { field: 'note', content: 'hello' },
      file('a1,loan,13900000001\na2,loan,13900000002'),
      file('b1,loan,13900000003\nb2,loan,13900000004\nb3,loan,13900000005', 'second.txt'),
    ])
    expect(res.statusCode).toBe(201)
    const { batchId } = res.json<{ data: { batchId: string } }>().data
    await p.advance(10 * MINUTE)
    const page = await robotCallsOf(p, token, 'camp-01', batchId)
    expect(page.list.map((c) => c.rosterId)).toEqual(['a1', 'a2'])
  })

  it('refuses 400: no file, a JSON body, not txt/csv/dat, over 10 MB, binary, no readable line', async () => {
    const p = (platform = startPlatform())
    const token = await p.token()
    const refusals: [Part[], RegExp][] = [
      [[{ field: 'note', content: 'no file here' }], /^file: required/],
      [[file(LIST, 'roster.xlsx')], /not a \.txt, \.csv, \.dat file/],
      [[file(LIST, 'roster')], /not a \.txt/],
      [[file(Buffer.alloc(ROSTER_MAX_BYTES + 1, 0x31))], /larger than 10 MB/],
      [[file(Buffer.from([0x72, 0x31, 0x2c, 0, 0x2c, 0x31]))], /not a text file/],
      [[file('just one field\nanother')], /no readable entry/],
      [[file('')], /no readable entry/],
    ]
    for (const [parts, message] of refusals) {
      const res = await upload(p, token, parts)
      expect(res.statusCode, String(message)).toBe(400)
      expect(res.json()).toMatchObject({ errorCode: 400 })
      expect(res.json<{ errorMessage: string }>().errorMessage).toMatch(message)
    }
    const json = await p.app.inject({
      method: 'POST',
      url: '/api/ros/2.0/batches',
      headers: { wellcloud_token: token },
      payload: { file: LIST },
    })
    expect(json.statusCode).toBe(400)
    expect(json.json()).toMatchObject({ errorCode: 400 })
    // A list of 10 MB exactly is taken: the limit is inclusive.
    const line = 'r,loan,13900000001\n'
    const big = line.repeat(Math.floor(ROSTER_MAX_BYTES / line.length))
    const taken = await upload(p, token, [file(big, 'big.csv')])
    expect(taken.statusCode).toBe(201)
    expect(p.sim.robotBatches.size.planned).toBe(BATCH_DIAL_MAX)
  })

  it('refuses 404 for a templateId that is neither a campaign nor a group, 401 without a token', async () => {
    const p = (platform = startPlatform())
    const token = await p.token()
    const res = await upload(p, token, [file()], { templateId: 'ca0f61c88e194ce5ad47d820ac40d1e0' })
    expect(res.statusCode).toBe(404)
    expect(res.json()).toMatchObject({
      errorCode: 404,
      errorMessage: expect.stringContaining('活动不存在') as string,
    })
    expect((await upload(p, 'nope', [file()])).statusCode).toBe(401)
    expect(p.sim.robotBatches.size.batches).toBe(0)
  })

  it('reads a list saved as GB18030 by a Chinese spreadsheet', async () => {
    const p = (platform = startPlatform())
    const token = await p.token()
    // "r1,loan,13900000001,c1,city:上海" with 上海 in GB18030 (C9CF BAA3).
    const gbk = Buffer.concat([
      Buffer.from('r1,loan,13900000001,c1,city:'),
      Buffer.from([0xc9, 0xcf, 0xba, 0xa3]),
    ])
    const res = await upload(p, token, [file(gbk, 'list.CSV')])
    expect(res.statusCode).toBe(201)
    const { batchId } = res.json<{ data: { batchId: string } }>().data
    await p.advance(5 * MINUTE)
    const page = await robotCallsOf(p, token, 'camp-01', batchId, {
      uuiKey: 'city',
      uuiValue: '上海',
    })
    expect(page.total).toBe(1)
  })
})
