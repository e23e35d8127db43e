import CloseRounded from '@mui/icons-material/CloseRounded'
import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import IconButton from '@mui/material/IconButton'
import Snackbar from '@mui/material/Snackbar'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { useLanguage } from '@/hooks/use-language'
import { returnState } from '@/lib/return-to'
import { type ActionNotice as Notice, noticeView } from '../utils/notice'

const SUCCESS_MS = 6_000 // a confirmation needs a glance
const PROBLEM_MS = 12_000 // a refusal needs reading

interface ActionNoticeProps {
  notice: Notice | null
  open: boolean
  profilePath: string
  onClose: () => void
}

/** The answer to the last action, in a snackbar: sent, or why not (with the profile when that is why). */
export function ActionNotice({ notice, open, profilePath, onClose }: ActionNoticeProps) {
  const { t } = useTranslation()
  const location = useLocation()
  const language = useLanguage()
  if (!notice) return null
  const view = noticeView(notice, t, language)
  return (
    <Snackbar
      key={notice.key}
      open={open}
      autoHideDuration={view.severity === 'success' ? SUCCESS_MS : PROBLEM_MS}
      onClose={(_, reason) => {
        if (reason !== 'clickaway') onClose()
      }}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
    >
      <Alert
        severity={view.severity}
        variant="filled"
        sx={{ maxWidth: 640, alignItems: 'center' }}
        action={
          <>
            {view.profileLink && (
              <Button
                component={Link}
                to={profilePath}
                state={returnState(location)}
                color="inherit"
                size="small"
                onClick={onClose}
                sx={{ whiteSpace: 'nowrap' }}
              >
                {t('actions.openProfile')}
              </Button>
            )}
            <IconButton
              size="small"
              color="inherit"
              aria-label={t('common.close')}
              onClick={onClose}
            >
              <CloseRounded fontSize="small" />
            </IconButton>
          </>
        }
      >
        {view.text}
      </Alert>
    </Snackbar>
  )
}
