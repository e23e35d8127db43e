import Alert from '@mui/material/Alert'
import Snackbar from '@mui/material/Snackbar'

const PROBLEM_MS = 12_000 // a refusal needs reading

interface PresenceNoticeProps {
  /** What went wrong, in words; null: nothing to say. */
  text: string | null
  /** New for every notice, so a second one restarts the snackbar. */
  noticeKey: number
  onClose: () => void
}

/** Why "I'm on it" or a snooze did not go through (they show on the tiles when they do). */
export function PresenceNotice({ text, noticeKey, onClose }: PresenceNoticeProps) {
  return (
    <Snackbar
      key={noticeKey}
      open={text !== null}
      autoHideDuration={PROBLEM_MS}
      onClose={(_, reason) => {
        if (reason !== 'clickaway') onClose()
      }}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
    >
      <Alert severity="error" variant="filled" onClose={onClose} sx={{ maxWidth: 640 }}>
        {text}
      </Alert>
    </Snackbar>
  )
}
