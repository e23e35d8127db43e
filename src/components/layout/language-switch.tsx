import TranslateRounded from '@mui/icons-material/TranslateRounded'
import IconButton from '@mui/material/IconButton'
import Tooltip from '@mui/material/Tooltip'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { loadOnFirstDraw, preloadWhenIdle, useOpenedOnce } from '@/components/ui/on-demand'

/** The menu itself: fetched once the page is idle, drawn from the first opening on. */
const LanguageMenu = loadOnFirstDraw(async () => (await import('./language-menu')).LanguageMenu)

/** 中文 / English, remembered on this device. */
export function LanguageSwitch() {
  const { t } = useTranslation()
  const [anchor, setAnchor] = useState<HTMLElement | null>(null)
  const used = useOpenedOnce(anchor !== null)
  useEffect(() => preloadWhenIdle(LanguageMenu), [])
  return (
    <>
      <Tooltip title={t('language.label')}>
        <IconButton
          aria-label={t('language.label')}
          aria-haspopup="menu"
          aria-expanded={anchor !== null}
          onClick={(e) => setAnchor(e.currentTarget)}
        >
          <TranslateRounded />
        </IconButton>
      </Tooltip>
      {used && <LanguageMenu anchorEl={anchor} onClose={() => setAnchor(null)} />}
    </>
  )
}
