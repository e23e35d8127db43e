import CssBaseline from '@mui/material/CssBaseline'
import { ThemeProvider } from '@mui/material/styles'
import { QueryClientProvider } from '@tanstack/react-query'
import { type ReactNode, useMemo } from 'react'
import { createAppTheme } from '@/config/theme'
import { useLanguage } from '@/hooks/use-language'
import { queryClient } from '@/lib/query-client'

const MODE_STORAGE_KEY = 'wellcloud.theme'

/** Theme (following the OS unless the user chose) and the server-data cache. */
export function AppProvider({ children }: { children: ReactNode }) {
  const language = useLanguage()
  const theme = useMemo(() => createAppTheme(language), [language])

  return (
    <ThemeProvider
      theme={theme}
      defaultMode="system"
      modeStorageKey={MODE_STORAGE_KEY}
      disableTransitionOnChange
    >
      <CssBaseline enableColorScheme />
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </ThemeProvider>
  )
}
