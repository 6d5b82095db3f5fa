/** One concern on the picker: a toggle button with pictogram, name and next free time. */
import type { ServiceView } from '../../host/contract.ts';
import { Icon } from './Icon.tsx';
import { Pictogram } from './Pictogram.tsx';
import { useI18n } from './i18n-context.ts';

interface ConcernTileProps {
  service: ServiceView;
  nextFreeTime: string | null;
  selected: boolean;
  /** The maximum is reached: the tile stays focusable but explains instead of selecting. */
  blocked: boolean;
  onToggle: () => void;
}

/** A pressed/unpressed concern button. */
export function ConcernTile({
  service,
  nextFreeTime,
  selected,
  blocked,
  onToggle,
}: ConcernTileProps) {
  const { t, text } = useI18n();
  return (
    <button
      type="button"
      className="concern"
      aria-pressed={selected}
      aria-disabled={blocked || undefined}
      onClick={onToggle}
    >
      <Pictogram serviceId={service.id} />
      <span className="concern-text">
        <span className="concern-name">{text(service.names)}</span>
        <span className={nextFreeTime ? 'status status-free' : 'status status-booked'}>
          {nextFreeTime ? t.nextFreeAt(nextFreeTime) : t.fullyBooked}
        </span>
      </span>
      <span className="concern-check" aria-hidden="true">
        {selected && <Icon name="check" />}
      </span>
    </button>
  );
}
