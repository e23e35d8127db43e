import { AdapterDateFns } from '@mui/x-date-pickers/AdapterDateFns'
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider'
import { enUS as enPickers, zhCN as zhPickers } from '@mui/x-date-pickers/locales'
import { enUS } from 'date-fns/locale/en-US'
import { zhCN } from 'date-fns/locale/zh-CN'
import type { ReactNode } from 'react'
import { useLanguage } from '@/hooks/use-language'

/** The date pickers' adapter and words, in the page's language. */
export function DatesProvider({ children }: { children: ReactNode }) {
  const language = useLanguage()
  const pickers = language === 'zh' ? zhPickers : enPickers
  return (
    <LocalizationProvider
      dateAdapter={AdapterDateFns}
      adapterLocale={language === 'zh' ? zhCN : enUS}
      localeText={pickers.components.MuiLocalizationProvider.defaultProps.localeText}
    >
      {children}
    </LocalizationProvider>
  )
}
