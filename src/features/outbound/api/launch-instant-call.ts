import { useMutation, useQueryClient } from '@tanstack/react-query'
import {
  type InstantOutboundAnswer,
  type InstantOutboundBody,
  instantOutboundAnswerSchema,
} from '@/shared/outbound'
import { apiRequest } from '@/lib/api-client'
import { RECENT_ACTIVITIES_QUERY_KEY } from './get-recent-activities'

/** Has the platform dial a number and hand the answered call to `caller` (§5.1). */
export function launchInstantCall(body: InstantOutboundBody): Promise<InstantOutboundAnswer> {
  return apiRequest('/api/outbound/instant', {
    method: 'POST',
    body,
    schema: instantOutboundAnswerSchema,
  })
}

export function useLaunchInstantCall() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: launchInstantCall,
    // The relay remembers the activity id: offer it next time.
    onSettled: () => queryClient.invalidateQueries({ queryKey: RECENT_ACTIVITIES_QUERY_KEY }),
  })
}
