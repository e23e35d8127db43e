import GraphicEqRounded from '@mui/icons-material/GraphicEqRounded'
import PlayCircleOutlineRounded from '@mui/icons-material/PlayCircleOutlineRounded'
import Button from '@mui/material/Button'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableContainer from '@mui/material/TableContainer'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import { useTranslation } from 'react-i18next'
import type { RecordingInfo } from '@/shared/cdr'
import { EMPTY, formatDuration, formatPlatformTime } from '../utils/cdr-values'

interface RecordingsTableProps {
  recordings: readonly RecordingInfo[]
  /** The recording in the player; null when there is no player (the role may not listen). */
  selectedId: string | null
  onSelect?: ((id: string) => void) | undefined
}

/** A call's recordings (§4.2): when, how long, channels, kind, format, quality. */
export function RecordingsTable({ recordings, selectedId, onSelect }: RecordingsTableProps) {
  const { t } = useTranslation('calls')
  const channels = (n: unknown) =>
    Number(n) === 2 ? t('callDetail.stereo') : Number(n) === 1 ? t('callDetail.mono') : EMPTY
  const kind = (type: RecordingInfo['recordType']) =>
    String(type) === '2'
      ? t('callDetail.talkRecording')
      : String(type) === '1'
        ? t('callDetail.ringRecording')
        : type === null || type === undefined
          ? EMPTY
          : String(type)
  return (
    <TableContainer sx={{ overflowX: 'auto' }}>
      <Table
        size="small"
        aria-label={t('callDetail.recordings')}
        sx={{ '& th, & td': { whiteSpace: 'nowrap' } }}
      >
        <TableHead>
          <TableRow>
            <TableCell>{t('recordingFields.startTime')}</TableCell>
            <TableCell align="right">{t('recordingFields.recordLength')}</TableCell>
            <TableCell>{t('recordingFields.recordChannel')}</TableCell>
            <TableCell>{t('recordingFields.recordType')}</TableCell>
            <TableCell>{t('recordingFields.recordFormat')}</TableCell>
            <TableCell align="right">{t('recordingFields.audioInMos')}</TableCell>
            {onSelect && <TableCell />}
          </TableRow>
        </TableHead>
        <TableBody>
          {recordings.map((r) => {
            const selected = r.id === selectedId
            return (
              <TableRow key={r.id} selected={selected}>
                <TableCell sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                  {formatPlatformTime(r.startTime ?? r.timeIn)}
                  {r.failReason ? ` · ${r.failReason}` : ''}
                </TableCell>
                <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                  {formatDuration(r.recordLength)}
                </TableCell>
                <TableCell>{channels(r.recordChannel)}</TableCell>
                <TableCell>{kind(r.recordType)}</TableCell>
                <TableCell>{r.recordFormat ?? EMPTY}</TableCell>
                <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                  {r.audioInMos ?? EMPTY}
                </TableCell>
                {onSelect && (
                  <TableCell align="right" sx={{ py: 0.25 }}>
                    {selected ? (
                      <Button size="small" disabled startIcon={<GraphicEqRounded />}>
                        {t('callDetail.inPlayer')}
                      </Button>
                    ) : (
                      <Button
                        size="small"
                        startIcon={<PlayCircleOutlineRounded />}
                        onClick={() => onSelect(r.id)}
                      >
                        {t('callDetail.openInPlayer')}
                      </Button>
                    )}
                  </TableCell>
                )}
              </TableRow>
            )
          })}
        </TableBody>
      </Table>
    </TableContainer>
  )
}
