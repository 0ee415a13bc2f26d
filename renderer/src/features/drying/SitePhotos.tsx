import { LoadingOutlined, UploadOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, App, Button, Image, Space, Tooltip, Typography } from 'antd';
import { useRef, useState } from 'react';
import { SITE_PHOTO_KIND_LABELS, SITE_PHOTO_KINDS, type SitePhoto } from '../../../../shared/schemas/drying-photos';
import type { Site } from '../../../../shared/schemas/drying';
import { api, ApiError } from '../../api/client';
import { readFileAsBase64 } from '../../api/files';
import { useApiQuery } from '../../hooks/useApiQuery';

type Kind = SitePhoto['kind'];
const ACCEPTED = ['image/jpeg', 'image/png', 'image/webp'] as const;
const box = {
  width: 96,
  height: 96,
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'center',
  background: '#fafafa',
  border: '1px solid #eee',
};

function Thumb({ photo }: { photo: SitePhoto }) {
  const data = useApiQuery(`drying-photo:${photo.id}`, () => api.drying.sites.photo({ id: photo.id }));
  if (data.error) {
    return (
      <Tooltip title={data.error}>
        <div style={box}>
          <WarningOutlined style={{ color: '#cf1322', fontSize: 20 }} />
        </div>
      </Tooltip>
    );
  }
  if (!data.data) {
    return (
      <div style={box}>
        <LoadingOutlined />
      </div>
    );
  }
  return (
    <div style={{ position: 'relative' }} data-testid="site-photo">
      <Image
        width={96}
        height={96}
        style={{ objectFit: 'cover' }}
        src={`data:${data.data.mime};base64,${data.data.base64}`}
        alt={photo.fileName}
      />
      {!data.data.verified && (
        <Tooltip title="照片文件与登记时的校验值不一致，可能已被替换或损坏">
          <WarningOutlined
            style={{ position: 'absolute', top: 4, right: 4, color: '#cf1322', fontSize: 18, background: '#fff', borderRadius: 9 }}
          />
        </Tooltip>
      )}
    </div>
  );
}

function UploadButton({ siteId, kind, onAdded }: { siteId: string; kind: Kind; onAdded: (problem: string | null) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const upload = async (files: FileList | null) => {
    setBusy(true);
    let problem: string | null = null;
    for (const file of [...(files ?? [])]) {
      const mime = ACCEPTED.find((m) => m === file.type);
      if (!mime) {
        problem = `${file.name}：只接受 JPG、PNG 或 WebP 图片`;
        continue;
      }
      try {
        await api.drying.sites.addPhoto({ siteId, kind, fileName: file.name, mime, base64: await readFileAsBase64(file) });
      } catch (e) {
        problem = `${file.name}：${e instanceof ApiError ? e.message : '上传失败，请重试'}`;
      }
    }
    setBusy(false);
    if (input.current) input.current.value = '';
    onAdded(problem);
  };
  return (
    <>
      <input
        ref={input}
        type="file"
        accept="image/*"
        multiple
        hidden
        onChange={(e) => void upload(e.target.files)}
        data-testid={`site-photo-input-${kind}`}
      />
      <Button size="small" icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()}>
        上传
      </Button>
    </>
  );
}

/** Photos of the site, the equipment and the planning documents (files beside the database, SHA-256 checked). */
export function SitePhotos({ site, readOnly, onChanged }: { site: Site; readOnly: boolean; onChanged: () => void }) {
  const { message } = App.useApp();
  const [problem, setProblem] = useState<string | null>(null);
  const canAdd = !readOnly && !site.voidedAt;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="site-photos">
      {problem && <Alert type="error" showIcon closable title={problem} onClose={() => setProblem(null)} />}
      {SITE_PHOTO_KINDS.map((kind) => {
        const photos = site.photos.filter((p) => p.kind === kind);
        return (
          <div
            key={kind}
            style={{ display: 'flex', gap: 16, alignItems: 'flex-start', borderBottom: '1px solid #f0f0f0', paddingBottom: 8 }}
          >
            <div style={{ width: 120, flex: 'none' }}>
              <Typography.Text strong>{SITE_PHOTO_KIND_LABELS[kind]}</Typography.Text>
              <div style={{ marginTop: 4 }}>
                {canAdd && (
                  <UploadButton
                    siteId={site.id}
                    kind={kind}
                    onAdded={(p) => {
                      setProblem(p);
                      if (!p) void message.success(`已上传${SITE_PHOTO_KIND_LABELS[kind]}照片`);
                      onChanged();
                    }}
                  />
                )}
              </div>
            </div>
            <Image.PreviewGroup>
              <Space wrap size={8}>
                {photos.map((p) => (
                  <Thumb key={p.id} photo={p} />
                ))}
                {!photos.length && <Typography.Text type="secondary">暂无照片</Typography.Text>}
              </Space>
            </Image.PreviewGroup>
          </div>
        );
      })}
    </Space>
  );
}
