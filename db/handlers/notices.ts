import type { ServiceContext } from '../context';
import * as notices from '../services/notices';
import { exportNoticeXlsx } from '../services/notices-export';
import type { AreaHandlers } from './types';

export const noticesHandlers = (ctx: ServiceContext): AreaHandlers<'notices'> => ({
  'notices.candidates': (input) => notices.candidates(ctx, input),
  'notices.create': (input) => notices.createNotice(ctx, input),
  'notices.list': (input) => notices.listNotices(ctx, input),
  'notices.get': (input) => notices.getNotice(ctx, input.id),
  'notices.exportXlsx': (input) => exportNoticeXlsx(ctx, input),
  'notices.exportPdf': (input) => notices.recordNoticePrint(ctx, input),
  'notices.contact': () => notices.noticeContact(ctx),
  'notices.setContact': (input) => notices.setNoticeContact(ctx, input),
  'notices.forApplication': (input) => notices.applicationNoticeState(ctx, input.id),
});
