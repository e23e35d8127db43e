// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { Suspense, use } from 'react'
import { useLocation, useSearchParams } from 'react-router'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppRouter } from './app-router'

beforeEach(() => window.history.replaceState(null, '', '/'))
afterEach(cleanup)

const never = new Promise<never>(() => {})

/**
 * A part of the page whose render cannot finish for now once the search is set: on a busy
 * floor, the grid's render that every live update interrupts.
 */
function Busy() {
  if (useLocation().search !== '') use(never)
  return null
}

function SearchBox() {
  const [params, setParams] = useSearchParams()
  return (
    <>
      <button type="button" onClick={() => setParams({ q: '54' }, { replace: true })}>
        search
      </button>
      <output aria-label="shown search">{params.get('q') ?? ''}</output>
    </>
  )
}

describe('AppRouter', () => {
  it('shows a new search at once, while another part of the page is still rendering', async () => {
    render(
      <AppRouter>
        <SearchBox />
        <Suspense fallback={<p>loading</p>}>
          <Busy />
        </Suspense>
      </AppRouter>,
    )
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'search' }))
      await Promise.resolve()
    })
    expect(window.location.search).toBe('?q=54')
    expect(screen.getByRole('status', { name: 'shown search' }).textContent).toBe('54')
    // The busy part shows that it is loading rather than holding the rest back.
    expect(screen.getByText('loading')).toBeTruthy()
  })
})
