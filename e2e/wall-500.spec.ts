import { expect, signIn, test } from './fixtures'
import { FITS, layoutOf, pageIndicator, serverAgents, shot, tiles } from './wall-helpers'

/*
 * The wall screen with a floor too big for one screen: 500 agents at 1920 × 1080. Its own file,
 * because the simulator's flags are chosen per worker.
 */
test.use({ simArgs: '--agents 500 --seed 3', viewport: { width: 1920, height: 1080 } })

test.describe('the wall screen with 500 agents', () => {
  test('fits them without scrolling, in pages that turn by themselves', async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000)
    await signIn(page, 'lead')
    await page.goto('/wall?mode=pages') // the heatmap is the default above 200 agents
    // The simulator logs its agents in over a minute or so: a few hundred are plenty.
    await expect.poll(() => serverAgents(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(300)
    await expect.poll(() => tiles(page).count(), { timeout: 30_000 }).toBeGreaterThan(50)
    expect(await layoutOf(page)).toEqual(FITS)

    // At the smallest readable size 1080 px hold under 200 tiles (20 px text, 8 × 3 em tiles),
    // so 300 agents and more cannot all fit: pages, each with its share.
    await expect(pageIndicator(page)).toBeVisible()
    const shown = await tiles(page).count()
    expect(shown).toBeLessThan(await serverAgents(page))
    const pages = Number(/\/ (\d+) 页/.exec((await pageIndicator(page).textContent()) ?? '')?.[1])
    expect(pages).toBeGreaterThanOrEqual(2)
    const before = await pageIndicator(page).textContent()
    const firstIds = await tiles(page).evaluateAll((els) =>
      els.map((el) => el.getAttribute('data-agent-id')),
    )
    await shot(page, testInfo, `wall-500-agents-${before}`)

    // The next page, within a rotation period (15 s), shows other agents (a few may have moved
    // pages meanwhile, as their states changed), and still fits. The page number is what must
    // change: the count of pages may change too while the simulator is still logging agents in.
    const pageNumber = async () =>
      Number(/(\d+) \//.exec((await pageIndicator(page).textContent()) ?? '')?.[1])
    const first = await pageNumber()
    await expect.poll(pageNumber, { timeout: 20_000 }).not.toBe(first)
    // The tiles of the new page follow the number within a frame or two.
    await expect
      .poll(
        async () => {
          const nextIds = await tiles(page).evaluateAll((els) =>
            els.map((el) => el.getAttribute('data-agent-id')),
          )
          return nextIds.filter((id) => firstIds.includes(id)).length
        },
        { timeout: 5_000 },
      )
      .toBeLessThan(shown / 2)
    expect(await layoutOf(page)).toEqual(FITS)
    await shot(page, testInfo, `wall-500-agents-${await pageIndicator(page).textContent()}`)
  })
})
