import { describe, expect, it } from 'vitest'
import { parsePlatformTime } from '@/shared/platform-time'
import { splitPointOf } from './records.service'

const TZ = 'Asia/Shanghai'
const at = (text: string) => parsePlatformTime(text, TZ)

describe('the time a 14015 answer says to split at', () => {
  it('is read from the platform’s words, in the forms it writes times', () => {
    expect(
      splitPointOf(
        '不得跨库查询，必须分成两部分查询，请以 2026-11-01 00:00:00 时间点分为两次查询',
        TZ,
      ),
    ).toBe(at('2026-11-01 00:00:00'))
    expect(splitPointOf('请以2026.11.01 08:30时间点分为两次查询', TZ)).toBe(
      at('2026-11-01 08:30:00'),
    )
  })

  it('is not guessed when the answer names none, or more than one', () => {
    expect(splitPointOf('不得跨库查询，必须分成两部分查询', TZ)).toBeNull()
    expect(splitPointOf(null, TZ)).toBeNull()
    expect(splitPointOf('2026-10-01 00:00:00 或 2026-11-01 00:00:00', TZ)).toBeNull()
  })
})
