import type { Random } from './random'

// Common surnames and given names, so the floor reads like a real Chinese contact center.
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾']
const GIVEN_NAMES = (
  '伟 芳 娜 秀英 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀兰 霞 平 刚 桂英 婷 雪 浩 宇 ' +
  '欣怡 子涵 思远 佳怡 晨 一鸣 梓萱 俊杰 雨桐 嘉怡 志强 晓燕 海燕'
).split(' ')

/** `count` distinct Chinese full names, the same for the same random stream. */
export function chineseNames(rng: Random, count: number): string[] {
  const names: string[] = []
  const seen = new Set<string>()
  // Past the ~1,300 distinct pairs, repeats are allowed rather than looping forever.
  const maxTries = 20
  for (let i = 0; i < count; i++) {
    let name = ''
    for (let tries = 0; tries < maxTries; tries++) {
      name = rng.pick(SURNAMES) + rng.pick(GIVEN_NAMES)
      if (!seen.has(name)) break
    }
    seen.add(name)
    names.push(name)
  }
  return names
}

const MOBILE_PREFIXES = '130 131 135 136 138 139 150 158 177 186 188 199'.split(' ')

/** A Chinese mobile number, e.g. 13912345678. */
export function mobileNumber(rng: Random): string {
  const prefix = rng.pick(MOBILE_PREFIXES)
  return prefix + String(rng.int(0, 99_999_999)).padStart(8, '0')
}

/** Where a customer's number is registered: administrative area code and telephone city code. */
export interface CustomerArea {
  areaCode: string
  cityCode: string
}

const AREAS: readonly CustomerArea[] = [
  { areaCode: '110000', cityCode: '010' }, // 北京
  { areaCode: '310000', cityCode: '021' }, // 上海
  { areaCode: '440100', cityCode: '020' }, // 广州
  { areaCode: '440300', cityCode: '0755' }, // 深圳
  { areaCode: '330100', cityCode: '0571' }, // 杭州
  { areaCode: '510100', cityCode: '028' }, // 成都
  { areaCode: '410329', cityCode: '0379' }, // 洛阳 (the seed's example)
]

export function customerArea(rng: Random): CustomerArea {
  return rng.pick(AREAS)
}
