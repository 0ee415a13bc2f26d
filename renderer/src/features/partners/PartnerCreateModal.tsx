import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Form, Modal } from 'antd';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { PARTNER_LABELS, partnerInput, type Partner } from '../../../../shared/schemas/partners';
import { api } from '../../api/client';
import { Field } from '../../components/form/Field';
import { enterToNext } from '../../components/form/enter-to-next';
import { applyServerErrors } from '../../components/form/server-errors';
import { LimitedInput } from '../../components/LimitedInput';

type Values = z.input<typeof partnerInput>;
type Parsed = z.output<typeof partnerInput>;
type Kind = Values['kind'];
const FIELDS = ['name', 'uscc', 'licenseNo', 'phone', 'address'] as const;

interface Props {
  kind: Kind;
  open: boolean;
  /** A name typed in the picker that found nothing, to start with. */
  initialName?: string;
  onCreated: (partner: Partner) => void;
  onClose: () => void;
}

function PartnerForm({ kind, initialName, onCreated, onClose }: Omit<Props, 'open'>) {
  const [banner, setBanner] = useState<string | null>(null);
  const { control, handleSubmit, setError, formState } = useForm<Values, unknown, Parsed>({
    resolver: zodResolver(partnerInput),
    defaultValues: { kind, name: initialName ?? '', uscc: '', licenseNo: '', phone: '', address: '' },
  });
  const submit = handleSubmit(async (values) => {
    setBanner(null);
    try {
      onCreated(await api.partners.create(values));
    } catch (error) {
      setBanner(applyServerErrors(error, setError, FIELDS));
    }
  });
  const onEnter = enterToNext(() => void submit());
  const label = PARTNER_LABELS[kind];

  return (
    <Modal
      open
      title={`新增${label}`}
      okText="保存"
      cancelText="取消"
      okButtonProps={{ loading: formState.isSubmitting }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {/* Enter stays inside this dialog: it must not reach (and submit) the form the dialog was opened from.
          Other keys pass, so Esc still reaches the dialog and closes it. */}
      <div
        data-testid="partner-form"
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          onEnter(e);
          e.stopPropagation();
        }}
      >
        <Form layout="vertical" component="div">
          {banner && <Alert type="error" showIcon title={banner} style={{ marginBottom: 12 }} />}
          <Field
            control={control}
            name="name"
            label="企业名称"
            required
            render={(field) => <LimitedInput {...field} autoFocus autoComplete="off" maxLength={80} />}
          />
          <Field
            control={control}
            name="uscc"
            label="统一社会信用代码"
            render={(field) => <LimitedInput {...field} value={field.value ?? ''} autoComplete="off" maxLength={18} />}
          />
          {kind === 'recycler' && (
            <Field
              control={control}
              name="licenseNo"
              label="资质编号（回收拆解资质）"
              render={(field) => <LimitedInput {...field} value={field.value ?? ''} autoComplete="off" maxLength={40} />}
            />
          )}
          <Field
            control={control}
            name="phone"
            label="联系电话"
            render={(field) => <LimitedInput {...field} value={field.value ?? ''} autoComplete="off" maxLength={20} />}
          />
          <Field
            control={control}
            name="address"
            label="地址"
            render={(field) => <LimitedInput {...field} value={field.value ?? ''} autoComplete="off" maxLength={120} />}
          />
        </Form>
      </div>
    </Modal>
  );
}

/** Adds a dealer or recycler without leaving the form that needs it. */
export function PartnerCreateModal({ open, ...rest }: Props) {
  return open ? <PartnerForm {...rest} /> : null;
}
