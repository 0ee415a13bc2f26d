/**
 * Pinyin search keys of the 18 townships, written out so the township picker (on the setup screen and the
 * counter's farmer form) does not pull the pinyin dictionary into the first screen's JavaScript.
 * tests/unit/township-search.test.ts checks every entry against nameSearchKeys(), so they cannot drift.
 */
import type { NameSearchKeys } from './pinyin';
import type { TownshipCode } from './townships';

export const TOWNSHIP_SEARCH_KEYS: Record<TownshipCode, NameSearchKeys> = {
  '371525001': { full: 'qingquanjiedao', initials: 'qqjd' }, // 清泉街道
  '371525002': { full: 'chongwenjiedao', initials: 'cwjd' }, // 崇文街道
  '371525003': { full: 'yanzhuangjiedao', initials: 'yzjd' }, // 烟庄街道
  '371525101': { full: 'jiazhen', initials: 'jz' }, // 贾镇
  '371525102': { full: 'sangazhen', initials: 'saz' }, // 桑阿镇
  '371525103': { full: 'liulinzhen', initials: 'llz' }, // 柳林镇
  '371525104': { full: 'qingshuizhen', initials: 'qsz' }, // 清水镇
  '371525105': { full: 'dongguchengzhen', initials: 'dgcz' }, // 东古城镇
  '371525106': { full: 'beiguantaozhen', initials: 'bgtz' }, // 北馆陶镇
  '371525107': { full: 'dianzizhen', initials: 'dzz' }, // 店子镇
  '371525108': { full: 'dingyuanzhaizhen', initials: 'dyzz' }, // 定远寨镇
  '371525109': { full: 'xinjizhen', initials: 'xjz' }, // 辛集镇
  '371525110': { full: 'liangtangzhen', initials: 'ltz' }, // 梁堂镇
  '371525111': { full: 'fanzhaizhen', initials: 'fzz' }, // 范寨镇
  '371525112': { full: 'ganguantunzhen', initials: 'ggtz' }, // 甘官屯镇
  '371525200': { full: 'xiedianxiang', initials: 'xdx' }, // 斜店乡
  '371525206': { full: 'lanwoxiang', initials: 'lwx' }, // 兰沃乡
  '371525209': { full: 'wanshanxiang', initials: 'wsx' }, // 万善乡
};
