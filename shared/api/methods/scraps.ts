import { fileOutput, ledgerExportInput, ledgerListInput } from '../../schemas/machines';
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
import { methods } from '../method-spec';

export const scrapsMethods = methods({
  'scraps.create': { input: scrapInput, output: scrap, writes: true, roles: ['station'] },
  'scraps.update': { input: scrapUpdateInput, output: scrap, writes: true, roles: ['station'] },
  'scraps.get': { input: scrapGetInput, output: scrap },
  'scraps.list': { input: ledgerListInput, output: scrapPage },
  'scraps.exportXlsx': { input: ledgerExportInput, output: fileOutput },
  'scraps.addPhoto': { input: addPhotoInput, output: scrapPhoto, writes: true, roles: ['station'] },
  'scraps.photo': { input: photoGetInput, output: photoData },
});
