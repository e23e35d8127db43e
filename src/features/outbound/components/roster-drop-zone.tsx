import UploadFileRounded from '@mui/icons-material/UploadFileRounded'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Typography from '@mui/material/Typography'
import { type DragEvent, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ROSTER_EXTENSIONS } from '@/shared/outbound'

/** Where a call list is dropped, or chosen with a button (the keyboard's way in). */
export function RosterDropZone({ onFile }: { onFile: (file: File) => void }) {
  const { t } = useTranslation('outbound')
  const inputId = useId()
  const input = useRef<HTMLInputElement>(null)
  const [over, setOver] = useState(false)
  const drop = (event: DragEvent) => {
    event.preventDefault()
    setOver(false)
    const file = event.dataTransfer.files[0]
    if (file) onFile(file)
  }
  return (
    <Box
      onDragOver={(e) => {
        e.preventDefault()
        setOver(true)
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      data-testid="roster-drop-zone"
      sx={{
        border: '2px dashed',
        borderColor: over ? 'primary.main' : 'divider',
        bgcolor: over ? 'action.hover' : 'transparent',
        borderRadius: 2,
        p: 3,
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        gap: 1,
        textAlign: 'center',
      }}
    >
      <UploadFileRounded aria-hidden sx={{ fontSize: 36, color: 'text.secondary' }} />
      <Typography variant="body2">{t('roster.dropHere')}</Typography>
      <Button variant="outlined" size="small" onClick={() => input.current?.click()}>
        {t('roster.choose')}
      </Button>
      <input
        id={inputId}
        ref={input}
        type="file"
        aria-label={t('roster.fileInput')}
        accept={ROSTER_EXTENSIONS.map((e) => `.${e}`).join(',')}
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0]
          if (file) onFile(file)
          // The same file chosen again (after fixing it) is read again.
          e.target.value = ''
        }}
      />
      <Typography variant="caption" sx={{ color: 'text.secondary' }}>
        {t('roster.formatHint')}
      </Typography>
    </Box>
  )
}
