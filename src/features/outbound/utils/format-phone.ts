/**
 * A phone number as people read it: a mainland mobile in groups of 3-4-4 (139 1234 5678),
 * anything else as it is (extensions, landlines with area codes vary too much to guess).
 */
export function formatPhone(number: string): string {
  const n = number.trim()
  const mobile = /^(\+86)?(1\d{2})(\d{4})(\d{4})$/.exec(n)
  if (!mobile) return n
  const [, country, a, b, c] = mobile
  return `${country ? `${country} ` : ''}${a} ${b} ${c}`
}
