import { sql } from 'kysely'
import { afterEach, expect, it } from 'vitest'
import { describeEachStore, openTestStore, type TestStore } from '../testing/stores'
import { WriteBatcher } from './write-batcher'

describeEachStore('group commit', (kind) => {
  let store: TestStore
  afterEach(() => store.dispose())

  const count = async () =>
    Number(
      (await sql<{ n: number }>`SELECT COUNT(*) AS n FROM t`.execute(store.db)).rows[0]?.n ?? -1,
    )

  async function openWithTable(): Promise<WriteBatcher> {
    store = await openTestStore(kind)
    await sql`CREATE TABLE t (v INTEGER PRIMARY KEY)`.execute(store.db)
    return new WriteBatcher(store)
  }

  it('commits the writes of one turn together, and settles each once it is stored', async () => {
    const batcher = await openWithTable()
    const writes = Array.from({ length: 100 }, (_, i) =>
      batcher.write(async (trx) => {
        await sql`INSERT INTO t (v) VALUES (${i})`.execute(trx)
      }),
    )
    expect(await count()).toBe(0) // not yet
    await Promise.all(writes)
    expect(await count()).toBe(100)
    expect(batcher.commits).toBe(1)
  })

  it('fails only the write that fails', async () => {
    const batcher = await openWithTable()
    const insert = (v: number) => async (trx: TestStore['db']) => {
      await sql`INSERT INTO t (v) VALUES (${v})`.execute(trx)
    }
    const results = await Promise.allSettled([
      batcher.write(insert(1)),
      batcher.write(insert(1)), // a primary-key clash
      batcher.write(insert(2)),
    ])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect(await count()).toBe(2)
  })

  it('stores what the writes gathered in one statement, and still fails only the bad one', async () => {
    const batcher = await openWithTable()
    let gathered: number[] = []
    batcher.onRollback(() => (gathered = []))
    batcher.beforeCommit(async (trx) => {
      const values = gathered.map((v) => sql`(${v})`)
      gathered = []
      if (values.length > 0) await sql`INSERT INTO t (v) VALUES ${sql.join(values)}`.execute(trx)
    })
    const gather = (v: number) => () => void gathered.push(v)
    const first = await Promise.allSettled([1, 2, 3].map((v) => batcher.write(gather(v))))
    expect(first.every((r) => r.status === 'fulfilled')).toBe(true)
    expect(await count()).toBe(3)
    expect(batcher.commits).toBe(1)
    // 2 is stored already: the batch's one INSERT fails, each write is tried again alone.
    const second = await Promise.allSettled([4, 2, 5].map((v) => batcher.write(gather(v))))
    expect(second.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect(await count()).toBe(5)
  })
})
