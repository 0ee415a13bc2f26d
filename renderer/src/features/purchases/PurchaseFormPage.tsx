import { App } from 'antd';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { useApiQuery } from '../../hooks/useApiQuery';
import { summaryOf } from '../applications/FarmerBrief';
import { FormPageFrame } from '../applications/FormPageFrame';
import { PurchaseForm } from './PurchaseForm';

const EDITABLE = ['registered', 'returned'];

/** /farmers/:farmerId/purchases/new[?scrapId=] and /purchases/:id/edit. */
export function PurchaseFormPage() {
  const { farmerId, id } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const farmer = useApiQuery(`farmer:${farmerId ?? ''}`, () => (farmerId ? api.farmers.get({ id: farmerId }) : Promise.resolve(null)));
  const purchase = useApiQuery(`purchase:${id ?? ''}`, () => (id ? api.purchases.get({ id }) : Promise.resolve(null)));
  const p = purchase.data;
  const summary = p ? p.farmer : farmer.data ? summaryOf(farmer.data) : undefined;
  const blocked = p
    ? !EDITABLE.includes(p.status)
      ? '该购置申请已受理，不能修改；如需修改，请先退回'
      : null
    : farmer.data?.voidedAt
      ? '该农户已作废，不能办理新业务'
      : null;
  const back = () => navigate(id ? `/purchases/${id}` : `/farmers/${farmerId ?? ''}`);

  return (
    <FormPageFrame
      title={id ? '修改购置登记' : '购置登记'}
      farmer={summary}
      loading={farmer.loading || purchase.loading}
      error={farmer.error ?? purchase.error}
      blocked={blocked}
      onBack={back}
      backLabel={id ? '返回购置登记' : '返回农户'}
    >
      {summary && (!id || p) && (
        <PurchaseForm
          key={p?.updatedAt ?? 'new'}
          farmer={summary}
          purchase={p ?? undefined}
          scrapId={search.get('scrapId')}
          onCancel={back}
          onSaved={(saved) => {
            void message.success(id ? '已保存修改' : '购置登记已保存');
            navigate(`/purchases/${saved.id}`, { replace: true });
          }}
        />
      )}
    </FormPageFrame>
  );
}
