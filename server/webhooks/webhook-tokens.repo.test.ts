import { createHash } from 'node:crypto'
import { sql } from 'kysely'
import { afterEach, expect, it } from 'vitest'
import { describeEachStore, openTestStore, type TestStore } from '../testing/stores'
import { WebhookTokensRepo } from './webhook-tokens.repo'
import { WebhookTokens } from './webhook-tokens.store'

/*
 * Minted webhook tokens, alike on each engine: only their hash stored, admitted from memory
 * (no query per webhook), refused from the moment they are revoked, their last use written at
 * most once a minute, and another relay process's mint or revoke taken in on reload.
 */

const AT = Date.UTC(2026, 11, 1, 2, 0)
const SETTINGS = [{ namespace: 'test.cc', token: 'settings-token-of-test-cc' }]

describeEachStore('webhook tokens’ storage', (kind) => {
  let store: TestStore
  afterEach(() => store.dispose())

  /** A relay process's tokens over the store, counting the queries it makes. */
  async function tokensOf(s: TestStore) {
    const repo = new WebhookTokensRepo(s.db)
    const queries = { n: 0 }
    const counted = new Proxy(repo, {
      get(target, key, receiver) {
        const value: unknown = Reflect.get(target, key, receiver)
        if (typeof value !== 'function') return value
        return (...args: unknown[]) => {
          queries.n += 1
          return (value as (...a: unknown[]) => unknown).apply(target, args)
        }
      },
    })
    const errors: unknown[] = []
    const tokens = new WebhookTokens(counted, SETTINGS, (err) => errors.push(err))
    await tokens.reload()
    return { tokens, queries, errors }
  }

  const mint = (tokens: WebhookTokens, name = 'Production callback', namespace = 'third.cc') =>
    tokens.mint({ name, namespace, createdById: null, createdBy: 'admin-t', now: AT })

  it('stores only the hash, lists a tenant’s tokens newest first, revoked ones included', async () => {
    store = await openTestStore(kind)
    const { tokens } = await tokensOf(store)
    const first = await mint(tokens, 'first')
    const second = await tokens.mint({
      name: 'second',
      namespace: 'third.cc',
      createdById: null,
      createdBy: 'admin-t',
      now: AT + 1,
    })
    await mint(tokens, 'elsewhere', 'fourth.cc')
    expect(second.token).toEqual({
      id: expect.any(Number) as number,
      name: 'second',
      namespace: 'third.cc',
      createdBy: 'admin-t',
      createdAt: AT + 1,
      revokedAt: null,
      lastUsedAt: null,
    })
    await tokens.revoke(first.token.id, AT + 2)
    const listed = await tokens.list('third.cc')
    expect(listed.map((t) => [t.name, t.revokedAt])).toEqual([
      ['second', null],
      ['first', AT + 2],
    ])
    expect(await tokens.byId(second.token.id)).toEqual(second.token)
    expect(await tokens.byId(999_999)).toBeNull()

    const { rows } = await sql<{
      token_hash: string
    }>`SELECT token_hash FROM webhook_tokens ORDER BY id`.execute(store.db)
    expect(rows.map((r) => r.token_hash)).toEqual(
      [first, second]
        .map((m) => createHash('sha256').update(m.secret).digest('hex'))
        .concat([expect.any(String) as string]),
    )
    expect(JSON.stringify(rows)).not.toContain(first.secret)
  })

  it('admits a minted token at once and from memory, and nothing from the moment it is revoked', async () => {
    store = await openTestStore(kind)
    const { tokens, queries } = await tokensOf(store)
    expect(tokens.admit('settings-token-of-test-cc', AT)).toEqual({
      namespace: 'test.cc',
      tokenId: null,
    })
    const { token, secret } = await mint(tokens)
    expect(tokens.admit(secret, AT)).toEqual({ namespace: 'third.cc', tokenId: token.id })

    // A minute of webhooks: no query but the one "last used" write.
    const before = queries.n
    for (let i = 1; i < 600; i += 1) expect(tokens.admit(secret, AT + i * 100)).not.toBeNull()
    expect(queries.n - before).toBe(0)
    expect(tokens.admit(secret, AT + 60_000)).not.toBeNull()
    expect(queries.n - before).toBe(1)
    expect(tokens.admit('not-a-token', AT)).toBeNull()

    await tokens.revoke(token.id, AT + 60_001)
    expect(tokens.admit(secret, AT + 60_002)).toBeNull()
  })

  it('shows the last use at once, writes it at most once a minute, and the rest on flush', async () => {
    store = await openTestStore(kind)
    const { tokens, errors } = await tokensOf(store)
    const { token, secret } = await mint(tokens)
    tokens.admit(secret, AT)
    tokens.admit(secret, AT + 30_000)
    expect((await tokens.byId(token.id))!.lastUsedAt).toBe(AT + 30_000)
    const stored = async () => (await new WebhookTokensRepo(store.db).byId(token.id))!.lastUsedAt
    await tokens.flush()
    expect(await stored()).toBe(AT + 30_000)
    expect(errors).toEqual([])
    const settings = tokens.fromSettings('test.cc')
    expect(settings).toEqual({ count: 1, lastUsedAt: null })
    tokens.admit('settings-token-of-test-cc', AT + 5)
    expect(tokens.fromSettings('test.cc')).toEqual({ count: 1, lastUsedAt: AT + 5 })
  })

  it('takes in another relay process’s mint and revoke on reload', async () => {
    store = await openTestStore(kind)
    const here = await tokensOf(store)
    const there = await tokensOf(store)
    const { token, secret } = await mint(there.tokens)
    expect(here.tokens.admit(secret, AT)).toBeNull()
    await here.tokens.reload()
    expect(here.tokens.admit(secret, AT)).toEqual({ namespace: 'third.cc', tokenId: token.id })

    await there.tokens.revoke(token.id, AT + 1)
    await here.tokens.reload()
    expect(here.tokens.admit(secret, AT + 2)).toBeNull()
  })

  it('never lets a reload that read before a revoke bring the token back', async () => {
    store = await openTestStore(kind)
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    // The first read of the tokens in force is answered only after the revoke is done.
    let reads = 0
    class SlowRepo extends WebhookTokensRepo {
      override async active() {
        const rows = await super.active()
        reads += 1
        if (reads === 2) await held
        return rows
      }
    }
    const tokens = new WebhookTokens(new SlowRepo(store.db), SETTINGS, () => {})
    await tokens.reload()
    const { token, secret } = await mint(tokens)
    const reloading = tokens.reload()
    await tokens.revoke(token.id, AT + 1)
    release()
    await reloading
    expect(reads).toBe(3) // read again: the first read predates the revoke
    expect(tokens.admit(secret, AT + 2)).toBeNull()
  })
})
