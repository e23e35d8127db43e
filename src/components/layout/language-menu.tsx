import CheckRounded from '@mui/icons-material/CheckRounded'
import ListItemIcon from '@mui/material/ListItemIcon'
import ListItemText from '@mui/material/ListItemText'
import Menu from '@mui/material/Menu'
import MenuItem from '@mui/material/MenuItem'
import { useTranslation } from 'react-i18next'
import { useLanguage } from '@/hooks/use-language'
import { LANGUAGES, htmlLang, setLanguage } from '@/lib/i18n'

interface LanguageMenuProps {
  /** The switch's button; null while the menu is closed. */
  anchorEl: HTMLElement | null
  onClose: () => void
}

/** The language switch's menu: 中文, English; the current one checked. */
export function LanguageMenu({ anchorEl, onClose }: LanguageMenuProps) {
  const { t } = useTranslation()
  const current = useLanguage()
  return (
    <Menu anchorEl={anchorEl} open={anchorEl !== null} onClose={onClose}>
      {LANGUAGES.map((lang) => (
        <MenuItem
          key={lang}
          lang={htmlLang(lang)}
          selected={lang === current}
          onClick={() => {
            void setLanguage(lang)
            onClose()
          }}
        >
          <ListItemIcon>{lang === current && <CheckRounded fontSize="small" />}</ListItemIcon>
          <ListItemText>{t(`language.${lang}`)}</ListItemText>
        </MenuItem>
      ))}
    </Menu>
  )
}
