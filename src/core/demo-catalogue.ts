/**
 * The catalogue of the `demo` office (docs/cli.md): Europe/Berlin, Mon–Fri 07:30–18:00, the five
 * short concerns of the brief and a few regular services.
 */
import {
  type Catalogue,
  type Counter,
  type CounterId,
  DEFAULT_SLOT_GRID,
  DEFAULT_WALK_IN_POLICY,
  type LocalizedText,
  type OfficeId,
  type OpeningSpan,
  type Service,
  type ServiceId,
} from './catalogue.ts';

const ID_CARD: LocalizedText = {
  de: 'Personalausweis oder Reisepass',
  en: 'ID card or passport',
  tr: 'Kimlik kartı veya pasaport',
  ar: 'بطاقة الهوية أو جواز السفر',
  uk: 'Посвідчення особи або паспорт',
  ru: 'Удостоверение личности или паспорт',
  pl: 'Dowód osobisty lub paszport',
};

/** Short concerns (Kurzanliegen). Keys are LeiKa Leistungsschlüssel where we know one. */
export const DEMO_WALK_IN_SERVICES: Service[] = [
  {
    id: '99115003012000' as ServiceId,
    names: {
      de: 'Meldebescheinigung',
      en: 'Certificate of registration',
      tr: 'İkamet belgesi',
      ar: 'شهادة تسجيل السكن',
      uk: 'Довідка про реєстрацію',
      ru: 'Справка о регистрации',
      pl: 'Zaświadczenie o zameldowaniu',
    },
    durationMinutes: 5,
    walkIn: true,
    onlineUrl: 'https://service.example-stadt.de/melde',
    bring: [ID_CARD],
  },
  {
    id: 'fuehrungszeugnis' as ServiceId,
    names: {
      de: 'Führungszeugnis',
      en: 'Certificate of good conduct',
      tr: 'Sabıka kaydı belgesi',
      ar: 'شهادة حسن السيرة والسلوك',
      uk: 'Довідка про несудимість',
      ru: 'Справка о несудимости',
      pl: 'Zaświadczenie o niekaralności',
    },
    durationMinutes: 10,
    walkIn: true,
    onlineUrl: 'https://service.example-stadt.de/fz',
    bring: [
      ID_CARD,
      {
        de: 'EC-Karte für die Gebühr (13 €)',
        en: 'Debit card for the fee (€13)',
        tr: 'Ücret için banka kartı (13 €)',
        ar: 'بطاقة مصرفية لدفع الرسوم (13 يورو)',
        uk: 'Банківська картка для збору (13 €)',
        ru: 'Банковская карта для оплаты сбора (13 €)',
        pl: 'Karta płatnicza na opłatę (13 €)',
      },
    ],
  },
  {
    id: '99008004011001' as ServiceId,
    names: {
      de: 'PIN der Online-Ausweisfunktion neu setzen',
      en: 'Reset the PIN of the online ID',
      tr: 'Çevrimiçi kimlik PIN’ini sıfırlama',
      ar: 'إعادة تعيين الرقم السري للهوية الإلكترونية',
      uk: 'Скинути PIN онлайн-посвідчення',
      ru: 'Сброс PIN онлайн-удостоверения',
      pl: 'Reset PIN-u e-dowodu',
    },
    durationMinutes: 10,
    walkIn: true,
    bring: [ID_CARD],
  },
  {
    id: 'parkausweis-verlaengern' as ServiceId,
    names: {
      de: 'Parkausweis für Schwerbehinderte verlängern',
      en: 'Renew disabled parking permit',
      tr: 'Engelli park kartını yenileme',
      ar: 'تجديد تصريح وقوف ذوي الإعاقة',
      uk: 'Продовжити паркувальний дозвіл для людей з інвалідністю',
      ru: 'Продлить парковочное удостоверение инвалида',
      pl: 'Przedłużenie karty parkingowej dla niepełnosprawnych',
    },
    durationMinutes: 10,
    walkIn: true,
    bring: [
      ID_CARD,
      {
        de: 'Bisheriger Parkausweis und Schwerbehindertenausweis',
        en: 'Current parking permit and disability card',
        tr: 'Mevcut park kartı ve engelli kimlik kartı',
        ar: 'تصريح الوقوف الحالي وبطاقة الإعاقة',
        uk: 'Чинний паркувальний дозвіл і посвідчення особи з інвалідністю',
        ru: 'Текущее парковочное удостоверение и удостоверение инвалида',
        pl: 'Dotychczasowa karta parkingowa i legitymacja osoby niepełnosprawnej',
      },
    ],
  },
  {
    id: 'fahrzeugschein-adresse' as ServiceId,
    names: {
      de: 'Adresse im Fahrzeugschein ändern',
      en: 'Change address in vehicle registration',
      tr: 'Araç ruhsatında adres değişikliği',
      ar: 'تغيير العنوان في رخصة المركبة',
      uk: 'Змінити адресу в техпаспорті',
      ru: 'Изменить адрес в техпаспорте',
      pl: 'Zmiana adresu w dowodzie rejestracyjnym',
    },
    durationMinutes: 10,
    walkIn: true,
    bring: [
      ID_CARD,
      {
        de: 'Zulassungsbescheinigung Teil I (Fahrzeugschein)',
        en: 'Registration certificate part I',
        tr: 'Ruhsat (Zulassungsbescheinigung Teil I)',
        ar: 'شهادة التسجيل الجزء الأول',
        uk: 'Свідоцтво про реєстрацію, частина I',
        ru: 'Свидетельство о регистрации, часть I',
        pl: 'Dowód rejestracyjny, część I',
      },
    ],
  },
];

