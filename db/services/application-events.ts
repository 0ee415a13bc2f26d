import type { ApplicationEvent } from '../../shared/schemas/machines';
import type { EventRow } from '../repositories/applications';

export function toEvent(r: EventRow): ApplicationEvent {
  return {
    id: r.id,
    fromStatus: r.from_status as ApplicationEvent['fromStatus'],
    toStatus: r.to_status as ApplicationEvent['toStatus'],
    at: r.at,
    operator: r.operator,
    reason: r.reason,
    checks: r.checks_json ? (JSON.parse(r.checks_json) as Record<string, boolean | string>) : null,
    unseparated: r.unseparated === 1,
  };
}
