import { App } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/useApiQuery';
import { summaryOf } from '../applications/FarmerBrief';
import { FormPageFrame } from '../applications/FormPageFrame';
import { ScrapForm } from './ScrapForm';

const EDITABLE = ['registered', 'returned'];

/** /farmers/:farmerId/scraps/new and /scraps/:id/edit. */
export function ScrapFormPage() {
  const { farmerId, id } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const farmer = useApiQuery(`farmer:${farmerId ?? ''}`, () => (farmerId ? api.farmers.get({ id: farmerId }) : Promise.resolve(null)));
  const scrap = useApiQuery(`scrap:${id ?? ''}`, () => (id ? api.scraps.get({ id }) : Promise.resolve(null)));
  const s = scrap.data;
  const summary = s ? s.farmer : farmer.data ? summaryOf(farmer.data) : undefined;
  const blocked = s
    ? !EDITABLE.includes(s.status)
      ? '该报废登记已受理，不能修改；如需修改，请先退回'
      : s.linkedPurchaseId
        ? '该报废农机已关联购置申请，请在购置申请中办理'
        : null
    : farmer.data?.voidedAt
      ? '该农户已作废，不能办理新业务'
      : null;
  const back = () => navigate(id ? `/scraps/${id}` : `/farmers/${farmerId ?? ''}`);

  return (
    <FormPageFrame
      title={id ? '修改报废登记' : '报废登记'}
      farmer={summary}
      loading={farmer.loading || scrap.loading}
      error={farmer.error ?? scrap.error}
      blocked={blocked}
      onBack={back}
      backLabel={id ? '返回报废登记' : '返回农户'}
    >
      {summary && (!id || s) && (
        <ScrapForm
          key={s?.updatedAt ?? 'new'}
          farmerId={summary.id}
          scrap={s ?? undefined}
          onCancel={back}
          onSaved={(saved) => {
            void message.success(id ? '已保存修改' : '报废登记已保存');
            navigate(`/scraps/${saved.id}`, { replace: true });
          }}
        />
      )}
    </FormPageFrame>
  );
}
