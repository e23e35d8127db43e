import ErrorOutlineRounded from '@mui/icons-material/ErrorOutlineRounded'
import Button from '@mui/material/Button'
import { useTranslation } from 'react-i18next'
import { MessageState } from '@/components/ui/message-state'
import { type RelayProblem, isRetryable } from '../utils/relay-problem'

/**
 * A problem's words: the relay's own in the page's language, or the page's, followed by the
 * platform's own words when it sent some.
 */
export function useProblemText(): (problem: RelayProblem) => string {
  const { t } = useTranslation('calls')
  const meaning = useMeaning()
  return (problem) => {
    const text = meaning(problem)
    const said = problem.platformMessage
    return said && !text.includes(said)
      ? `${text} ${t('callRecords.errors.platformSaid', { message: said })}`
      : text
  }
}

function useMeaning(): (problem: RelayProblem) => string {
  const { t } = useTranslation('calls')
  return (problem) => {
    switch (problem.kind) {
      case 'network':
        return t('errors.network')
      case 'forbidden':
        return t('errors.forbidden')
      case 'timeout':
        return problem.text ?? t('callRecords.errors.timeout')
      case 'rangeTooLarge':
        return problem.text ?? t('callRecords.errors.rangeTooLarge')
      case 'split':
        return problem.text ?? t('callRecords.split.needed')
      case 'notFound':
        return problem.text ?? t('errors.notFound')
      case 'field':
      case 'failed':
        return problem.text ?? t('callRecords.errors.failed')
    }
  }
}

interface ProblemStateProps {
  title: string
  problem: RelayProblem
  onRetry: () => void
}

/** Where the rows would be: what went wrong, and a retry when asking again may help. */
export function ProblemState({ title, problem, onRetry }: ProblemStateProps) {
  const { t } = useTranslation('calls')
  const text = useProblemText()
  return (
    <MessageState
      icon={<ErrorOutlineRounded />}
      title={title}
      body={text(problem)}
      action={
        isRetryable(problem) ? (
          <Button variant="outlined" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  )
}
