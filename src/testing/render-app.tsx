import { ThemeProvider } from '@mui/material/styles'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { type RenderResult, render } from '@testing-library/react'
// From `react-router` itself: in Node its `/dom` entry loads a second copy of the router context.
import { type RouteObject, RouterProvider, createMemoryRouter } from 'react-router'
import { createAppTheme } from '@/config/theme'
import '@/lib/i18n'

const theme = createAppTheme('zh')

/** A query client as the app's, but without retries, so a refused request shows at once. */
export function testQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  })
}

/**
 * Renders routes at `url` with the app's theme, translations (Chinese) and a query client;
 * returns the router too, to see where the page went.
 */
export function renderRoutes(
  routes: RouteObject[],
  url: string,
  queryClient: QueryClient = testQueryClient(),
): RenderResult & { router: ReturnType<typeof createMemoryRouter>; queryClient: QueryClient } {
  const router = createMemoryRouter(routes, { initialEntries: [url] })
  const result = render(
    <ThemeProvider theme={theme}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </ThemeProvider>,
  )
  return { ...result, router, queryClient }
}
