import { PHOTO_KIND_LABELS, PHOTO_KINDS, type Scrap } from '../../../../shared/schemas/scraps';
import { api } from '../../api/client';
import { PhotoGallery } from '../../components/PhotoGallery';

/** Photos before, during and after dismantling, of the nameplate and of the signed form (一机一档). */
export function ScrapPhotos({ scrap, readOnly, onChanged }: { scrap: Scrap; readOnly: boolean; onChanged: () => void }) {
  return (
    <PhotoGallery
      testId="scrap-photos"
      kinds={PHOTO_KINDS}
      optionalKinds={['other']}
      labels={PHOTO_KIND_LABELS}
      photos={scrap.photos}
      canAdd={!readOnly && !scrap.voidedAt}
      load={(id) => api.scraps.photo({ id })}
      add={(p) => api.scraps.addPhoto({ scrapId: scrap.id, ...p })}
      onChanged={onChanged}
    />
  );
}
