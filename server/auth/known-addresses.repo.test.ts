import { beforeEach, expect, it } from 'vitest'
import { describeEachStore, storePerTest } from '../testing/stores'
import {
  KNOWN_ADDRESS_MS,
  KNOWN_ADDRESSES_PER_USER,
  KnownAddressesRepo,
} from './known-addresses.repo'
import { UsersRepo } from './users.repo'

const T0 = 1_760_000_000_000

describeEachStore('known addresses', (kind) => {
  let known: KnownAddressesRepo
  let lead: number
  let other: number
  const store = storePerTest(kind)
  beforeEach(async () => {
    known = new KnownAddressesRepo(store().db)
    const users = new UsersRepo(store().db)
    const scope = { namespace: 'test.cc', orgPrefix: null, skills: null }
    lead = (
      await users.create({ username: 'lead', passwordHash: 'h', role: 'supervisor', scope }, T0)
    ).id
    other = (
      await users.create({ username: 'other', passwordHash: 'h', role: 'viewer', scope }, T0)
    ).id
  })

  it("knows a user's address for 90 days after their last sign-in from it", async () => {
    expect(await known.isKnown(lead, '10.0.0.1', T0)).toBe(false)
    await known.remember(lead, '10.0.0.1', T0)
    expect(await known.isKnown(lead, '10.0.0.1', T0)).toBe(true)
    expect(await known.isKnown(other, '10.0.0.1', T0)).toBe(false)
    expect(await known.isKnown(lead, '10.0.0.1', T0 + KNOWN_ADDRESS_MS)).toBe(true)
    expect(await known.isKnown(lead, '10.0.0.1', T0 + KNOWN_ADDRESS_MS + 1)).toBe(false)
    // Signing in again from it starts the 90 days over.
    await known.remember(lead, '10.0.0.1', T0 + KNOWN_ADDRESS_MS)
    expect(await known.isKnown(lead, '10.0.0.1', T0 + KNOWN_ADDRESS_MS + 1)).toBe(true)
    expect(await known.list(lead)).toEqual(['10.0.0.1'])
  })

  it('keeps the most recent addresses of each user and forgets stale ones', async () => {
    await known.remember(other, 'elsewhere', T0)
    for (let i = 0; i < KNOWN_ADDRESSES_PER_USER + 2; i++)
      await known.remember(lead, `addr-${i}`, T0 + i)
    const kept = await known.list(lead)
    expect(kept).toHaveLength(KNOWN_ADDRESSES_PER_USER)
    expect(kept[0]).toBe(`addr-${KNOWN_ADDRESSES_PER_USER + 1}`)
    expect(kept).not.toContain('addr-0')
    expect(kept).not.toContain('addr-1')
    // Another user's addresses are theirs to keep.
    expect(await known.list(other)).toEqual(['elsewhere'])
    // A sign-in long after forgets the stale ones.
    await known.remember(lead, 'new', T0 + KNOWN_ADDRESS_MS + 100)
    expect(await known.list(lead)).toEqual(['new'])
  })
})
