import Alert from '@mui/material/Alert'
import Snackbar from '@mui/material/Snackbar'
import { useTranslation } from 'react-i18next'

export interface Notice {
  severity: 'success' | 'error'
  text: string
}

const SUCCESS_MS = 5_000 // good news goes by itself; a problem stays until closed

/** What just happened to a view, said plainly at the bottom of the page. */
export function ViewNotice({ notice, onClose }: { notice: Notice | null; onClose: () => void }) {
  const { t } = useTranslation()
  return (
    <Snackbar
      open={notice !== null}
      onClose={(_, reason) => {
        if (reason !== 'clickaway') onClose()
      }}
      autoHideDuration={notice?.severity === 'success' ? SUCCESS_MS : null}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
    >
      {notice ? (
        <Alert
          severity={notice.severity}
          variant="filled"
          role={notice.severity === 'error' ? 'alert' : 'status'}
          onClose={onClose}
          slotProps={{ closeButton: { 'aria-label': t('views.dismiss') } }}
        >
          {notice.text}
        </Alert>
      ) : undefined}
    </Snackbar>
  )
}
