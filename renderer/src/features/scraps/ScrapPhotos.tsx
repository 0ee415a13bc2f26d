import { LoadingOutlined, UploadOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, App, Button, Image, Space, Tooltip, Typography } from 'antd';
import { useRef, useState } from 'react';
import { PHOTO_KIND_LABELS, PHOTO_KINDS, type Scrap } from '../../../../shared/schemas/scraps';
import { api, ApiError } from '../../api/client';
import { readFileAsBase64 } from '../../api/files';
import { useApiQuery } from '../../hooks/useApiQuery';

type Photo = Scrap['photos'][number];
type Kind = Photo['kind'];
const ACCEPTED = ['image/jpeg', 'image/png', 'image/webp'] as const;

function Thumb({ photo }: { photo: Photo }) {
  const data = useApiQuery(`photo:${photo.id}`, () => api.scraps.photo({ id: photo.id }));
  const box = {
    width: 96,
    height: 96,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    background: '#fafafa',
    border: '1px solid #eee',
  };
  if (data.error) {
    return (
      <Tooltip title={data.error}>
        <div style={box}>
          <WarningOutlined style={{ color: '#cf1322', fontSize: 20 }} />
        </div>
      </Tooltip>
    );
  }
  if (!data.data)
    return (
      <div style={box}>
        <LoadingOutlined />
      </div>
    );
  return (
    <div style={{ position: 'relative' }} data-testid="photo-thumb">
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
            data-testid="photo-unverified"
            style={{ position: 'absolute', top: 4, right: 4, color: '#cf1322', fontSize: 18, background: '#fff', borderRadius: 9 }}
          />
        </Tooltip>
      )}
    </div>
  );
}

function UploadButton({ scrapId, kind, onAdded }: { scrapId: string; kind: Kind; onAdded: (message: string | null) => void }) {
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
        await api.scraps.addPhoto({ scrapId, kind, fileName: file.name, mime, base64: await readFileAsBase64(file) });
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
        data-testid={`photo-input-${kind}`}
      />
      <Button size="small" icon={<UploadOutlined />} loading={busy} onClick={() => input.current?.click()}>
        上传
      </Button>
    </>
  );
}

/** Photos before, during and after dismantling, of the nameplate and of the signed form (一机一档). */
export function ScrapPhotos({ scrap, readOnly, onChanged }: { scrap: Scrap; readOnly: boolean; onChanged: () => void }) {
  const { message } = App.useApp();
  const [problem, setProblem] = useState<string | null>(null);
  const canAdd = !readOnly && !scrap.voidedAt;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="scrap-photos">
      {problem && <Alert type="error" showIcon closable title={problem} onClose={() => setProblem(null)} />}
      {PHOTO_KINDS.map((kind) => {
        const photos = scrap.photos.filter((p) => p.kind === kind);
        if (kind === 'other' && !photos.length && !canAdd) return null;
        return (
          <div
            key={kind}
            style={{ display: 'flex', gap: 16, alignItems: 'flex-start', borderBottom: '1px solid #f0f0f0', paddingBottom: 8 }}
          >
            <div style={{ width: 110, flex: 'none' }}>
              <Typography.Text strong>{PHOTO_KIND_LABELS[kind]}</Typography.Text>
              <div style={{ marginTop: 4 }}>
                {canAdd && (
                  <UploadButton
                    scrapId={scrap.id}
                    kind={kind}
                    onAdded={(p) => {
                      setProblem(p);
                      if (!p) void message.success(`已上传${PHOTO_KIND_LABELS[kind]}照片`);
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
