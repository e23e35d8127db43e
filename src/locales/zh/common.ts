import type { AcState, StateFamily, STATE_REASONS } from '@/shared/ac-state'
import { AC_STATE_LABELS } from '@/shared/ac-state-labels'

/**
 * Chinese, the default language: what every page needs: the shell, roles, errors, the names of states, families and reasons.
 * State and reason labels are the platform’s own (seed 003, §7.3).
 */
export const common = {
  app: {
    name: '坐席实时监控',
    fullName: 'Wellcloud 坐席实时监控',
    skipToContent: '跳到主要内容',
  },
  nav: {
    label: '主导航',
    floor: '实时监控',
    outbound: '外呼',
    admin: '管理',
  },
  common: {
    cancel: '取消',
    close: '关闭',
    save: '保存',
    create: '创建',
    copy: '复制',
    copied: '已复制',
    copyFailed: '无法自动复制，请手动选中后复制',
    retry: '重试',
    none: '无',
  },
  roles: {
    admin: '管理员',
    supervisor: '班长',
    viewer: '观察员',
  },
  scope: {
    tenant: '租户 {{namespace}}',
    department: '部门 {{prefix}}',
    allDepartments: '全部部门',
    skills: '技能组 {{skills}}',
    allSkills: '全部技能组',
  },
  validation: {
    required: '必填',
    minChars_other: '至少 {{count}} 个字符',
    maxChars_other: '最多 {{count}} 个字符',
    usernameChars: '只能包含字母、数字和 . _ @ -',
  },
  errors: {
    network: '无法连接到服务器，请检查网络后重试。',
    forbidden: '您没有权限执行此操作。',
    notFound: '找不到该记录，可能已被删除。',
    csrf: '安全校验失败，请刷新页面后重试。',
    generic: '操作失败：{{message}}',
  },
  auth: {
    checking: '正在验证登录状态…',
    checkFailedTitle: '无法连接到服务器',
    checkFailedBody: '页面会自动重试，也可以立即重试。',
    userMenu: '账号：{{name}}',
    signOut: '退出登录',
    wallScreen: '大屏',
  },
  forbidden: {
    title: '没有权限访问此页面',
    body: '您的角色（{{role}}）不能使用此功能。如需访问，请联系管理员。',
    back: '回到实时监控',
  },
  notFound: {
    title: '找不到这个页面',
    back: '回到实时监控',
  },
  language: {
    label: '切换语言',
    zh: '中文',
    en: 'English',
  },
  theme: {
    label: '切换主题',
    system: '跟随系统',
    light: '浅色',
    dark: '深色',
  },
  connection: {
    connecting: '连接中',
    live: '实时',
    reconnecting: '重连中',
    stale: '数据可能过时',
    indicatorLabel: '连接状态：{{status}}',
    lastEvent: '平台最近事件：{{time}}（{{ago}}）',
    noEvent: '尚未收到平台事件',
    bannerReconnecting: '与服务器的连接已断开，正在重新连接… 画面上的状态可能不是最新的。',
    bannerStale: '已有一段时间没有收到服务器的消息，画面上的状态可能已过时。',
    bannerStaleSince: '最近一次收到消息：{{ago}}。',
  },
  time: {
    justNow: '刚刚',
    secondsAgo: '{{count}} 秒前',
    minutesAgo: '{{count}} 分钟前',
    hoursAgo: '{{count}} 小时前',
    daysAgo: '{{count}} 天前',
  },
  states: AC_STATE_LABELS.zh,
  /** Where space is short (tiles): a shorter form of each state; the full one is its title. */
  statesShort: {
    Aux: '未就绪',
    Available: '就绪',
    Acw: '话后处理',
    Allocate: '预占',
    LogOut: '登出',
    PreView: '预览',
    PreViewHold: '预览处理',
    OffHook: '摘机',
    Hold: '保持',
    Conference: '会议',
    InboundRinging: '呼入振铃',
    InboundTalking: '呼入通话',
    ManualRinging: '外呼振铃',
    ManualTalking: '外呼通话',
    InternalRinging: '内线振铃',
    InternalTalking: '内线通话',
    PreOccupiedRinging: '预占振铃',
    PreOccupiedTalking: '预占通话',
    PredictiveRinging: '预测振铃',
    PredictiveTalking: '预测通话',
    AgentAutoRinging: '自动振铃',
    AgentAutoTalking: '自动通话',
    PreViewOffHook: '预览摘机',
    PreViewRinging: '预览振铃',
    PreViewTalking: '预览通话',
    Unknown: '未知',
  } satisfies Record<AcState, string>,
  families: {
    available: '就绪',
    ringing: '振铃/接续',
    talking: '通话中',
    hold: '保持/会议',
    acw: '话后处理',
    notReady: '未就绪',
    loggedOut: '登出',
  } satisfies Record<StateFamily, string>,
  reasons: {
    AgentOperation: '坐席操作',
    AllocateTimeout: '预占超时',
    SessionTimeout: 'session超时',
    MonitorLock: '班长锁定坐席',
    MonitorUnlock: '班长解锁坐席',
  } satisfies Record<(typeof STATE_REASONS)[number], string>,
  endReasons: {
    QueueAbandon: '排队放弃',
    AgentHangup: '坐席挂机',
    CustomerHangup: '客户挂机',
    NoAnswer: '无人接听',
    ForceDrop: '主管强拆',
  },
  callRecords: {
    loadingPage: '正在打开页面…',
    nav: '通话记录',
  },
  profile: {
    menuItem: '个人资料',
  },
  repeatCaller: {
    ordinal: {
      one: '第 {{count}} 次',
      two: '第 {{count}} 次',
      few: '第 {{count}} 次',
      other: '第 {{count}} 次',
    },
    today: '今日{{nth}}来电',
    thatDay: '当天{{nth}}来电',
    link: '{{label}}：查看该号码当天的通话',
  },
  a11y: {
    scrollRegion: '{{label}}（可滚动）',
  },
}

/** The shape English must fill: a missing key fails typecheck. */
export type CommonMessages = typeof common
