import DownloadRounded from '@mui/icons-material/DownloadRounded'
import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import { useTranslation } from 'react-i18next'
import type { RosterBadLine } from '@/shared/outbound'
import { badLinesFile, downloadText } from '../utils/roster-file'

/** Bad lines the list shows at most; the downloaded file has every one of them. */
const LIST_MAX = 100

/**
 * Every bad line of a call list with why, and the bad lines as a file to fix and upload again.
 * `count` is how many there are in all (the relay lists at most the first 100).
 */
export function RosterBadLines({
  bad,
  count,
  fileName,
  title,
}: {
  bad: readonly RosterBadLine[]
  count: number
  fileName: string
  title: string
}) {
  const { t } = useTranslation('outbound')
  const download = () =>
    downloadText(
      `${fileName.replace(/\.[^.]*$/, '')}-bad-lines.txt`,
      badLinesFile(
        bad,
        (p) => t(`roster.problems.${p}`),
        (line) => t('roster.lineN', { line }),
      ),
    )
  return (
    <Alert
      severity="error"
      action={
        <Button color="inherit" size="small" startIcon={<DownloadRounded />} onClick={download}>
          {t('roster.downloadBad')}
        </Button>
      }
    >
      <AlertTitle>{title}</AlertTitle>
      {t('roster.badCount', { count })}
      <Box component="ul" sx={{ m: 0, mt: 0.5, pl: 2.5, maxHeight: 200, overflow: 'auto' }}>
        {bad.slice(0, LIST_MAX).map((b) => (
          <li key={b.line}>
            {t('roster.badItem', { line: b.line, reason: t(`roster.problems.${b.problem}`) })}
          </li>
        ))}
      </Box>
      {count > Math.min(bad.length, LIST_MAX) &&
        t('roster.badMore', { count: count - Math.min(bad.length, LIST_MAX) })}
    </Alert>
  )
}
