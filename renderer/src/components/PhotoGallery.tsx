import { LoadingOutlined, UploadOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, App, Button, Image, Space, Tooltip, Typography } from 'antd';
import { useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { readFileAsBase64 } from '../api/files';
import { useApiQuery } from '../hooks/useApiQuery';

const ACCEPTED = ['image/jpeg', 'image/png'] as const;
export type PhotoMime = (typeof ACCEPTED)[number];

export interface GalleryPhoto<K extends string> {
  id: string;
  kind: K;
  fileName: string;
}

export interface PhotoData {
  mime: string;
  base64: string;
  verified: boolean;
}

export interface PhotoGalleryProps<K extends string> {
  kinds: readonly K[];
  labels: Record<K, string>;
  photos: readonly GalleryPhoto<K>[];
  canAdd: boolean;
  /** Reads one photo's bytes (scraps.photo, drying.sites.photo). */
  load: (id: string) => Promise<PhotoData>;
  /** Stores one photo (scraps.addPhoto, drying.sites.addPhoto). */
  add: (photo: { kind: K; fileName: string; mime: PhotoMime; base64: string }) => Promise<unknown>;
  onChanged: () => void;
  /** Kinds shown only when they hold a photo or one can be added (e.g. 其他). */
  optionalKinds?: readonly K[];
  testId: string;
}

const BOX = {
  width: 96,
  height: 96,
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'center',
  background: '#fafafa',
  border: '1px solid #eee',
};

function Thumb({ id, fileName, load }: { id: string; fileName: string; load: (id: string) => Promise<PhotoData> }) {
  const data = useApiQuery(`photo:${id}`, () => load(id));
  if (data.error) {
    return (
      <Tooltip title={data.error}>
        <div style={BOX}>
          <WarningOutlined style={{ color: '#cf1322', fontSize: 20 }} />
        </div>
      </Tooltip>
    );
  }
  if (!data.data) {
    return (
      <div style={BOX}>
        <LoadingOutlined />
      </div>
    );
  }
  return (
    <div style={{ position: 'relative' }} data-testid="photo-thumb">
      <Image
        width={96}
        height={96}
        style={{ objectFit: 'cover' }}
        src={`data:${data.data.mime};base64,${data.data.base64}`}
        alt={fileName}
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

function UploadButton({
  kind,
  add,
  onAdded,
}: {
  kind: string;
  add: (f: { fileName: string; mime: PhotoMime; base64: string }) => Promise<unknown>;
  onAdded: (problem: string | null) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const upload = async (files: FileList | null) => {
    setBusy(true);
    let problem: string | null = null;
    for (const file of [...(files ?? [])]) {
      const mime = ACCEPTED.find((m) => m === file.type);
      if (!mime) {
        problem = `${file.name}：只接受 JPG 或 PNG 图片`;
        continue;
      }
      try {
        await add({ fileName: file.name, mime, base64: await readFileAsBase64(file) });
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

/** Photos by kind (files beside the database, SHA-256 checked on every read), with upload per kind. */
export function PhotoGallery<K extends string>(props: PhotoGalleryProps<K>) {
  const { message } = App.useApp();
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid={props.testId}>
      {problem && <Alert type="error" showIcon closable title={problem} onClose={() => setProblem(null)} />}
      {props.kinds.map((kind) => {
        const photos = props.photos.filter((p) => p.kind === kind);
        if (props.optionalKinds?.includes(kind) && !photos.length && !props.canAdd) return null;
        return (
          <div
            key={kind}
            style={{ display: 'flex', gap: 16, alignItems: 'flex-start', borderBottom: '1px solid #f0f0f0', paddingBottom: 8 }}
          >
            <div style={{ width: 120, flex: 'none' }}>
              <Typography.Text strong>{props.labels[kind]}</Typography.Text>
              <div style={{ marginTop: 4 }}>
                {props.canAdd && (
                  <UploadButton
                    kind={kind}
                    add={(f) => props.add({ kind, ...f })}
                    onAdded={(p) => {
                      setProblem(p);
                      if (!p) void message.success(`已上传${props.labels[kind]}照片`);
                      props.onChanged();
                    }}
                  />
                )}
              </div>
            </div>
            <Image.PreviewGroup>
              <Space wrap size={8}>
                {photos.map((p) => (
                  <Thumb key={p.id} id={p.id} fileName={p.fileName} load={props.load} />
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
