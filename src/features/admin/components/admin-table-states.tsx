import ErrorOutlineRounded from '@mui/icons-material/ErrorOutlineRounded'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Skeleton from '@mui/material/Skeleton'
import TableCell from '@mui/material/TableCell'
import TableRow from '@mui/material/TableRow'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { MessageState } from '@/components/ui/message-state'
import { VISUALLY_HIDDEN } from '@/components/ui/visually-hidden'

const SKELETON_ROWS = 4

/** Narrow screens scroll a table sideways rather than squeezing it to a word per line. */
export const TABLE_SX = { minWidth: 880, '& th': { whiteSpace: 'nowrap' } } as const

/** Placeholder rows while the list loads, announced once. */
export function SkeletonRows({ columns, label }: { columns: number; label: string }) {
  return (
    <>
      {Array.from({ length: SKELETON_ROWS }, (_, row) => (
        <TableRow key={row} aria-hidden={row > 0 ? true : undefined}>
          {Array.from({ length: columns }, (_, col) => (
            <TableCell key={col}>
              {row === 0 && col === 0 && (
                <Box component="span" role="status" sx={VISUALLY_HIDDEN}>
                  {label}
                </Box>
              )}
              <Skeleton
                variant="text"
                width={col === 0 ? '60%' : '80%'}
                animation="wave"
                aria-hidden
              />
            </TableCell>
          ))}
        </TableRow>
      ))}
    </>
  )
}

/** A message spanning the whole table: nothing yet, or the list could not be loaded. */
export function MessageRow({ columns, children }: { columns: number; children: ReactNode }) {
  return (
    <TableRow>
      <TableCell colSpan={columns} sx={{ borderBottom: 0, p: 0 }}>
        {children}
      </TableCell>
    </TableRow>
  )
}

export function LoadFailed({ title, onRetry }: { title: string; onRetry: () => void }) {
  const { t } = useTranslation('admin')
  return (
    <MessageState
      icon={<ErrorOutlineRounded />}
      title={title}
      body={t('errors.network')}
      action={
        <Button variant="outlined" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      }
    />
  )
}