/** Services that need an appointment booked ahead: id, German and English name, minutes. */
export const DEMO_REGULAR_SERVICES: Service[] = (
  [
    ['personalausweis-beantragen', 'Personalausweis beantragen', 'Apply for an ID card', 20],
    ['reisepass-beantragen', 'Reisepass beantragen', 'Apply for a passport', 20],
    ['wohnsitz-anmelden', 'Wohnsitz anmelden', 'Register your address', 15],
    ['fahrzeug-zulassen', 'Fahrzeug zulassen', 'Register a vehicle', 30],
  ] as const
).map(([id, de, en, durationMinutes]) => ({
  id: id as ServiceId,
  names: { de, en },
  durationMinutes,
  walkIn: false,
  bring: [],
}));

export type CounterKind = 'short' | 'regular';

export interface DemoCounter extends Counter {
  kind: CounterKind;
}

/** Staggered half-hour lunch breaks from 12:00, so some counters are always open. */
const LUNCH_BREAKS: readonly OpeningSpan[] = [
  { from: '12:00', to: '12:30' },
  { from: '12:30', to: '13:00' },
  { from: '13:00', to: '13:30' },
  { from: '13:30', to: '14:00' },
];

/**
 * Counters of a demo-shaped office: the first two serve every short concern, every third one a
 * subset, the rest regular services. e.g. 6 → S1, S2 short (all), S3 short (3), S4–S6 regular
 */
export function makeDemoCounters(count: number): DemoCounter[] {
  const walkIn = DEMO_WALK_IN_SERVICES.map((s) => s.id);
  const regular = DEMO_REGULAR_SERVICES.map((s) => s.id);
  return Array.from({ length: count }, (_, i): DemoCounter => {
    const number = i + 1;
    const lunch = LUNCH_BREAKS[i % LUNCH_BREAKS.length] as OpeningSpan;
    const base = { id: `S${number}` as CounterId, name: `Schalter ${number}`, breaks: [lunch] };
    const short = { ...base, kind: 'short', slotCategory: 'short' } as const;
    if (i < 2) return { ...short, serviceIds: walkIn };
    if (i % 3 === 2) return { ...short, serviceIds: walkIn.slice(0, 3) };
    return {
      ...base,
      kind: 'regular',
      slotCategory: 'regular',
      serviceIds: [...regular, ...walkIn.slice(0, 1)],
    };
  });
}

/** The demo office's catalogue with `counterCount` counters and a `slotMinutes` grid. */
export function makeDemoCatalogue(officeId = 'demo', counterCount = 6, slotMinutes = 5): Catalogue {
  const span = [{ from: '07:30', to: '18:00' }];
  return {
    office: {
      id: officeId as OfficeId,
      // Translated like every office text: the Arabic ticket and masthead say the office's name
      // in Arabic (wording to be confirmed by a native speaker before a pilot).
      name: {
        de: 'Bürgerbüro Mitte',
        en: 'Citizens’ Office Mitte',
        tr: 'Vatandaş Bürosu Mitte',
        ar: 'مكتب المواطنين ميته',
        uk: 'Бюро громадян Мітте',
        ru: 'Бюро граждан Митте',
        pl: 'Biuro Obywatelskie Mitte',
      },
      timeZone: 'Europe/Berlin',
      openingHours: { 1: span, 2: span, 3: span, 4: span, 5: span },
      closedDates: [],
      waitingArea: {
        de: 'Wartebereich A, Erdgeschoss',
        en: 'Waiting area A, ground floor',
        tr: 'Bekleme alanı A, zemin kat',
        ar: 'منطقة الانتظار A، الطابق الأرضي',
        uk: 'Зона очікування A, перший поверх',
        ru: 'Зона ожидания A, первый этаж',
        pl: 'Poczekalnia A, parter',
      },
      policy: { ...DEFAULT_WALK_IN_POLICY },
      slotGrid: { ...DEFAULT_SLOT_GRID, slotMinutes },
    },
    services: [...DEMO_WALK_IN_SERVICES, ...DEMO_REGULAR_SERVICES],
    counters: makeDemoCounters(counterCount).map(({ kind: _kind, ...counter }) => counter),
  };
}
