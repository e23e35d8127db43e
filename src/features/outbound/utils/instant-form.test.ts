import { describe, expect, it } from 'vitest'
import { EMPTY_INSTANT_FORM, instantBody } from './instant-form'

const FILLED = {
  ...EMPTY_INSTANT_FORM,
  activityId: ' camp-7 ',
  rosterId: 'r-1',
  callee: '13912345678',
  caller: '8001@test.cc',
}

describe('instantBody', () => {
  it('sends the fields trimmed, leaving out empty optional ones and empty data rows', () => {
    expect(
      instantBody({
        ...FILLED,
        data: [
          { key: ' name ', value: '张三' },
          { key: '', value: '' },
        ],
      }),
    ).toEqual({
      ok: true,
      body: {
        activityId: 'camp-7',
        rosterId: 'r-1',
        callee: '13912345678',
        caller: '8001@test.cc',
        data: { name: '张三' },
      },
    })
  })

  it('names each wrong field', () => {
    expect(instantBody(EMPTY_INSTANT_FORM)).toEqual({
      ok: false,
      errors: {
        activityId: 'required',
        rosterId: 'required',
        callee: 'required',
        caller: 'required',
      },
    })
    expect(
      instantBody({ ...FILLED, callee: '139-1234', caller: 'agent one', tenantId: 'x'.repeat(65) }),
    ).toEqual({ ok: false, errors: { callee: 'phone', caller: 'caller', tenantId: 'tooLong' } })
    expect(instantBody({ ...FILLED, data: [{ key: '', value: 'orphan' }] })).toEqual({
      ok: false,
      errors: { data: 'dataKey' },
    })
  })
})
