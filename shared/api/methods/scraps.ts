import { jobStatus } from '../../schemas/jobs';
import { ledgerExportInput, ledgerListInput } from '../../schemas/machines';
import {
  addPhotoInput,
  photoData,
  photoGetInput,
  scrap,
  scrapGetInput,
  scrapInput,
  scrapPage,
  scrapPhoto,
  scrapUpdateInput,
} from '../../schemas/scraps';
import { access } from '../access';
import { methods } from '../method-spec';

export const scrapsMethods = methods({
  'scraps.create': { input: scrapInput, output: scrap, writes: true, allow: access.station },
  'scraps.update': { input: scrapUpdateInput, output: scrap, writes: true, allow: access.station },
  'scraps.get': { input: scrapGetInput, output: scrap, allow: access.anyone },
  'scraps.list': { input: ledgerListInput, output: scrapPage, allow: access.anyone },
  'scraps.exportXlsx': { input: ledgerExportInput, output: jobStatus, allow: access.anyone },
  'scraps.addPhoto': { input: addPhotoInput, output: scrapPhoto, writes: true, allow: access.station },
  'scraps.photo': { input: photoGetInput, output: photoData, allow: access.anyone },
});
