import { ThemeProvider } from '@mui/material/styles'
import { QueryClientProvider } from '@tanstack/react-query'
import { type RenderResult, render } from '@testing-library/react'
import type { ReactNode } from 'react'
import { MemoryRouter } from 'react-router'
import { createAppTheme } from '@/config/theme'
import '@/lib/i18n'
import { testQueryClient } from './render-app'

const theme = createAppTheme('zh')

/** Renders with the app's theme, translations (Chinese), a query client and a router at `url`. */
export function renderWithProviders(ui: ReactNode, url = '/'): RenderResult {
  const queryClient = testQueryClient()
  // A wrapper, not a parent element, so `rerender` keeps the providers.
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ThemeProvider theme={theme}>
      <QueryClientProvider client={queryClient}>
        <MemoryRouter initialEntries={[url]}>{children}</MemoryRouter>
      </QueryClientProvider>
    </ThemeProvider>
  )
  return render(ui, { wrapper })
}

// Popups (menus, popovers) MUI places in their own layer: they keep jsdom's own size (none).
// Sized like the whole page, a menu would be taller than the window, and MUI would warn so.
const POPUP_LAYER = '.MuiPopover-root'

/**
 * jsdom lays nothing out: give the page's elements a size so the virtualiser renders rows.
 * Popups keep jsdom's size.
 */
export function fakeLayout(width: number, height: number): () => void {
  const props = ['offsetWidth', 'offsetHeight', 'clientWidth', 'clientHeight'] as const
  const saved = props.map(
    (p) => [p, Object.getOwnPropertyDescriptor(HTMLElement.prototype, p)] as const,
  )
  for (const [p, original] of saved) {
    Object.defineProperty(HTMLElement.prototype, p, {
      configurable: true,
      get(this: HTMLElement): number {
        if (this.closest(POPUP_LAYER)) return (original?.get?.call(this) as number | undefined) ?? 0
        return p.endsWith('Width') ? width : height
      },
    })
  }
  return () => {
    for (const [p, d] of saved) if (d) Object.defineProperty(HTMLElement.prototype, p, d)
  }
}
