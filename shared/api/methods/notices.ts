import { jobStatus } from '../../schemas/jobs';
import { noInput } from '../../schemas/common';
import {
  applicationNoticeInput,
  applicationNoticeState,
  notice,
  noticeCandidates,
  noticeCandidatesInput,
  noticeContact,
  noticeContactInput,
  noticeCreateInput,
  noticeGetInput,
  noticeListInput,
  noticePage,
} from '../../schemas/notices';
import { access } from '../access';
import { methods } from '../method-spec';

export const noticesMethods = methods({
  'notices.candidates': { input: noticeCandidatesInput, output: noticeCandidates, allow: access.station },
  'notices.create': { input: noticeCreateInput, output: notice, writes: true, allow: access.stationHead },
  'notices.list': { input: noticeListInput, output: noticePage, allow: access.station },
  'notices.get': { input: noticeGetInput, output: notice, allow: access.station },
  'notices.exportXlsx': { input: noticeGetInput, output: jobStatus, writes: true, allow: access.station },
  /** Counts and audits a print / PDF of the notice; the print route lays it out (A4 landscape). */
  'notices.exportPdf': { input: noticeGetInput, output: notice, writes: true, allow: access.station },
  'notices.contact': { input: noInput, output: noticeContact, allow: access.station },
  'notices.setContact': { input: noticeContactInput, output: noticeContact, writes: true, allow: access.stationHead },
  'notices.forApplication': { input: applicationNoticeInput, output: applicationNoticeState, allow: access.station },
});
