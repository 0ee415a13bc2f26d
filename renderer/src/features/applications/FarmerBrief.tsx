import { UserOutlined } from '@ant-design/icons';
import { Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { maskIdNumber, maskPhone } from '../../../../shared/domain/mask';
import type { Farmer } from '../../../../shared/schemas/farmers';

export interface FarmerSummary {
  id: string;
  name: string;
  idNumberMasked: string;
  phoneMasked: string;
  townshipName: string;
  village: string;
}

/** A full farmer record reduced to what application screens show: masked numbers only. */
export function summaryOf(f: Farmer): FarmerSummary {
  return {
    id: f.id,
    name: f.name,
    idNumberMasked: maskIdNumber(f.idNumber),
    phoneMasked: maskPhone(f.phone),
    townshipName: f.townshipName,
    village: f.village,
  };
}

/** The applicant in one line, masked; the name links to the farmer page where the full record is. */
export function FarmerBrief({ farmer }: { farmer: FarmerSummary }) {
  return (
    <Space size="large" wrap data-testid="farmer-brief">
      <Space size={6}>
        <UserOutlined />
        <Link to={`/farmers/${farmer.id}`}>
          <Typography.Text strong>{farmer.name}</Typography.Text>
        </Link>
      </Space>
      <Typography.Text type="secondary">
        证件号码 <span className="masked">{farmer.idNumberMasked}</span>
      </Typography.Text>
      <Typography.Text type="secondary">
        手机 <span className="masked">{farmer.phoneMasked}</span>
      </Typography.Text>
      <Typography.Text type="secondary">
        {farmer.townshipName} {farmer.village}
      </Typography.Text>
    </Space>
  );
}
