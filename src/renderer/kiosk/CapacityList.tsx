/** Open capacity per concern at a glance: the next time today, or "fully booked today". */
import type { CapacityView, ServiceView } from '../../host/contract.ts';
import { Icon } from './Icon.tsx';
import { Pictogram } from './Pictogram.tsx';
import { useI18n } from './i18n-context.ts';

interface CapacityListProps {
  services: ServiceView[];
  capacity: CapacityView;
}

/** One row per walk-in concern with its pictogram, name and next free time. */
export function CapacityList({ services, capacity }: CapacityListProps) {
  const { t, text } = useI18n();
  return (
    <section className="capacity" aria-labelledby="capacity-title">
      <h2 id="capacity-title">{t.capacityHeading}</h2>
      <ul className="capacity-list">
        {services.map((service) => {
          const time = capacity.services.find(
            (each) => each.serviceId === service.id,
          )?.nextFreeTime;
          return (
            <li key={service.id} className="capacity-row" data-testid={`capacity-${service.id}`}>
              <Pictogram serviceId={service.id} />
              <span className="capacity-name">{text(service.names)}</span>
              <span className={time ? 'status status-free' : 'status status-booked'}>
                {time && <Icon name="clock" />}
                {time ? t.nextFreeAt(time) : t.fullyBooked}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
