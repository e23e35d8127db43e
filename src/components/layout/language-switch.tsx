import CheckRounded from '@mui/icons-material/CheckRounded'
import TranslateRounded from '@mui/icons-material/TranslateRounded'
import IconButton from '@mui/material/IconButton'
import ListItemIcon from '@mui/material/ListItemIcon'
import ListItemText from '@mui/material/ListItemText'
import Menu from '@mui/material/Menu'
import MenuItem from '@mui/material/MenuItem'
import Tooltip from '@mui/material/Tooltip'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLanguage } from '@/hooks/use-language'
import { LANGUAGES, htmlLang, setLanguage } from '@/lib/i18n'

/** 中文 / English, remembered on this device. */
export function LanguageSwitch() {
  const { t } = useTranslation()
  const current = useLanguage()
  const [anchor, setAnchor] = useState<HTMLElement | null>(null)
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
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {LANGUAGES.map((lang) => (
          <MenuItem
            key={lang}
            lang={htmlLang(lang)}
            selected={lang === current}
            onClick={() => {
              void setLanguage(lang)
              setAnchor(null)
            }}
          >
            <ListItemIcon>{lang === current && <CheckRounded fontSize="small" />}</ListItemIcon>
            <ListItemText>{t(`language.${lang}`)}</ListItemText>
          </MenuItem>
        ))}
      </Menu>
    </>
  )
}
