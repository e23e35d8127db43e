import HistoryRounded from '@mui/icons-material/HistoryRounded'
import IconButton from '@mui/material/IconButton'
import Tooltip from '@mui/material/Tooltip'
import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { loadOnFirstDraw, popupOnDemand, preloadWhenIdle } from '@/components/ui/on-demand'
import { useReplaying } from '../stores/replay-store'

/** The form and its date picker load the first time "Look back" is opened. */
const LookBackForm = loadOnFirstDraw(async () => (await import('./replay-form')).LookBackForm)
/** The popover's own code too: nothing of it is drawn until first opened. */
const Popover = popupOnDemand(async () => (await import('@mui/material/Popover')).default)

const FORM_WIDTH = 320 // px

/** The toolbar's "Look back": a moment in platform time, or a quick "15 minutes ago". */
export function ReplayButton() {
  const { t } = useTranslation()
  const [anchor, setAnchor] = useState<HTMLElement | null>(null)
  const open = anchor !== null
  const close = () => setAnchor(null)
  const titleId = useId()
  const replaying = useReplaying()
  useEffect(() => preloadWhenIdle(LookBackForm), [])
  return (
    <>
      {/* An icon beside the figures' and the alerts', so the toolbar's first line still fits. */}
      <Tooltip title={t('replay.openHint')} describeChild>
        <IconButton
          aria-label={t('replay.open')}
          aria-haspopup="dialog"
          aria-expanded={open}
          onClick={(e) => setAnchor(e.currentTarget)}
        >
          <HistoryRounded color={replaying ? 'primary' : 'inherit'} />
        </IconButton>
      </Tooltip>
      <Popover
        open={open}
        anchorEl={anchor}
        onClose={close}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
        // Sized before the form's code arrives, so the popover is placed for its real width.
        slotProps={{
          paper: { role: 'dialog', 'aria-labelledby': titleId, sx: { width: FORM_WIDTH } },
        }}
      >
        {open && <LookBackForm titleId={titleId} onDone={close} />}
      </Popover>
    </>
  )
}
