import { useMutation } from '@tanstack/react-query'
import {
  type DoubleCallAnswer,
  type DoubleCallBody,
  doubleCallAnswerSchema,
} from '@/shared/outbound'
import { apiRequest } from '@/lib/api-client'

/** Asks the platform to ring an extension first, then the customer (双呼). */
export function startCallBack(body: DoubleCallBody): Promise<DoubleCallAnswer> {
  return apiRequest('/api/double-calls', { method: 'POST', body, schema: doubleCallAnswerSchema })
}

export function useStartCallBack() {
  return useMutation({ mutationFn: startCallBack })
}
