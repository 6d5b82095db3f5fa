/** One decision: which concern(s), up to the office's maximum per ticket. */
import type { CapacityView, ServiceView } from '../../host/contract.ts';
import { formatList } from '../format.ts';
import { ActionButton } from './ActionButton.tsx';
import { ConcernTile } from './ConcernTile.tsx';
import { ScreenFrame } from './ScreenFrame.tsx';
import { useI18n } from './i18n-context.ts';

interface ConcernPickerProps {
  services: ServiceView[];
  capacity: CapacityView;
  selected: string[];
  max: number;
  onToggle: (serviceId: string) => void;
  onBack: () => void;
  onDraw: () => void;
}

/** The concern picker with the running choice and the print button. */
export function ConcernPicker(props: ConcernPickerProps) {
  const { services, capacity, selected, max, onToggle, onBack, onDraw } = props;
  const { t, text, language } = useI18n();
  const chosenNames = services
    .filter((each) => selected.includes(each.id))
    .map((each) => text(each.names));
  const full = selected.length >= max;
  return (
    <ScreenFrame
      name="pick"
      title={t.pickTitle}
      lead={t.pickHint(max)}
      actions={
        <>
          <ActionButton icon="back" directional onClick={onBack}>
            {t.back}
          </ActionButton>
          <ActionButton
            variant="primary"
            icon="printer"
            disabled={selected.length === 0}
            onClick={onDraw}
          >
            {t.printTicket}
          </ActionButton>
        </>
      }
    >
      <ul className="concerns">
        {services.map((service) => (
          <li key={service.id}>
            <ConcernTile
              service={service}
              nextFreeTime={
                capacity.services.find((each) => each.serviceId === service.id)?.nextFreeTime ??
                null
              }
              selected={selected.includes(service.id)}
              blocked={full && !selected.includes(service.id)}
              onToggle={() => onToggle(service.id)}
            />
          </li>
        ))}
      </ul>
      <p className="selection" data-testid="selection">
        <span>
          {chosenNames.length > 0 ? t.chosen(formatList(chosenNames, language)) : t.nothingChosen}
        </span>
        <span className="selection-count">{t.selectedCount(selected.length, max)}</span>
      </p>
    </ScreenFrame>
  );
}
