import { SITE_PHOTO_KIND_LABELS, SITE_PHOTO_KINDS } from '../../../../shared/schemas/drying-photos';
import type { Site } from '../../../../shared/schemas/drying';
import { api } from '../../api/client';
import { PhotoGallery } from '../../components/PhotoGallery';

/** Photos of the site, the equipment and the planning documents (files beside the database, SHA-256 checked). */
export function SitePhotos({ site, readOnly, onChanged }: { site: Site; readOnly: boolean; onChanged: () => void }) {
  return (
    <PhotoGallery
      testId="site-photos"
      kinds={SITE_PHOTO_KINDS}
      labels={SITE_PHOTO_KIND_LABELS}
      photos={site.photos}
      canAdd={!readOnly && !site.voidedAt}
      load={(id) => api.drying.sites.photo({ id })}
      add={(p) => api.drying.sites.addPhoto({ siteId: site.id, ...p })}
      onChanged={onChanged}
    />
  );
}
