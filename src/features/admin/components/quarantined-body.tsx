import FileDownloadRounded from '@mui/icons-material/FileDownloadRounded'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { QuarantineEntry } from '@/shared/webhook-quarantine'
import { quarantinedBodyUrl } from '../api/get-quarantine'
import { headOf, visibleText } from '../utils/visible-text'

/** A body longer than this is folded to its start until unfolded, characters. */
export const FOLDED_BODY_CHARS = 480

const MONO = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace'

/**
 * A quarantined body exactly as the platform sent it: plain text, never parsed (reading it as
 * JSON could change the digits of a long serial), invisible characters written out. A long
 * body is folded; one longer than the list carries downloads whole.
 */
export function QuarantinedBody({ entry }: { entry: QuarantineEntry }) {
  const { t } = useTranslation('admin')
  const [open, setOpen] = useState(false)
  const id = useId()
  if (!entry.bodyKept) {
    return (
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        {t('quarantine.bodyNotKept', { bytes: entry.bytes ?? '?' })}
      </Typography>
    )
  }
  const long = entry.body.length > FOLDED_BODY_CHARS || entry.bodyTruncated
  const shown = open || !long ? entry.body : `${headOf(entry.body, FOLDED_BODY_CHARS)}…`
  return (
    <Box>
      <Box
        component="pre"
        id={id}
        // Scrollable when unfolded: a focus stop, so the keyboard can scroll it.
        tabIndex={open ? 0 : undefined}
        aria-label={t('quarantine.bodyLabel')}
        sx={{
          m: 0,
          p: 1.5,
          borderRadius: 1,
          bgcolor: 'action.hover',
          color: 'text.primary',
          fontFamily: MONO,
          fontSize: 12.5,
          lineHeight: 1.5,
          whiteSpace: 'pre-wrap',
          overflowWrap: 'anywhere',
          maxHeight: open ? 360 : undefined,
          overflow: 'auto',
          '&:focus-visible': { outline: 2, outlineColor: 'primary.main' },
        }}
      >
        {visibleText(shown)}
      </Box>
      {long && (
        <Stack direction="row" spacing={1} sx={{ mt: 0.5, alignItems: 'center' }}>
          <Button
            size="small"
            aria-expanded={open}
            aria-controls={id}
            onClick={() => setOpen((o) => !o)}
          >
            {open ? t('quarantine.fold') : t('quarantine.unfold', { bytes: entry.bytes ?? '?' })}
          </Button>
          {entry.bodyTruncated && (
            <Button
              size="small"
              startIcon={<FileDownloadRounded />}
              href={quarantinedBodyUrl(entry.id)}
              download
            >
              {t('quarantine.download')}
            </Button>
          )}
        </Stack>
      )}
    </Box>
  )
}
