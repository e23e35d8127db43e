import { idProblem, UnsafeIdError } from '../platform/upstream-id'

/**
 * A device id as the platform's CSTA service wants it: with the tenant's domain
 * (`8001@test.cc`; seed 000's examples, and the double call's 14005 "deviceId不合法 ...
 * 包含域名"). The webhook's `channelAddr` is documented only as "the extension the agent is
 * logged in on" and may come bare (`8001`), and a supervisor types `8002` in their profile:
 * a bare id gets `@namespace`, one with a domain is kept as it is (another tenant's device is
 * the platform's to refuse, with its own words).
 */
export function withDomain(device: string, namespace: string): string {
  return device.includes('@') ? device : `${device}@${namespace}`
}

/**
 * `device` with the tenant's domain, checked for a platform URL or body; throws
 * UnsafeIdError naming `field` when it is not a device id (empty, `8001@`, `@test.cc`, two
 * `@`, or anything the upstream id rules refuse). Every device the relay sends upstream goes
 * through here.
 */
export function upstreamDeviceId(device: string, namespace: string, field: string): string {
  const problem = deviceProblem(device, namespace)
  if (problem) throw new UnsafeIdError(field, problem)
  return withDomain(device, namespace)
}

function deviceProblem(device: string, namespace: string): string | null {
  const own = idProblem(device)
  if (own) return own
  const parts = device.split('@')
  if (parts.length > 2) return 'must contain at most one "@"'
  const [extension, domain] = parts
  if (extension === '') return 'must name the extension before "@"'
  if (domain === '') return 'must name the domain after "@"'
  if (domain === undefined) {
    // The domain added must itself be fit for the platform (it comes from the tenant's settings).
    const full = idProblem(`${device}@${namespace}`)
    if (namespace === '' || namespace.includes('@') || full)
      return `cannot take the tenant's domain "${namespace}"`
  }
  return null
}
